import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { notesArg, toNotes } from '../core/notes.js'
import { index } from '../core/schemas.js'
import { requireScene, requireTrack } from '../core/setFacts.js'
import { defineTool } from '../core/toolKit.js'
import { regularTrack, trackRef } from '../core/trackRef.js'

const where = z.number().int().min(-1).default(-1).describe('-1 appends')

/** Creates a MIDI or audio track at an index (-1 appends) and names it; answers the new track's index and name. */
export async function createTrack(
  live: LiveClient,
  kind: 'midi' | 'audio',
  at: number,
  name: string | undefined,
): Promise<{ index: number; name: string }> {
  const before = await live.song.numTracks.get()
  if (at > before) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `index ${at} is past the end: this set has ${before} tracks, so use 0..${before} or -1 to append`,
    )
  }
  if (kind === 'midi') await live.song.createMidiTrack(at)
  else await live.song.createAudioTrack(at)
  const created = at === -1 ? before : at
  if (name !== undefined) await live.track(created).name.set(name)
  return { index: created, name: await live.track(created).name.get() }
}

/** `ableton_create_track`: a MIDI, audio or return track. */
export const createTrackTool = defineTool({
  name: 'ableton_create_track',
  description: 'Create a MIDI, audio or return track, optionally named.',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject({
    type: z.enum(['midi', 'audio', 'return']),
    index: where,
    name: z.string().min(1).optional(),
  }),
  output: z.object({ track: z.union([z.number(), z.string()]), name: z.string(), type: z.string() }),
  async run({ type, index: at, name }, { live, changed }) {
    changed({ structure: true })
    if (type === 'return') {
      const before = ((await live.song.returnTrackNames.get()) as unknown as string[]).length
      await live.song.createReturnTrack()
      if (name !== undefined) await live.returnTrack(before).name.set(name)
      const created = await live.returnTrack(before).name.get()
      return {
        text: `Created return track return/${before} (${created}).`,
        data: { track: `return/${before}`, name: created, type },
      }
    }
    const created = await createTrack(live, type, at, name)
    return {
      text: `Created ${type === 'midi' ? 'MIDI' : 'audio'} track ${created.index} (${created.name}).`,
      data: { track: created.index, name: created.name, type },
    }
  },
})

/** `ableton_create_scene`: an empty scene. */
export const createScene = defineTool({
  name: 'ableton_create_scene',
  description: 'Add an empty scene (a row of clip slots), optionally named.',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject({ index: where, name: z.string().min(1).optional() }),
  output: z.object({ scene: z.number(), name: z.string(), scenes: z.number() }),
  async run({ index: at, name }, { live, changed }) {
    const before = await live.song.numScenes.get()
    if (at > before) {
      throw new LiveError(
        'INVALID_ARGUMENTS',
        `index ${at} is past the end: this set has ${before} scenes, so use 0..${before} or -1`,
      )
    }
    await live.song.createScene(at)
    const created = at === -1 ? before : at
    if (name !== undefined) await live.scene(created).name.set(name)
    changed({ structure: true })
    const now = await live.scene(created).name.get()
    return {
      text: `Created scene ${created}${now ? ` (${now})` : ''}; the set has ${before + 1} scenes.`,
      data: { scene: created, name: now, scenes: before + 1 },
    }
  },
})

/** `ableton_create_clip`: a MIDI clip in an empty slot, with notes. */
export const createClip = defineTool({
  name: 'ableton_create_clip',
  description: 'Create a MIDI clip in an empty slot of a MIDI track, with notes.',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject({
    track: trackRef,
    scene: index,
    length: z.number().positive().max(4096).default(4),
    name: z.string().min(1).optional(),
    notes: notesArg.optional(),
  }),
  output: z.object({
    track: z.number(),
    scene: z.number(),
    name: z.string(),
    length: z.number(),
    note_count: z.number(),
  }),
  async run({ track, scene, length, name, notes }, { live, changed }) {
    const t = regularTrack(track, 'a clip')
    const names = await requireTrack(live, t)
    await requireScene(live, scene)
    if (await live.clipSlot(t, scene).hasClip.get()) {
      throw new LiveError('INVALID_ARGUMENTS', `track ${t} (${names[t]}) already has a clip in slot ${scene}`, {
        metaMessages: [
          'Pick an empty slot (ableton_read with the track lists its clips), or change this one with ableton_update.',
        ],
      })
    }
    if (!(await live.track(t).hasMidiInput.get())) {
      throw new LiveError(
        'INVALID_ARGUMENTS',
        `track ${t} (${names[t]}) is an audio track: MIDI clips go on MIDI tracks`,
        {
          metaMessages: ["Create one with ableton_create_track type 'midi'."],
        },
      )
    }
    const written = notes === undefined ? [] : toNotes(notes)
    await live.clipSlot(t, scene).createClip(length)
    const clip = live.clip(t, scene)
    if (name !== undefined) await clip.name.set(name)
    if (written.length > 0) await clip.notes.add(written)
    const [now, count] = await Promise.all([clip.name.get(), clip.notes.get()])
    changed({ tracks: [t] })
    return {
      text: `Created a ${length}-beat MIDI clip on track ${t} (${names[t]}), slot ${scene}, with ${count.length} notes.`,
      data: { track: t, scene, name: now, length, note_count: count.length },
    }
  },
})
