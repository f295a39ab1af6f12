import { LiveError } from '../errors/liveError.js'
import type { OscValue } from '../osc/types.js'

/*
 * `/live/song/get/track_data min max prop…` replies with one flat list and no index echo
 * (BEHAVIOUR.md §10). Per track, per requested property in order:
 *   track.X      1 value (`track.num_devices` is that track's device count)
 *   clip.X       one value per clip slot (nil for an empty slot)
 *   clip_slot.X  one value per clip slot
 *   device.X     one value per device, so the length varies per track
 * The device count of a track is not in the reply unless `track.num_devices` was asked for before
 * the first `device.X`; otherwise the caller must pass the counts.
 */

/** One track's values from a track_data reply, keyed by the property string as requested ("track.name", "clip.name", …). */
export type TrackData = Record<string, OscValue | OscValue[]>

/** What {@link decodeTrackData} needs to know about the request. */
export interface DecodeTrackDataOptions {
  /** The property strings, in the order they were requested. */
  readonly properties: readonly string[]
  /** Number of scenes (clip slots per track). */
  readonly numScenes: number
  /** Devices per track, for `device.X` without an earlier `track.num_devices`; one entry per track in the reply. */
  readonly deviceCounts?: readonly number[] | undefined
}

const PREFIXES = ['track', 'clip', 'clip_slot', 'device'] as const
type Prefix = (typeof PREFIXES)[number]

function prefixOf(property: string): Prefix {
  const dot = property.indexOf('.')
  const prefix = property.slice(0, dot)
  if (dot > 0 && dot < property.length - 1 && (PREFIXES as readonly string[]).includes(prefix)) return prefix as Prefix
  throw new LiveError(
    'INVALID_ARGUMENTS',
    `track_data property "${property}" is not valid: expected track.<p>, clip.<p>, clip_slot.<p> or device.<p>`,
    { details: { value: property } },
  )
}

/**
 * A `/live/song/get/track_data` reply split into one object per track.
 *
 * @example
 * decodeTrackData(['Bass', 'Loop', null, true, false], { properties: ['track.name', 'clip.name', 'clip_slot.has_clip'], numScenes: 2 })
 * // [{ 'track.name': 'Bass', 'clip.name': ['Loop', null], 'clip_slot.has_clip': [true, false] }]
 */
export function decodeTrackData(values: readonly OscValue[], options: DecodeTrackDataOptions): TrackData[] {
  const { properties, numScenes, deviceCounts } = options
  if (!Number.isInteger(numScenes) || numScenes < 0) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `numScenes ${String(numScenes)} is out of range: expected an integer ≥ 0`,
      {
        details: { value: numScenes, min: 0 },
      },
    )
  }
  if (properties.length === 0) {
    throw new LiveError('INVALID_ARGUMENTS', 'track_data needs at least one property', {
      details: { value: properties },
    })
  }
  const prefixes = properties.map(prefixOf)
  const firstDevice = prefixes.indexOf('device')
  const countIndex = properties.indexOf('track.num_devices')
  const countsInReply = countIndex !== -1 && countIndex < firstDevice
  if (firstDevice !== -1 && !countsInReply && deviceCounts === undefined) {
    throw new LiveError(
      'DECODE_FAILED',
      `cannot split track_data: "${properties[firstDevice]}" has one value per device, and the device counts are unknown`,
      {
        metaMessages: ['Request track.num_devices before the first device.<p>, or pass deviceCounts.'],
        details: { properties },
      },
    )
  }

  const tracks: TrackData[] = []
  let at = 0
  const take = (count: number, property: string, track: number): OscValue[] => {
    if (at + count > values.length) {
      throw new LiveError(
        'DECODE_FAILED',
        `track_data reply ends early: track ${track} needs ${count} value(s) for "${property}" at index ${at}, but the reply has ${values.length} values`,
        {
          metaMessages: ['Check numScenes, deviceCounts and properties against the request.'],
          details: { track, property, index: at, length: values.length },
        },
      )
    }
    const slice = values.slice(at, at + count)
    at += count
    return slice
  }

  while (at < values.length) {
    const track = tracks.length
    const start = at
    const data: TrackData = {}
    let devices = countsInReply ? undefined : deviceCounts?.[track]
    if (firstDevice !== -1 && !countsInReply && devices === undefined) {
      throw new LiveError(
        'DECODE_FAILED',
        `track_data reply has more tracks than deviceCounts (${deviceCounts?.length ?? 0}): ${values.length - at} value(s) left at index ${at}`,
        { details: { track, index: at, length: values.length } },
      )
    }
    properties.forEach((property, p) => {
      const prefix = prefixes[p]!
      if (prefix === 'track') {
        const value = take(1, property, track)[0]!
        if (p === countIndex) {
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
            throw new LiveError(
              'DECODE_FAILED',
              `track_data: track ${track} track.num_devices is ${String(value)}, expected an integer ≥ 0`,
              { details: { track, value } },
            )
          }
          if (countsInReply) devices = value
        }
        data[property] = value
      } else if (prefix === 'device') {
        data[property] = take(devices!, property, track)
      } else {
        data[property] = take(numScenes, property, track)
      }
    })
    tracks.push(data)
    if (at === start) {
      throw new LiveError(
        'DECODE_FAILED',
        `track_data reply has ${values.length - at} value(s) left at index ${at}, but each track takes none with these properties`,
        { metaMessages: ['Check numScenes, deviceCounts and properties against the request.'], details: { index: at } },
      )
    }
  }
  if (deviceCounts !== undefined && firstDevice !== -1 && !countsInReply && tracks.length !== deviceCounts.length) {
    throw new LiveError(
      'DECODE_FAILED',
      `track_data reply has ${tracks.length} track(s) but deviceCounts has ${deviceCounts.length}`,
      { details: { tracks: tracks.length, deviceCounts: deviceCounts.length } },
    )
  }
  return tracks
}
