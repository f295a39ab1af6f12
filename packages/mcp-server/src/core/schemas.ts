import { z } from 'zod'

/** A track index: counts from 0 in the order of Live's session view, return and master tracks excluded. */
export const trackIndex = z
  .number()
  .int()
  .min(0)
  .describe(
    'Track index, counting from 0 (the leftmost track in Session view is 0). Use ableton_get_session to list tracks.',
  )

/** A scene index, which is also the clip slot's index on every track. */
export const sceneIndex = z
  .number()
  .int()
  .min(0)
  .describe('Scene index, counting from 0 (the top scene is 0); a clip slot has the index of its scene.')

/** A device index on a track. */
export const deviceIndex = z
  .number()
  .int()
  .min(0)
  .describe('Device index on the track, counting from 0 (left to right in the device chain). Use ableton_list_devices.')

/** A volume in dB as a person says it. */
export const volumeDb = z
  .number()
  .min(-70)
  .max(6)
  .describe(
    'Volume in dB, -70..6: 0 dB is unity (no change), -6 dB about half as loud, -70 dB is silence, +6 dB the fader maximum.',
  )

/** A MIDI pitch as a number or a note name. */
export const pitch = z
  .union([z.number().int().min(0).max(127), z.string().min(1)])
  .describe(
    'MIDI note 0..127 or a note name in Live\'s convention ("C3" is 60, "C1" is 36 kick, "D1" 38 snare, "F#1" 42 hi-hat).',
  )

/** One MIDI note to write. */
export const noteInput = z.object({
  pitch,
  start: z.number().min(0).describe('Start in beats (quarter notes) from the clip start: 0, 0.5, 1.25...'),
  duration: z.number().positive().default(0.25).describe('Length in beats (0.25 is a 16th note at 4/4). Default 0.25.'),
  velocity: z.number().min(1).max(127).default(100).describe('Velocity 1..127. Default 100.'),
  mute: z.boolean().default(false).describe('True writes the note deactivated. Default false.'),
})

/** A clip-slot position: a track and a scene. */
export const slot = { track: trackIndex, scene: sceneIndex }
