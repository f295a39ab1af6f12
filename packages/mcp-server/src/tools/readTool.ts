import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { requireOwnerDevice, resolveOwner } from '../core/deviceOwner.js'
import { readClipDetail, readDeviceDetail, readSceneDetail, readTrackDetail } from '../core/readObjects.js'
import { readOverview } from '../core/readSet.js'
import { anyObject, deviceRef, index } from '../core/schemas.js'
import { defineTool } from '../core/toolKit.js'
import { parseTrackRef, regularTrack, trackRef } from '../core/trackRef.js'

/** The page size of the long lists (tracks, notes, parameters) when none is given. */
export const DEFAULT_LIMIT = 64

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/** `ableton_read`: the set at a glance, or one track, scene, clip or device in detail. */
export const read = defineTool({
  name: 'ableton_read',
  description:
    'No arguments: the set at a glance (call it first). Or one track, scene, clip (with notes) or device (parameters with ranges and value texts, rack chains) in detail. offset/limit page tracks, notes or parameters.',
  toolset: 'core',
  kind: 'read',
  input: z.strictObject({
    track: trackRef.optional(),
    scene: index.optional(),
    device: deviceRef.optional(),
    offset: index.default(0),
    limit: z.number().int().min(1).max(512).default(DEFAULT_LIMIT),
  }),
  output: z.object({
    set: anyObject.optional(),
    track: anyObject.optional(),
    scene: anyObject.optional(),
    clip: anyObject.optional(),
    device: anyObject.optional(),
  }),
  async run({ track, scene, device, offset, limit }, { live, signal }) {
    const page = { offset, limit }
    if (device !== undefined) {
      if (track === undefined || scene !== undefined) {
        throw new LiveError('INVALID_ARGUMENTS', 'device needs track (and no scene)', {
          metaMessages: ['Example: { "track": 0, "device": 1 }, or "track": "master".'],
        })
      }
      const ref = parseTrackRef(track)
      const owner = await resolveOwner(live, ref)
      const id = requireOwnerDevice(owner, device)
      const detail = await readDeviceDetail(live, owner, ref.ref, id, page)
      return {
        text: `Device ${String(device)} (${String(detail.name)}) on ${owner.label}: ${plural(Number(detail.parameter_count), 'parameter')}.`,
        data: { device: detail },
      }
    }
    if (track !== undefined && scene !== undefined) {
      const t = regularTrack(track, 'a clip')
      const detail = await readClipDetail(live, t, scene, page)
      return {
        text: `Clip ${JSON.stringify(detail.name)} (track ${t}, slot ${scene}): ${detail.kind}, ${String(detail.length)} beats${detail.kind === 'midi' ? `, ${plural(Number(detail.note_count), 'note')}` : ''}.`,
        data: { clip: detail },
      }
    }
    if (track !== undefined) {
      const ref = parseTrackRef(track)
      const detail = await readTrackDetail(live, ref)
      const clips = Array.isArray(detail.clips) ? `, ${plural(detail.clips.length, 'clip')}` : ''
      const devices = detail.devices as unknown[]
      return {
        text: `${ref.label} (${String(detail.name)}): ${detail.volume_db === null ? '-inf' : String(detail.volume_db)} dB, pan ${String(detail.pan)}${clips}, ${plural(devices.length, 'device')}.`,
        data: { track: detail },
      }
    }
    if (scene !== undefined) {
      const detail = await readSceneDetail(live, scene)
      return {
        text: `Scene ${scene} (${String(detail.name) || 'unnamed'}): ${plural((detail.clips as unknown[]).length, 'clip')}.`,
        data: { scene: detail },
      }
    }
    const set = await readOverview(live, page, signal)
    const shown =
      set.tracks.length === set.track_count ? '' : ` (tracks ${offset}–${offset + set.tracks.length - 1} shown)`
    return {
      text: `${plural(set.track_count, 'track')}${shown}, ${plural(set.scenes.length, 'scene')}, ${set.tempo} BPM ${set.signature}, ${set.playing ? 'playing' : 'stopped'}.`,
      data: { set: set as unknown as Record<string, unknown> },
    }
  },
})
