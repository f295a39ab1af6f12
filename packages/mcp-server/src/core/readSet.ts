import type { LiveClient, LiveSet } from '@live/client'
import { beatsToPosition, formatClipTriggerQuantisation, isLiveError, panToString } from '@live/protocol'
import { dbOf } from './values.js'

/** One track in the overview: flags only when on, so a big set stays small. */
export interface TrackRow {
  readonly index: number
  readonly name: string
  readonly kind: 'midi' | 'audio' | 'group'
  readonly volume_db: number | null
  readonly pan: string
  readonly mute?: true
  readonly solo?: true
  readonly arm?: true
  /** The slot playing, when one is. */
  readonly playing?: number
  /** The slots (scene indices) that hold a clip. */
  readonly clips: readonly number[]
  readonly devices: readonly string[]
}

/** A return track or the master in the overview (the bridge only). */
export interface StripRow {
  readonly track: string
  readonly name: string
  readonly volume_db: number | null
  readonly pan: string
}

/** The set at a glance: what an assistant reads before acting; details per object through ableton_read. */
export interface SetOverview {
  readonly tempo: number
  readonly signature: string
  readonly playing: boolean
  /** Live's position text, "bar.beat.sixteenth". */
  readonly position: string
  readonly beats: number
  readonly loop: { readonly on: boolean; readonly start: number; readonly length: number }
  readonly metronome: boolean
  readonly quantization: string
  readonly record: { readonly arrangement: boolean; readonly session: boolean }
  readonly track_count: number
  readonly tracks: readonly TrackRow[]
  /** The first track index not in `tracks`, when the page stopped before the end. */
  readonly next_offset?: number
  readonly returns?: readonly StripRow[]
  readonly master?: Omit<StripRow, 'track'>
  readonly scenes: readonly string[]
}

const pan = (value: number) => panToString(Math.min(1, Math.max(-1, value)))

/** Return tracks and the master through the bridge; undefined where the server cannot address them (AbletonOSC). */
async function readStrips(live: LiveClient): Promise<Pick<SetOverview, 'returns' | 'master'>> {
  try {
    const names = (await live.song.returnTrackNames.get()) as unknown as string[]
    const returns = await Promise.all(
      names.map(async (name, r) => {
        const [volume, panning] = await Promise.all([
          live.returnTrack(r).volume.get(),
          live.returnTrack(r).panning.get(),
        ])
        return { track: `return/${r}`, name, volume_db: dbOf(volume), pan: pan(panning) }
      }),
    )
    const m = live.masterTrack
    const [name, volume, panning] = await Promise.all([m.name.get(), m.volume.get(), m.panning.get()])
    return { returns, master: { name, volume_db: dbOf(volume), pan: pan(panning) } }
  } catch (error) {
    if (isLiveError(error) && error.code === 'UNSUPPORTED') return {}
    throw error
  }
}

function trackRow(t: LiveSet['tracks'][number], midi: boolean, playing: number): TrackRow {
  return {
    index: t.index,
    name: t.name,
    kind: t.arm === null ? 'group' : midi ? 'midi' : 'audio',
    volume_db: dbOf(t.volume),
    pan: pan(t.panning),
    ...(t.mute === true ? { mute: true as const } : {}),
    ...(t.solo === true ? { solo: true as const } : {}),
    ...(t.arm === true ? { arm: true as const } : {}),
    ...(playing >= 0 ? { playing } : {}),
    clips: t.clipSlots.flatMap((s) => (s.hasClip ? [s.index] : [])),
    devices: t.devices.map((d) => d.name),
  }
}

/**
 * Reads the set at a glance: song, transport, one row per track (a page of them), returns and master (bridge),
 * and the scene names; clip names, sends and parameters are details for `ableton_read` with an object.
 *
 * @example
 * const overview = await readOverview(live, { offset: 0, limit: 64 })
 */
export async function readOverview(
  live: LiveClient,
  page: { offset: number; limit: number },
  signal?: AbortSignal | undefined,
): Promise<SetOverview> {
  const [set, strips] = await Promise.all([live.sync({ notes: false, parameters: false, signal }), readStrips(live)])
  const tracks = set.tracks.slice(page.offset, page.offset + page.limit)
  const extra = await Promise.all(
    tracks.map((t) =>
      Promise.all([live.track(t.index).hasMidiInput.get(), live.track(t.index).playingSlotIndex.get()]),
    ),
  )
  const { song } = set
  const signature = { numerator: song.signatureNumerator, denominator: song.signatureDenominator }
  const end = page.offset + tracks.length
  return {
    tempo: Math.round(song.tempo * 100) / 100,
    signature: `${signature.numerator}/${signature.denominator}`,
    playing: song.isPlaying,
    position: beatsToPosition(Math.max(0, song.currentSongTime), signature),
    beats: Math.round(song.currentSongTime * 1000) / 1000,
    loop: { on: song.loop, start: song.loopStart, length: song.loopLength },
    metronome: song.metronome,
    quantization: formatClipTriggerQuantisation(song.clipTriggerQuantization),
    record: { arrangement: song.recordMode, session: song.sessionRecord },
    track_count: set.tracks.length,
    tracks: tracks.map((t, i) => trackRow(t, extra[i]![0], extra[i]![1])),
    ...(end < set.tracks.length ? { next_offset: end } : {}),
    ...strips,
    scenes: set.scenes.map((s) => s.name),
  }
}
