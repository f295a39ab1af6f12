import { z } from 'zod'
import { index, slot } from '../core/schemas.js'
import { requireClip, requireScene, requireTrack } from '../core/setFacts.js'
import { defineTool } from '../core/toolKit.js'
import { regularTrack, trackRef } from '../core/trackRef.js'

/** `ableton_fire_clip`: launch one clip. */
export const fireClip = defineTool({
  name: 'ableton_fire_clip',
  description: 'Launch a clip at the next quantization boundary.',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject(slot),
  output: z.object({ track: z.number(), scene: z.number(), name: z.string() }),
  async run({ track, scene }, { live, changed }) {
    const t = regularTrack(track, 'a clip')
    const trackName = await requireClip(live, t, scene)
    await live.clipSlot(t, scene).fire()
    const name = await live.clip(t, scene).name.get()
    changed({ tracks: [t] })
    return {
      text: `Launched clip ${JSON.stringify(name)} (track ${t} ${trackName}, slot ${scene}).`,
      data: { track: t, scene, name },
    }
  },
})

/** `ableton_launch_scene`: launch a row of clips. */
export const launchScene = defineTool({
  name: 'ableton_launch_scene',
  description: 'Launch a scene (a row of clips).',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject({ scene: index }),
  output: z.object({ scene: z.number(), name: z.string() }),
  async run({ scene }, { live, changed }) {
    const names = await requireScene(live, scene)
    await live.scene(scene).fire()
    changed({})
    return {
      text: `Launched scene ${scene}${names[scene] ? ` (${names[scene]})` : ''}.`,
      data: { scene, name: names[scene]! },
    }
  },
})

/** `ableton_stop_clips`: stop clips, keeping the transport running. */
export const stopClips = defineTool({
  name: 'ableton_stop_clips',
  description: "Stop clips, the transport running on: all, a track's (track) or one slot's (track, scene).",
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({ track: trackRef.optional(), scene: index.optional() }),
  output: z.object({
    stopped: z.string(),
    track: z.number().optional(),
    scene: z.number().optional(),
  }),
  async run({ track, scene }, { live, changed }) {
    if (track === undefined) {
      await live.song.stopAllClips()
      changed({})
      return { text: 'Stopped all clips.', data: { stopped: 'all' as const } }
    }
    const t = regularTrack(track, 'stopping clips')
    const names = await requireTrack(live, t)
    if (scene === undefined) await live.track(t).stopAllClips()
    else {
      await requireScene(live, scene)
      await live.clipSlot(t, scene).stop()
    }
    changed({ tracks: [t] })
    return {
      text: `Stopped ${scene === undefined ? 'the clips' : `slot ${scene}`} of track ${t} (${names[t]}).`,
      data:
        scene === undefined ? { stopped: 'track' as const, track: t } : { stopped: 'slot' as const, track: t, scene },
    }
  },
})
