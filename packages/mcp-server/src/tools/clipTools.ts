import { LiveError, type Note, noteName, parseNoteName, sortNotes } from '@live/protocol'
import { z } from 'zod'
import { noteInput, sceneIndex, slot, trackIndex } from '../core/schemas.js'
import { requireClip, requireScene, requireTrack } from '../core/setFacts.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'

type NoteArg = z.infer<typeof noteInput>

/** Notes from tool arguments (pitches as numbers or names) to the client's notes. */
export function toNotes(notes: readonly NoteArg[]): Note[] {
  return notes.map((n) => ({
    pitch: typeof n.pitch === 'number' ? n.pitch : parseNoteName(n.pitch),
    start: n.start,
    duration: n.duration,
    velocity: n.velocity,
    mute: n.mute,
  }))
}

const notesField = z.array(noteInput).describe('MIDI notes; times in beats from the clip start.')

/** Launching, stopping, creating clips, and reading and editing their notes. */
export function registerClipTools(host: ToolHost): void {
  liveTool(
    host,
    'ableton_fire_clip',
    {
      title: 'Launch a clip',
      description:
        "Launch (fire) the clip in a track's clip slot; it starts at the next launch quantisation boundary (usually the next bar) and starts the transport if stopped. The slot index is the scene index. Use ableton_get_session to see which slots hold clips.",
      input: slot,
      kind: 'write',
    },
    async ({ track, scene }, { live, changed }) => {
      const trackName = await requireClip(live, track, scene)
      await live.clipSlot(track, scene).fire()
      const name = await live.clip(track, scene).name.get()
      changed({ tracks: [track] })
      return { text: `Launched clip ${JSON.stringify(name)} (track ${track} ${trackName}, slot ${scene}).` }
    },
  )

  liveTool(
    host,
    'ableton_stop_clip',
    {
      title: 'Stop clips on a track',
      description:
        "Stop what plays on a track (at the next quantisation boundary). Without scene, stops every clip of the track; with scene, stops that slot's clip only. The transport keeps running.",
      input: { track: trackIndex, scene: sceneIndex.optional() },
      kind: 'idempotent',
    },
    async ({ track, scene }, { live, changed }) => {
      const names = await requireTrack(live, track)
      if (scene === undefined) await live.track(track).stopAllClips()
      else {
        await requireScene(live, scene)
        await live.clipSlot(track, scene).stop()
      }
      changed({ tracks: [track] })
      return {
        text: `Stopped ${scene === undefined ? 'the clips' : `slot ${scene}`} of track ${track} (${names[track]}).`,
      }
    },
  )

  liveTool(
    host,
    'ableton_stop_all_clips',
    {
      title: 'Stop all clips',
      description: 'Stop every clip on every track (like the Stop All Clips button). The transport keeps running.',
      input: {},
      kind: 'idempotent',
    },
    async (_, { live, changed }) => {
      await live.song.stopAllClips()
      changed({})
      return { text: 'Stopped all clips.' }
    },
  )

  liveTool(
    host,
    'ableton_create_clip',
    {
      title: 'Create a MIDI clip',
      description:
        'Create an empty MIDI clip in an empty slot of a MIDI track, optionally with a name and notes. Length in beats (4 = one bar of 4/4). Fails if the slot already holds a clip (use ableton_add_notes to add to it) or the track is an audio track.',
      input: {
        ...slot,
        length_beats: z
          .number()
          .positive()
          .max(4096)
          .default(4)
          .describe('Clip length in beats: 4 is one bar of 4/4, 16 four bars. Default 4.'),
        name: z.string().min(1).optional().describe('Clip name.'),
        notes: notesField.optional(),
      },
      kind: 'write',
    },
    async ({ track, scene, length_beats, name, notes }, { live, changed }) => {
      const names = await requireTrack(live, track)
      await requireScene(live, scene)
      if (await live.clipSlot(track, scene).hasClip.get()) {
        throw new LiveError(
          'INVALID_ARGUMENTS',
          `track ${track} (${names[track]}) already has a clip in slot ${scene}`,
          {
            metaMessages: [
              'Pick an empty slot (ableton_get_track lists the clips), or use ableton_add_notes on this one.',
            ],
          },
        )
      }
      if (!(await live.track(track).hasMidiInput.get())) {
        throw new LiveError(
          'INVALID_ARGUMENTS',
          `track ${track} (${names[track]}) is an audio track: MIDI clips go on MIDI tracks`,
          {
            metaMessages: ["Create one with ableton_create_track type 'midi'."],
          },
        )
      }
      const written = notes === undefined ? [] : toNotes(notes)
      await live.clipSlot(track, scene).createClip(length_beats)
      if (name !== undefined) await live.clip(track, scene).name.set(name)
      if (written.length > 0) await live.clip(track, scene).notes.add(written)
      const count = (await live.clip(track, scene).notes.get()).length
      changed({ tracks: [track] })
      return {
        text: `Created a ${length_beats}-beat MIDI clip in track ${track} (${names[track]}), slot ${scene}, with ${count} notes.`,
      }
    },
  )

  liveTool(
    host,
    'ableton_get_clip_notes',
    {
      title: 'Read the notes of a clip',
      description:
        'Read every note of a MIDI clip: pitch (number and name, C3 = 60), start and duration in beats, velocity, mute; sorted by time.',
      input: slot,
      kind: 'read',
    },
    async ({ track, scene }, { live }) => {
      await requireClip(live, track, scene)
      const clip = live.clip(track, scene)
      const [name, length, notes] = await Promise.all([clip.name.get(), clip.length.get(), clip.notes.get()])
      const rows = sortNotes(notes).map((n) => ({ ...n, name: noteName(n.pitch) }))
      return { text: `Clip ${JSON.stringify(name)}: ${length} beats, ${rows.length} notes.`, data: rows }
    },
  )

  liveTool(
    host,
    'ableton_add_notes',
    {
      title: 'Add notes to a clip',
      description:
        'Add MIDI notes to an existing MIDI clip (existing notes stay; to replace, call ableton_remove_notes first).',
      input: { ...slot, notes: notesField.min(1) },
      kind: 'write',
    },
    async ({ track, scene, notes }, { live, changed }) => {
      await requireClip(live, track, scene)
      await live.clip(track, scene).notes.add(toNotes(notes))
      const count = (await live.clip(track, scene).notes.get()).length
      changed({ tracks: [track] })
      return { text: `Added ${notes.length} notes; the clip now has ${count}.` }
    },
  )

  liveTool(
    host,
    'ableton_remove_notes',
    {
      title: 'Remove notes from a clip',
      description:
        'DESTRUCTIVE: remove notes from a MIDI clip: all of them, or those in a pitch range and/or time range. Undo with ableton_undo.',
      input: {
        ...slot,
        pitch_from: z.number().int().min(0).max(127).default(0).describe('Lowest pitch removed, 0..127. Default 0.'),
        pitch_to: z.number().int().min(0).max(127).default(127).describe('Highest pitch removed, 0..127. Default 127.'),
        from_beat: z.number().default(0).describe('Earliest start removed, in beats. Default 0.'),
        to_beat: z
          .number()
          .positive()
          .default(8192)
          .describe('Notes starting before this beat are removed. Default: the end.'),
      },
      kind: 'destructive',
    },
    async ({ track, scene, pitch_from, pitch_to, from_beat, to_beat }, { live, changed }) => {
      await requireClip(live, track, scene)
      const clip = live.clip(track, scene)
      const before = (await clip.notes.get()).length
      await clip.notes.remove({
        pitchStart: pitch_from,
        pitchSpan: Math.max(1, pitch_to - pitch_from + 1),
        timeStart: from_beat,
        timeSpan: Math.max(0, to_beat - from_beat),
      })
      const after = (await clip.notes.get()).length
      changed({ tracks: [track] })
      return { text: `Removed ${before - after} notes; ${after} remain.` }
    },
  )

  liveTool(
    host,
    'ableton_delete_clip',
    {
      title: 'Delete a clip',
      description:
        'DESTRUCTIVE: delete the clip in a slot (notes or audio reference included). Undo with ableton_undo.',
      input: slot,
      kind: 'destructive',
    },
    async ({ track, scene }, { live, changed }) => {
      await requireClip(live, track, scene)
      const name = await live.clip(track, scene).name.get()
      await live.clipSlot(track, scene).deleteClip()
      changed({ tracks: [track] })
      return { text: `Deleted clip ${JSON.stringify(name)} from track ${track}, slot ${scene}.` }
    },
  )
}
