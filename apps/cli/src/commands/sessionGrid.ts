import type { LiveClient } from '@live/client'
import { colorToHex, decodeTrackData, type OscValue } from '@live/protocol'

/** One clip of the session grid. */
export interface GridClip {
  /** The clip's name ('' when unnamed). */
  readonly name: string
  /** Its colour as `#rrggbb`, or null when the server gave none (or colours were not read). */
  readonly color: string | null
}

/** One track of the session grid: a column. */
export interface GridTrack {
  readonly index: number
  readonly name: string
  /** The track's colour as `#rrggbb`, or null (or colours were not read). */
  readonly color: string | null
  /** The slot playing, or null. */
  readonly playingSlot: number | null
  /** The slot triggered to play at the next launch quantum, or null. */
  readonly triggeredSlot: number | null
  /** A stop is triggered (the track's clip stops at the next quantum). */
  readonly stopTriggered: boolean
  /** One entry per scene: the clip in that slot, or null for an empty slot. */
  readonly clips: readonly (GridClip | null)[]
}

/** The session view: tracks as columns, scenes as rows. */
export interface SessionGrid {
  readonly tracks: readonly GridTrack[]
  readonly scenes: readonly { readonly index: number; readonly name: string }[]
}

const hex = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? colorToHex(value) : null)
const slot = (value: unknown) => (typeof value === 'number' && value >= 0 ? value : null)

/** What plays on a track and what waits to: a {@link GridTrack} without its clips. */
export type TrackState = Omit<GridTrack, 'clips'>

/**
 * Reads every track's name, playing and triggered slot (and colour) with one `track_data` request: a few
 * values per track, so the reply stays small on any set, and one of AbletonOSC's ticks.
 *
 * @example
 * const tracks = await readTrackStates(live, { colors: false }) // [{ index: 0, name: 'Drums', playingSlot: 1, ... }]
 */
export async function readTrackStates(live: LiveClient, options: { colors: boolean }): Promise<TrackState[]> {
  const properties = [
    'track.name',
    'track.playing_slot_index',
    'track.fired_slot_index',
    ...(options.colors ? ['track.color'] : []),
  ]
  const values = (await live.request('/live/song/get/track_data', [0, -1, ...properties])) as OscValue[]
  return decodeTrackData(values, { properties, numScenes: 0 }).map((row, index) => ({
    index,
    name: String(row['track.name']),
    color: hex(row['track.color']),
    playingSlot: slot(row['track.playing_slot_index']),
    triggeredSlot: slot(row['track.fired_slot_index']),
    // Live's fired_slot_index is -2 while a stop is triggered.
    stopTriggered: row['track.fired_slot_index'] === -2,
  }))
}

/**
 * Reads the session grid in two rounds of requests in flight together (on AbletonOSC, about three of
 * its ticks on a 64-track set): the scene names and {@link readTrackStates}, then each track's clip names
 * (and with `colors` their colours), one small reply per track. Measured against `live.sync()` and
 * one `track_data` for everything (whose reply outgrows macOS's datagram limit) in bench/overview.bench.ts.
 *
 * @example
 * const grid = await readGrid(live, { colors: true })
 */
export async function readGrid(live: LiveClient, options: { colors: boolean }): Promise<SessionGrid> {
  const [sceneNames, states] = await Promise.all([
    live.song.scenesName.get() as Promise<unknown[]>,
    readTrackStates(live, options),
  ])
  const tracks = await Promise.all(
    states.map(async (state): Promise<GridTrack> => {
      const t = live.track(state.index)
      const [names, colors] = (await Promise.all([
        t.clipsName.get(),
        options.colors ? t.clipsColor.get() : undefined,
      ])) as [unknown[], unknown[] | undefined]
      const clips = sceneNames.map((_, s) => {
        const name = names[s]
        return name === null || name === undefined ? null : { name: String(name), color: hex(colors?.[s]) }
      })
      return { ...state, clips }
    }),
  )
  return { tracks, scenes: sceneNames.map((name, index) => ({ index, name: String(name) })) }
}
