import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { describeList, requireTrack } from './setFacts.js'
import type { TrackOwner } from './trackRef.js'
import type { Handle } from './writeBack.js'

/** A mixer strip (a track, a return track or the master) that exists: its name and handles. */
export interface Strip {
  readonly owner: TrackOwner
  readonly name: string
  readonly volume: Handle<number>
  readonly panning: Handle<number>
  /** Absent on the master. */
  readonly mute?: Handle<boolean> | undefined
  /** Absent on the master. */
  readonly solo?: Handle<boolean> | undefined
  /** Regular tracks only. */
  readonly track?: number | undefined
}

/** The return tracks' names (the bridge's extension), throwing NOT_FOUND with what exists when `index` is past them. */
export async function requireReturn(live: LiveClient, index: number): Promise<string[]> {
  const names = (await live.song.returnTrackNames.get()) as unknown as string[]
  if (index >= names.length) {
    throw new LiveError(
      'NOT_FOUND',
      `return ${index} does not exist; this set has ${describeList('return tracks', names)}.`,
      { metaMessages: ['Return tracks count from 0: return A is "return/0".'], details: { what: 'return', index } },
    )
  }
  return names
}

/**
 * The strip a track argument names, checked to exist (a regular track, a return track or the master; the last
 * two through the bridge, whose absence the client reports as UNSUPPORTED).
 *
 * @example
 * const strip = await stripOf(live, parseTrackRef('master'))
 * await strip.volume.set(0.85)
 */
export async function stripOf(live: LiveClient, owner: TrackOwner): Promise<Strip> {
  if ('track' in owner.owner) {
    const index = owner.owner.track
    const names = await requireTrack(live, index)
    const t = live.track(index)
    return {
      owner,
      name: names[index]!,
      volume: t.volume,
      panning: t.panning,
      mute: t.mute,
      solo: t.solo,
      track: index,
    }
  }
  if ('return' in owner.owner) {
    const index = owner.owner.return
    const names = await requireReturn(live, index)
    const r = live.returnTrack(index)
    return { owner, name: names[index]!, volume: r.volume, panning: r.panning, mute: r.mute, solo: r.solo }
  }
  const m = live.masterTrack
  return { owner, name: await m.name.get(), volume: m.volume, panning: m.panning }
}

/** The strip's mute or solo, or UNSUPPORTED naming why (the master has neither). */
export function toggleOf(strip: Strip, property: 'mute' | 'solo'): Handle<boolean> {
  const handle = strip[property]
  if (handle !== undefined) return handle
  throw new LiveError('UNSUPPORTED', `the master track has no ${property} button`, {
    metaMessages: ['Mute or solo a track or a return track instead.'],
  })
}
