import { LiveError } from '../errors/liveError.js'
import type { OscValue } from '../osc/types.js'

/** A per-track list reply: the track id, then one value per clip slot or device. */
export interface TrackList {
  /** The track index the server echoed. */
  readonly trackId: number
  /** One value per clip slot (nil for empty slots) or per device. */
  readonly values: OscValue[]
}

/**
 * A reply of `/live/track/get/clips/name|length|color` or `/live/track/get/devices/*` (track id, then values) split into its parts.
 *
 * @example
 * decodeTrackList([0, 'Loop', null]) // { trackId: 0, values: ['Loop', null] }
 */
export function decodeTrackList(values: readonly OscValue[]): TrackList {
  const trackId = values[0]
  if (typeof trackId !== 'number' || !Number.isInteger(trackId) || trackId < 0) {
    throw new LiveError(
      'DECODE_FAILED',
      `track list reply starts with ${values.length === 0 ? 'nothing' : String(trackId)}, expected the track id (an integer ≥ 0)`,
      { details: { value: trackId, length: values.length } },
    )
  }
  return { trackId, values: values.slice(1) }
}
