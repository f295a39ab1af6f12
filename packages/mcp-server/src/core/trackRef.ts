import type { BridgeTrackId } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'

/** A track argument: an index from 0, or (bridge only) "master" or "return/R", as the `live` CLI takes them. */
export const trackRef = z.union([z.number().int().min(0), z.string()])

/** A track argument, resolved: the workflows' form, the client's id, and words for messages. */
export interface TrackOwner {
  /** As the workflows take it. */
  readonly owner: { readonly track: number } | { readonly return: number } | { readonly master: true }
  /** As `live.device()` takes it. */
  readonly id: number | BridgeTrackId
  /** What the answers call it ("track 2", "return 0", "master"). */
  readonly label: string
  /** How the argument is shown back in structured answers. */
  readonly ref: number | string
}

/**
 * Reads a track argument: `0`, `"0"`, `"master"` or `"return/0"` (return A); anything else is INVALID_ARGUMENTS.
 *
 * @example
 * parseTrackRef('return/1').owner // { return: 1 }
 */
export function parseTrackRef(value: number | string, arg = 'track'): TrackOwner {
  const text = String(value).trim().toLowerCase()
  if (text === 'master') return { owner: { master: true }, id: 'master', label: 'master', ref: 'master' }
  const ret = /^return\/(\d+)$/.exec(text)
  if (ret !== null) {
    const index = Number(ret[1])
    return { owner: { return: index }, id: `return/${index}`, label: `return ${index}`, ref: `return/${index}` }
  }
  if (/^\d+$/.test(text)) {
    const index = Number(text)
    return { owner: { track: index }, id: index, label: `track ${index}`, ref: index }
  }
  throw new LiveError(
    'INVALID_ARGUMENTS',
    `${arg} ${JSON.stringify(value)} is not a track: expected an index from 0, "master" or "return/R" (R from 0; return A is "return/0")`,
    { metaMessages: ['ableton_read with no arguments lists the tracks and return tracks.'] },
  )
}

/** A track argument that must be a regular track (clips, arm, sends): its index, or INVALID_ARGUMENTS naming why. */
export function regularTrack(value: number | string, what: string, arg = 'track'): number {
  const ref = parseTrackRef(value, arg)
  if ('track' in ref.owner) return ref.owner.track
  throw new LiveError('INVALID_ARGUMENTS', `${what} needs a regular track: ${ref.label} has none`, {
    metaMessages: ['Give a track index from 0.'],
  })
}
