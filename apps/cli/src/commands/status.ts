import type { LiveClient } from '@live/client'
import { beatsToPosition } from '@live/protocol'
import { noMore } from '../cli/args.js'
import type { CommandGroup, Connection } from '../cli/context.js'
import type { Colors } from '../cli/output.js'
import { readTrackStates } from './sessionGrid.js'

/** What plays or waits on one track, as `live status` reports it. */
interface TrackStatus {
  readonly index: number
  readonly name: string
  readonly playing: { readonly slot: number; readonly clip: string | null } | null
  readonly triggered: { readonly slot: number; readonly clip: string | null } | null
  readonly stopTriggered: boolean
}

/** `live status` as data: the server, the transport and what each track plays. */
export interface Status {
  readonly server: { readonly host: string; readonly port: number; readonly kind: string; readonly name: string }
  readonly song: {
    readonly playing: boolean
    readonly tempo: number
    readonly signature: { readonly numerator: number; readonly denominator: number }
    readonly beats: number
    /** bars.beats.sixteenths, as `live pos` prints it. */
    readonly position: string
    readonly loop: { readonly on: boolean; readonly start: number; readonly length: number }
    readonly metronome: boolean
    readonly record: boolean
  }
  readonly tracks: readonly TrackStatus[]
}

/**
 * Reads what `live status` shows in one round of requests in flight together (the song's transport,
 * {@link readTrackStates} and who the server is), then the names of the clips that play or wait to.
 *
 * @example
 * const status = await readStatus(live, { host: '127.0.0.1', port: 11000 })
 */
export async function readStatus(live: LiveClient, endpoint: Pick<Connection, 'host' | 'port'>): Promise<Status> {
  const s = live.song
  const [song, states, server] = await Promise.all([
    Promise.all([
      s.isPlaying.get(),
      s.tempo.get(),
      s.signatureNumerator.get(),
      s.signatureDenominator.get(),
      s.currentSongTime.get(),
      s.loop.get(),
      s.loopStart.get(),
      s.loopLength.get(),
      s.metronome.get(),
      s.recordMode.get(),
    ]),
    readTrackStates(live, { colors: false }),
    // Last: on AbletonOSC its probe is an unknown address, and an error ends AbletonOSC's tick early.
    live.detect(),
  ])
  const clipAt = async (track: number, slot: number | null) =>
    slot === null
      ? null
      : {
          slot,
          clip: await live
            .clip(track, slot)
            .name.get()
            .catch(() => null),
        }
  const tracks = await Promise.all(
    states.map(async (t) => {
      const [playing, triggered] = await Promise.all([clipAt(t.index, t.playingSlot), clipAt(t.index, t.triggeredSlot)])
      return { index: t.index, name: t.name, playing, triggered, stopTriggered: t.stopTriggered }
    }),
  )
  const [playing, tempo, numerator, denominator, beats, loop, loopStart, loopLength, metronome, record] = song
  return {
    server: {
      host: endpoint.host,
      port: endpoint.port,
      kind: server.kind,
      name: `${server.name}${server.liveVersion === undefined ? '' : `, Live ${server.liveVersion}`}`,
    },
    song: {
      playing,
      tempo,
      signature: { numerator, denominator },
      beats,
      position: beatsToPosition(Math.max(0, beats), { numerator, denominator }),
      loop: { on: loop, start: loopStart, length: loopLength },
      metronome,
      record,
    },
    tracks,
  }
}

const round = (n: number) => String(Math.round(n * 100) / 100)

function render(status: Status, c: Colors): string {
  const { song } = status
  const { numerator, denominator } = song.signature
  const position = (beats: number) => beatsToPosition(Math.max(0, beats), song.signature)
  const loop = song.loop.on
    ? `loop ${position(song.loop.start)}–${position(song.loop.start + song.loop.length)}`
    : 'loop off'
  const width = Math.max(0, ...status.tracks.map((t) => `${t.index} ${t.name}`.length))
  const clip = (at: { slot: number; clip: string | null }) => `${at.clip ?? ''} (scene ${at.slot})`.trimStart()
  return [
    [
      song.playing ? c.green('▶ playing') : '■ stopped',
      `${round(song.tempo)} BPM`,
      `${numerator}/${denominator}`,
      `at ${song.position}`,
      loop,
      `metronome ${song.metronome ? 'on' : 'off'}`,
      ...(song.record ? [c.red('● record')] : []),
    ].join('  '),
    `server: ${status.server.name} at ${status.server.host}:${status.server.port}`,
    ...status.tracks.map((t) => {
      const parts = [
        t.playing === null ? c.dim('·') : c.green(`▶ ${clip(t.playing)}`),
        ...(t.triggered === null ? [] : [c.yellow(`▷ ${clip(t.triggered)} next`)]),
        ...(t.stopTriggered ? [c.yellow('■ stopping')] : []),
      ]
      return `  ${`${t.index} ${t.name}`.padEnd(width)}  ${parts.join('  ')}`
    }),
  ].join('\n')
}

/** `live status`: the transport, tempo, position, loop, what each track plays or waits to play, and the server. */
export const status: CommandGroup = {
  async status(ctx) {
    noMore(ctx.positionals, 0, ctx.usage)
    const result = await readStatus(await ctx.client(), ctx.connection)
    ctx.out.result(() => render(result, ctx.out.c), result)
  },
}
