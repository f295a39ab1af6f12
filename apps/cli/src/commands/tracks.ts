import type { LiveClient } from '@live/client'
import { dbToVolume, formatDb, panToString, parseDb, parsePan, volumeToDb } from '@live/protocol'
import { boolArg, choiceArg, integerArg, noMore, numberArg, required } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import { confirm } from '../cli/confirm.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { ExitCode, usageError } from '../cli/exitCodes.js'
import { table } from '../cli/output.js'

const { words } = commandTable.track

/** One row of `live tracks`. */
export interface TrackRow {
  index: number
  name: string
  type: 'midi' | 'audio'
  volume: number
  volumeDb: number
  pan: number
  mute: boolean | null
  solo: boolean | null
  arm: boolean | null
  playingSlot: number | null
  playingClip: string | null
}

/** Reads what `live tracks` shows for one track. */
export async function readTrack(live: LiveClient, index: number): Promise<TrackRow> {
  const t = live.track(index)
  const [name, midi, volume, pan, mute, solo, arm, playing, clipNames] = await Promise.all([
    t.name.get(),
    t.hasMidiInput.get(),
    t.volume.get(),
    t.panning.get(),
    t.mute.get().catch(() => null),
    t.solo.get().catch(() => null),
    t.arm.get().catch(() => null),
    t.playingSlotIndex.get(),
    t.clipsName.get(),
  ])
  const names = clipNames as readonly (string | null)[]
  const playingSlot = playing >= 0 ? playing : null
  return {
    index,
    name,
    type: midi ? 'midi' : 'audio',
    volume,
    volumeDb: volumeToDb(volume),
    pan,
    mute,
    solo,
    arm,
    playingSlot,
    playingClip: playingSlot === null ? null : (names[playingSlot] ?? null),
  }
}

/** Checks a track index against the set before anything is sent; NOT_FOUND names the valid range. */
async function checkTrack(live: LiveClient, index: number): Promise<void> {
  const count = await live.song.numTracks.get()
  if (index >= count) throw usageError(`track ${index} does not exist: the set has tracks 0..${count - 1}`)
}

function flags(row: TrackRow, c: CommandContext['out']['c']): string {
  return [row.mute ? c.yellow('M') : '·', row.solo ? c.cyan('S') : '·', row.arm ? c.red('R') : '·'].join('')
}

function rowCells(row: TrackRow, c: CommandContext['out']['c']): string[] {
  return [
    String(row.index),
    row.name,
    row.type,
    formatDb(row.volumeDb),
    panToString(row.pan),
    flags(row, c),
    row.playingClip === null ? '' : c.green(`▶ ${row.playingClip}`),
  ]
}

/** `live track N PROPERTY [VALUE]`: sets the property and prints it back, or only prints it when no value is given. */
async function trackProperty(ctx: CommandContext, index: number, name: string, rest: readonly string[]) {
  const property = choiceArg(name, 'track property', words.property)
  const live = await ctx.client()
  const t = live.track(index)
  const value = rest[0]
  // No value: print the current one, as `live tempo` does.
  const reading = value === undefined
  let shown: string
  let data: Record<string, unknown>
  switch (property) {
    case 'volume': {
      let volume = 0
      if (value !== undefined && ctx.flags.raw === true) volume = numberArg(value, 'volume (--raw)', 0, 1)
      else if (value !== undefined) {
        let db: number
        try {
          db = parseDb(value)
        } catch {
          throw usageError(
            `volume must be a level in dB from -inf to +6 (e.g. -6 or -6dB; got "${value}")`,
            'Or give Live’s raw value with --raw 0..1.',
          )
        }
        if (db > 6) throw usageError(`volume must be a level in dB from -inf to +6 (got "${value}")`)
        // 2 could mean +2 dB or Live's raw fader value: a bare number from 0 up is taken as dB, and said so.
        if (/^\+?(\d+\.?\d*|\.\d+)$/.test(value.trim())) {
          ctx.out.note(
            `live track: took ${value} as ${db > 0 ? '+' : ''}${formatDb(db)}; write ${value}dB to say so, or --raw ${value} for Live's 0..1 fader value`,
          )
        }
        volume = dbToVolume(db)
      }
      await checkTrack(live, index)
      if (!reading) await t.volume.set(volume)
      const now = await t.volume.get()
      shown = `track ${index} volume ${formatDb(volumeToDb(now))}`
      data = { track: index, volume: now, volumeDb: volumeToDb(now) }
      break
    }
    case 'pan': {
      let pan = 0
      if (value !== undefined) {
        try {
          pan = parsePan(value)
        } catch {
          throw usageError(`pan must be C, 1L..50L, 1R..50R or a value from -1 to 1 (got "${value}")`)
        }
      }
      await checkTrack(live, index)
      if (!reading) await t.panning.set(pan)
      const now = await t.panning.get()
      shown = `track ${index} pan ${panToString(now)}`
      data = { track: index, pan: now }
      break
    }
    case 'mute':
    case 'solo':
    case 'arm': {
      const on = value === undefined ? false : boolArg(value, `${property} (${words.switch.join('|')})`)
      await checkTrack(live, index)
      const handle = property === 'mute' ? t.mute : property === 'solo' ? t.solo : t.arm
      if (!reading) await handle.set(on)
      const now = await handle.get()
      shown = `track ${index} ${property} ${now ? 'on' : 'off'}`
      data = { track: index, [property]: now }
      break
    }
    case 'name': {
      const name = rest.join(' ')
      if (!reading && name.trim() === '') throw usageError(`a track name cannot be empty`, `Usage: ${ctx.usage}`)
      await checkTrack(live, index)
      if (!reading) await t.name.set(name)
      const now = await t.name.get()
      shown = reading ? `track ${index} is "${now}"` : `track ${index} is now "${now}"`
      data = { track: index, name: now }
      break
    }
    case 'send': {
      if (value === undefined) throw usageError(`missing a send index for track ${index} send`, `Usage: ${ctx.usage}`)
      const send = integerArg(value, 'send index', 0)
      const level = rest[1] === undefined ? undefined : numberArg(rest[1], 'send level', 0, 1)
      await checkTrack(live, index)
      if (level !== undefined) await t.send(send).set(level)
      const now = await t.send(send).get()
      shown = `track ${index} send ${send} ${Math.round(now * 100)}%`
      data = { track: index, send, value: now }
      break
    }
  }
  ctx.out.result(shown, data)
}

