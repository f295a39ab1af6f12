import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { index, trackOut } from '../core/schemas.js'
import { describeList, requireClip, requireDevice, requireScene, requireTrack } from '../core/setFacts.js'
import { requireReturn } from '../core/strip.js'
import { defineTool } from '../core/toolKit.js'
import { parseTrackRef, regularTrack, trackRef } from '../core/trackRef.js'

/** `ableton_duplicate`: a track, a scene, or a clip into another slot. */
export const duplicate = defineTool({
  name: 'ableton_duplicate',
  description:
    'Duplicate a track or a scene (the copy goes after it), or a clip into an empty slot (to_scene, to_track).',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject({
    track: trackRef.optional(),
    scene: index.optional(),
    to_track: index.optional(),
    to_scene: index.optional(),
  }),
  output: z.object({
    duplicated: z.string(),
    track: z.number().optional(),
    scene: z.number().optional(),
    name: z.string(),
  }),
  async run({ track, scene, to_track, to_scene }, { live, changed }) {
    changed({ structure: true })
    if (track !== undefined && scene !== undefined) {
      const t = regularTrack(track, 'a clip')
      await requireClip(live, t, scene)
      if (to_scene === undefined) {
        throw new LiveError('INVALID_ARGUMENTS', 'duplicating a clip needs to_scene (and to_track for another track)', {
          metaMessages: ['Example: { "track": 0, "scene": 0, "to_scene": 1 }'],
        })
      }
      const target = to_track ?? t
      await requireTrack(live, target)
      await requireScene(live, to_scene)
      if (await live.clipSlot(target, to_scene).hasClip.get()) {
        throw new LiveError('INVALID_ARGUMENTS', `slot ${to_scene} of track ${target} already holds a clip`, {
          metaMessages: ['Pick an empty slot, or delete that clip first with ableton_delete.'],
        })
      }
      await live.clipSlot(t, scene).duplicateClipTo(target, to_scene)
      const name = await live.clip(target, to_scene).name.get()
      return {
        text: `Duplicated clip ${t}/${scene} to track ${target}, slot ${to_scene}.`,
        data: { duplicated: 'clip' as const, track: target, scene: to_scene, name },
      }
    }
    if (to_track !== undefined || to_scene !== undefined) {
      throw new LiveError('INVALID_ARGUMENTS', 'to_track and to_scene go with a clip (track and scene)', {
        metaMessages: ['A track or a scene is duplicated right after itself.'],
      })
    }
    if (track !== undefined) {
      const t = regularTrack(track, 'duplicating')
      await requireTrack(live, t)
      await live.song.duplicateTrack(t)
      const name = await live.track(t + 1).name.get()
      return {
        text: `Duplicated track ${t} as track ${t + 1} (${name}).`,
        data: { duplicated: 'track' as const, track: t + 1, name },
      }
    }
    if (scene !== undefined) {
      await requireScene(live, scene)
      await live.song.duplicateScene(scene)
      const name = await live.scene(scene + 1).name.get()
      return {
        text: `Duplicated scene ${scene} as scene ${scene + 1}.`,
        data: { duplicated: 'scene' as const, scene: scene + 1, name },
      }
    }
    throw new LiveError('INVALID_ARGUMENTS', 'say what to duplicate: track, scene, or both for a clip')
  },
})

/** `ableton_delete`: a track, return track, scene, clip or device. */
export const deleteTool = defineTool({
  name: 'ableton_delete',
  description:
    'DESTRUCTIVE (undoable in Live): delete a track, return track, scene, clip or device; later indices move down. Confirm first.',
  toolset: 'core',
  kind: 'destructive',
  input: z.strictObject({ track: trackRef.optional(), scene: index.optional(), device: index.optional() }),
  output: z.object({
    deleted: z.string(),
    track: trackOut.optional(),
    scene: z.number().optional(),
    device: z.number().optional(),
    name: z.string(),
  }),
  async run({ track, scene, device }, { live, changed }) {
    changed({ structure: true })
    if (track !== undefined && device !== undefined) {
      if (scene !== undefined) throw new LiveError('INVALID_ARGUMENTS', 'give device or scene with track, not both')
      const t = regularTrack(track, 'deleting a device')
      const devices = await requireDevice(live, t, device)
      await live.track(t).deleteDevice(device)
      return {
        text: `Deleted device ${device} (${devices[device]}) of track ${t}.`,
        data: { deleted: 'device' as const, track: t, device, name: devices[device]! },
      }
    }
    if (track !== undefined && scene !== undefined) {
      const t = regularTrack(track, 'a clip')
      await requireClip(live, t, scene)
      const name = await live.clip(t, scene).name.get()
      await live.clipSlot(t, scene).deleteClip()
      return {
        text: `Deleted clip ${JSON.stringify(name)} from track ${t}, slot ${scene}.`,
        data: { deleted: 'clip' as const, track: t, scene, name },
      }
    }
    if (track !== undefined) {
      const ref = parseTrackRef(track)
      if ('master' in ref.owner) throw new LiveError('UNSUPPORTED', 'the master track cannot be deleted')
      if ('return' in ref.owner) {
        const names = await requireReturn(live, ref.owner.return)
        await live.song.deleteReturnTrack(ref.owner.return)
        const name = names[ref.owner.return]!
        return {
          text: `Deleted return track ${ref.ref} (${name}).`,
          data: { deleted: 'track' as const, track: ref.ref, name },
        }
      }
      const t = ref.owner.track
      const names = await requireTrack(live, t)
      await live.song.deleteTrack(t)
      const left = names.filter((_, i) => i !== t)
      return {
        text: `Deleted track ${t} (${names[t]}). The set now has ${describeList('tracks', left)}.`,
        data: { deleted: 'track' as const, track: t, name: names[t]! },
      }
    }
    if (scene !== undefined) {
      const names = await requireScene(live, scene)
      await live.song.deleteScene(scene)
      return { text: `Deleted scene ${scene}.`, data: { deleted: 'scene' as const, scene, name: names[scene]! } }
    }
    throw new LiveError(
      'INVALID_ARGUMENTS',
      'say what to delete: track, scene, track and scene (a clip), or track and device',
    )
  },
})
