import { LiveError, type Note, noteName, parseNoteName } from '@live/protocol'
import { z } from 'zod'
import { jsonAs } from './jsonSchema.js'

/** One note as an object, the long form. */
const noteObject = z.strictObject({
  pitch: z.union([z.number().int().min(0).max(127), z.string().min(1)]),
  start: z.number().min(0),
  duration: z.number().positive().default(0.25),
  velocity: z.number().min(1).max(127).default(100),
  mute: z.boolean().default(false),
})

/**
 * One MIDI note to write: `"C3 0 0.5 100"` (pitch, start, then optional duration 0.25 and velocity 100, and the
 * word `mute`), or the same as an object. The list shows only `["string","object"]`: the form is said once in
 * the server's instructions.
 */
export const noteArg = jsonAs(z.union([z.string(), noteObject]), { type: ['string', 'object'] })

/** Notes to write into a MIDI clip. */
export const notesArg = z.array(noteArg).max(4096)

function invalidNote(i: number, text: string, why: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', `notes[${i}] ${JSON.stringify(text)} ${why}`, {
    metaMessages: ['A note is "pitch start [duration] [velocity] [mute]", e.g. "C1 0 0.25 110" or "60 1.5".'],
  })
}

function pitchOf(value: number | string, i: number, text: string): number {
  if (typeof value === 'number') return value
  try {
    return parseNoteName(value)
  } catch {
    throw invalidNote(i, text, `has no valid pitch: ${JSON.stringify(value)} is not a note name (C3 = 60) or 0..127`)
  }
}

function parseNoteText(text: string, i: number): Note {
  const words = text.trim().split(/\s+/)
  const mute = words.at(-1)?.toLowerCase() === 'mute'
  if (mute) words.pop()
  if (words.length < 2 || words.length > 4) throw invalidNote(i, text, 'needs 2 to 4 values')
  const [start, duration = 0.25, velocity = 100] = words.slice(1).map(Number) as [number, number?, number?]
  const pitch = pitchOf(words[0]!, i, text)
  if (![start, duration, velocity].every(Number.isFinite))
    throw invalidNote(i, text, 'has a value that is not a number')
  if (pitch < 0 || pitch > 127 || start < 0 || duration <= 0 || velocity < 1 || velocity > 127) {
    throw invalidNote(i, text, 'is out of range: pitch 0..127, start ≥ 0, duration > 0, velocity 1..127')
  }
  return { pitch, start, duration, velocity, mute }
}

/**
 * Notes from tool arguments (strings or objects, pitches as numbers or Live's names) to the client's notes.
 *
 * @example
 * toNotes(['C1 0', { pitch: 'D1', start: 1 }]) // [{ pitch: 36, start: 0, duration: 0.25, velocity: 100, mute: false }, ...]
 */
export function toNotes(notes: readonly z.output<typeof noteArg>[]): Note[] {
  return notes.map((n, i) =>
    typeof n === 'string'
      ? parseNoteText(n, i)
      : {
          pitch: pitchOf(n.pitch, i, JSON.stringify(n)),
          start: n.start,
          duration: n.duration,
          velocity: n.velocity,
          mute: n.mute,
        },
  )
}

const short = (value: number) => String(Math.round(value * 10_000) / 10_000)

/**
 * A note as the short text reads answer and writes accept: `"C3 0 0.5 100"`, `mute` last when muted.
 *
 * @example
 * noteText({ pitch: 60, start: 0, duration: 0.5, velocity: 100, mute: false }) // "C3 0 0.5 100"
 */
export function noteText(note: Note): string {
  return `${noteName(note.pitch)} ${short(note.start)} ${short(note.duration)} ${short(note.velocity)}${note.mute ? ' mute' : ''}`
}