/** Track commands: `tracks`, `track N ...`, `track create`, `track delete`. */
export const tracks: CommandGroup = {
  async tracks(ctx) {
    noMore(ctx.positionals, 0, ctx.usage)
    const live = await ctx.client()
    const count = await live.song.numTracks.get()
    const rows = await Promise.all(Array.from({ length: count }, (_, i) => readTrack(live, i)))
    const { c } = ctx.out
    ctx.out.result(
      () =>
        table(
          ['#', 'name', 'type', 'volume', 'pan', 'MSR', 'playing'],
          rows.map((r) => rowCells(r, c)),
          c,
        ),
      { tracks: rows },
    )
  },

  async track(ctx) {
    const first = required(ctx.positionals, 0, 'a track index (or create / delete)', ctx.usage)
    const [create, remove] = words.action
    if (first === create) {
      noMore(ctx.positionals, 2, ctx.usage)
      const kind = choiceArg(
        required(ctx.positionals, 1, `the track type (${words.type.join(' or ')})`, ctx.usage),
        'track type',
        words.type,
      )
      const live = await ctx.client()
      await (kind === 'audio' ? live.song.createAudioTrack(-1) : live.song.createMidiTrack(-1))
      const count = await live.song.numTracks.get()
      ctx.out.result(`created ${kind} track ${count - 1}`, { created: kind, track: count - 1, tracks: count })
      return
    }
    if (first === remove) {
      noMore(ctx.positionals, 2, ctx.usage)
      const index = integerArg(
        required(ctx.positionals, 1, 'the index of the track to delete', ctx.usage),
        'track index',
        0,
      )
      if (ctx.flags.yes !== true) {
        if (!process.stdin.isTTY) {
          throw usageError(
            `refusing to delete track ${index} without --yes (not a terminal, cannot ask)`,
            `Run: live track delete ${index} --yes`,
          )
        }
      }
      const live = await ctx.client()
      await checkTrack(live, index)
      const name = await live.track(index).name.get()
      if (ctx.flags.yes !== true && !(await confirm(`Delete track ${index} "${name}"? [y/N] `, ctx.signal))) {
        ctx.out.result('kept it', { deleted: false })
        return ExitCode.FAILED
      }
      await live.song.deleteTrack(index)
      const count = await live.song.numTracks.get()
      ctx.out.result(`deleted track ${index} "${name}"`, { deleted: true, track: index, name, tracks: count })
      return
    }
    const index = integerArg(first, 'track index', 0)
    const property = ctx.positionals[1]
    if (property === undefined) {
      const live = await ctx.client()
      await checkTrack(live, index)
      const row = await readTrack(live, index)
      const { c } = ctx.out
      ctx.out.result(
        () =>
          [
            `${c.bold(`track ${row.index}`)}  ${row.name}  (${row.type})`,
            `volume  ${formatDb(row.volumeDb)}  (${row.volume.toFixed(3)})`,
            `pan     ${panToString(row.pan)}`,
            `mute ${row.mute ? 'on' : 'off'}  solo ${row.solo ? 'on' : 'off'}  arm ${row.arm ? 'on' : 'off'}`,
            `playing ${row.playingClip === null ? '—' : `${row.playingClip} (scene ${row.playingSlot})`}`,
          ].join('\n'),
        row,
      )
      return
    }
    if (property !== 'name' && property !== 'send') noMore(ctx.positionals, 3, ctx.usage)
    await trackProperty(ctx, index, property, ctx.positionals.slice(2))
  },
}
