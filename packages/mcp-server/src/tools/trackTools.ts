import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { readTrack } from '../core/readSession.js'
import { trackIndex } from '../core/schemas.js'
import { describeList, requireTrack } from '../core/setFacts.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'

/** Where a new track goes. */
export const newTrackIndex = z
  .number()
  .int()
  .min(-1)
  .default(-1)
  .describe('Where to insert it, counting from 0 (0 puts it first); -1 (default) appends it after the last track.')

/** Creates a MIDI or audio track and names it; answers the new track's index. */
export async function createTrack(
  live: LiveClient,
  kind: 'midi' | 'audio',
  index: number,
  name: string | undefined,
): Promise<{ index: number; name: string }> {
  const before = await live.song.numTracks.get()
  if (index > before) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `index ${index} is past the end: this set has ${before} tracks, so use 0..${before} or -1 to append`,
    )
  }
  if (kind === 'midi') await live.song.createMidiTrack(index)
  else await live.song.createAudioTrack(index)
  const created = index === -1 ? before : index
  if (name !== undefined) await live.track(created).name.set(name)
  return { index: created, name: await live.track(created).name.get() }
}

/** Reading one track, creating, renaming and deleting tracks. */
export function registerTrackTools(host: ToolHost): void {
  liveTool(
    host,
    'ableton_get_track',
    {
      title: 'Track details',
      description:
        "Read one track in detail: name, MIDI or audio, volume (dB), pan, mute/solo/arm, which clip is playing or triggered, its clips by scene index and its devices by index. Use ableton_get_device for a device's parameters.",
      input: { track: trackIndex },
      kind: 'read',
    },
    async ({ track }, { live }) => {
      const detail = await readTrack(live, track)
      return { text: `Track ${track} (${String(detail.name)}).`, data: detail }
    },
  )

  liveTool(
    host,
    'ableton_create_track',
    {
      title: 'Create a track',
      description:
        "Create a new MIDI track (for instruments and notes: type 'midi') or audio track (for recording sound: type 'audio'), optionally named. Answers the new track's index. The new track has no instrument: load one in Live's browser.",
      input: {
        type: z.enum(['midi', 'audio']).describe("'midi' for notes and instruments, 'audio' for recording or samples."),
        index: newTrackIndex,
        name: z
          .string()
          .min(1)
          .optional()
          .describe('A name for the track; Live names it "N-MIDI"/"N-Audio" otherwise.'),
      },
      kind: 'write',
    },
    async ({ type, index, name }, { live, changed }) => {
      const created = await createTrack(live, type, index, name)
      changed({ structure: true })
      return {
        text: `Created ${type === 'midi' ? 'MIDI' : 'audio'} track ${created.index} (${created.name}).`,
        data: created,
      }
    },
  )

  liveTool(
    host,
    'ableton_delete_track',
    {
      title: 'Delete a track',
      description:
        'DESTRUCTIVE: delete a track with its clips and devices. Tracks after it move down by one index. Live can undo it (ableton_undo). Confirm with the person before deleting.',
      input: { track: trackIndex },
      kind: 'destructive',
    },
    async ({ track }, { live, changed }) => {
      const names = await requireTrack(live, track)
      await live.song.deleteTrack(track)
      changed({ structure: true })
      const left = names.filter((_, i) => i !== track)
      return { text: `Deleted track ${track} (${names[track]}). The set now has ${describeList('tracks', left)}.` }
    },
  )
}

/** Renames a track (shared by the recording tools). */
export function registerTrackNameTool(host: ToolHost): void {
  liveTool(
    host,
    'ableton_set_track_name',
    {
      title: 'Name a track',
      description: 'Rename a track, e.g. "Resample Output" before recording into it.',
      input: { track: trackIndex, name: z.string().min(1).describe('The new name.') },
      kind: 'idempotent',
    },
    async ({ track, name }, { live, changed }) => {
      await requireTrack(live, track)
      await live.track(track).name.set(name)
      changed({ tracks: [track] })
      return { text: `Track ${track} is now named ${JSON.stringify(await live.track(track).name.get())}.` }
    },
  )
}
