import type { LiveClient } from '@live/client'
import { colorToHex, formatClipLaunchQuantisation, LiveError, parseClipLaunchQuantisation } from '@live/protocol'
import type { UpdateArgs } from '../tools/updateTool.js'
import { toNotes } from './notes.js'
import { LAUNCH_MODES } from './readObjects.js'
import { requireClip } from './setFacts.js'
import { regularTrack } from './trackRef.js'
import { colorArg } from './updateObjects.js'
import { beatsFromPosition, parseArg, raw } from './values.js'
import { writeBack } from './writeBack.js'

const AUDIO_ONLY = ['gain', 'pitch', 'warp'] as const
const MIDI_ONLY = ['notes', 'replace_notes', 'remove_notes'] as const

/**
 * Applies the clip settings of an `ableton_update` call (name, colour, loop, markers, launch settings, an audio
 * clip's gain/pitch/warp) and its note edits (remove a range or all, then add), then reads the values back.
 *
 * @example
 * await updateClip(live, 0, 1, { loop_length: 8, notes: [{ pitch: 'C3', start: 0 }] }) // { loop_length: 8, note_count: 5 }
 */
export async function updateClip(
  live: LiveClient,
  track: number | string,
  scene: number,
  args: UpdateArgs,
): Promise<Record<string, unknown>> {
  const t = regularTrack(track, 'a clip')
  await requireClip(live, t, scene)
  const c = live.clip(t, scene)
  const midi = await c.isMidiClip.get()
  const wrong = (midi ? AUDIO_ONLY : MIDI_ONLY).filter((key) => args[key] !== undefined)
  if (wrong.length > 0) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `${wrong.join(', ')} apply to ${midi ? 'audio' : 'MIDI'} clips only; clip ${t}/${scene} is ${midi ? 'a MIDI' : 'an audio'} clip`,
      {
        metaMessages: ['ableton_read with track and scene shows the clip.'],
      },
    )
  }
  const w = writeBack()
  const { values } = w
  await w.set('name', args.name, c.name)
  await w.set('color', args.color, c.color, colorArg, colorToHex)
  await w.set('loop', args.loop, c.looping)
  if (args.loop_start !== undefined || args.loop_length !== undefined) {
    const [oldStart, oldEnd] = await Promise.all([c.loopStart.get(), c.loopEnd.get()])
    const start =
      args.loop_start === undefined ? oldStart : await beatsFromPosition(live, args.loop_start, 'loop_start')
    const end = start + (args.loop_length ?? oldEnd - oldStart)
    // Live keeps loop_start < loop_end at every step: move the end first when the loop moves later.
    if (start >= oldEnd) {
      await c.loopEnd.set(end)
      await c.loopStart.set(start)
    } else {
      await c.loopStart.set(start)
      await c.loopEnd.set(end)
    }
    const [nowStart, nowEnd] = await Promise.all([c.loopStart.get(), c.loopEnd.get()])
    values.loop_start = nowStart
    values.loop_length = nowEnd - nowStart
  }
  await w.set('start_marker', args.start_marker, c.startMarker)
  await w.set('end_marker', args.end_marker, c.endMarker)
  await w.set(
    'launch_mode',
    args.launch_mode,
    c.launchMode,
    (mode) => LAUNCH_MODES.indexOf(mode),
    (mode) => LAUNCH_MODES[mode] ?? null,
  )
  await w.set(
    'quantization',
    args.quantization,
    c.launchQuantization,
    (text) => parseArg('quantization', () => parseClipLaunchQuantisation(text)),
    formatClipLaunchQuantisation,
  )
  await w.set('muted', args.muted, c.muted)
  await w.set('gain', args.gain, c.gain, undefined, (gain) => (gain === null ? null : raw(gain)))
  await w.set('pitch', args.pitch, c.pitchCoarse)
  await w.set('warp', args.warp, c.warping)
  if (midi && (args.replace_notes === true || args.remove_notes !== undefined || args.notes !== undefined)) {
    const before = (await c.notes.get()).length
    if (args.replace_notes === true) await c.notes.remove()
    else if (args.remove_notes !== undefined) {
      const { pitch_from = 0, pitch_to = 127, from = 0, to = 1_000_000 } = args.remove_notes
      await c.notes.remove({
        pitchStart: pitch_from,
        pitchSpan: Math.max(1, pitch_to - pitch_from + 1),
        timeStart: from,
        timeSpan: Math.max(0, to - from),
      })
    }
    const after = (await c.notes.get()).length
    if (args.notes !== undefined && args.notes.length > 0) await c.notes.add(toNotes(args.notes))
    values.notes_removed = before - after
    values.notes_added = args.notes?.length ?? 0
    values.note_count = (await c.notes.get()).length
  }
  return values
}
