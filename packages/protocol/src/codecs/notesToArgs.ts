import { LiveError } from '../errors/liveError.js'
import type { OscValue } from '../osc/types.js'

/*
 * AbletonOSC moves MIDI notes as flat groups of five OSC arguments (BEHAVIOUR.md §10):
 * pitch `i`, start_time `f` (beats from the clip's start), duration `f`, velocity `f`, mute `T`/`F`.
 * Ranges follow Live's MidiNoteSpecification: pitch 0..127, velocity 0..127; start_time may be
 * negative (Live's own note window starts at −8192 beats); a duration must be above 0.
 */

/** One MIDI note of a clip, in beats from the clip's start. */
export interface Note {
  /** MIDI note number 0..127 (60 is C3 in Live). */
  readonly pitch: number
  /** Start in beats (quarter notes) from the clip's start; may be negative. */
  readonly start: number
  /** Length in beats, above 0. */
  readonly duration: number
  /** Velocity 0..127 (Live keeps it as a float). */
  readonly velocity: number
  /** True when the note is deactivated. */
  readonly mute: boolean
}

/** How many OSC arguments one note takes. */
export const NOTE_ARGS = 5

function invalid(index: number, field: string, value: unknown, range: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', `note ${index}: ${field} ${String(value)} is out of range: ${range}`, {
    details: { note: index, field, value },
  })
}

/**
 * Notes as AbletonOSC's flat argument list for `/live/clip/add/notes` (after track and clip ids), checked against Live's ranges.
 *
 * @example
 * notesToArgs([{ pitch: 60, start: 0, duration: 0.5, velocity: 100, mute: false }]) // [60, 0, 0.5, 100, false]
 */
export function notesToArgs(notes: readonly Note[]): OscValue[] {
  const args: OscValue[] = []
  notes.forEach((note, i) => {
    const { pitch, start, duration, velocity, mute } = note
    if (!Number.isInteger(pitch) || pitch < 0 || pitch > 127) throw invalid(i, 'pitch', pitch, 'an integer 0..127')
    if (!Number.isFinite(start)) throw invalid(i, 'start', start, 'a finite number of beats')
    if (!Number.isFinite(duration) || duration <= 0) throw invalid(i, 'duration', duration, 'a number of beats above 0')
    if (!Number.isFinite(velocity) || velocity < 0 || velocity > 127) throw invalid(i, 'velocity', velocity, '0..127')
    if (typeof mute !== 'boolean') throw invalid(i, 'mute', mute, 'true or false')
    args.push(pitch, start, duration, velocity, mute)
  })
  return args
}

function badReply(message: string, details: Record<string, unknown>): LiveError {
  return new LiveError('DECODE_FAILED', message, {
    metaMessages: ['Expected groups of 5: pitch (int), start (float), duration (float), velocity (float), mute (T/F).'],
    details,
  })
}

/**
 * A flat list of note values (a `/live/clip/get/notes` reply without its track and clip ids) as notes.
 *
 * @example
 * argsToNotes([60, 0, 0.5, 100, false]) // [{ pitch: 60, start: 0, duration: 0.5, velocity: 100, mute: false }]
 */
export function argsToNotes(args: readonly OscValue[]): Note[] {
  if (args.length % NOTE_ARGS !== 0) {
    throw badReply(`notes reply has ${args.length} values, which is not a whole number of 5-value notes`, {
      length: args.length,
    })
  }
  const notes: Note[] = []
  for (let i = 0; i < args.length; i += NOTE_ARGS) {
    const index = i / NOTE_ARGS
    const [pitch, start, duration, velocity, mute] = args.slice(i, i + NOTE_ARGS)
    const number = (field: string, value: OscValue | undefined): number => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw badReply(`note ${index}: ${field} is ${describe(value)}, expected a number`, {
          note: index,
          field,
          value,
        })
      }
      return value
    }
    const p = number('pitch', pitch)
    if (!Number.isInteger(p) || p < 0 || p > 127) {
      throw badReply(`note ${index}: pitch ${p} is out of range: expected an integer 0..127`, {
        note: index,
        field: 'pitch',
        value: p,
      })
    }
    let muted: boolean
    if (typeof mute === 'boolean') muted = mute
    else if (mute === 0 || mute === 1) muted = mute === 1
    else
      throw badReply(`note ${index}: mute is ${describe(mute)}, expected T/F`, {
        note: index,
        field: 'mute',
        value: mute,
      })
    notes.push({
      pitch: p,
      start: number('start', start),
      duration: number('duration', duration),
      velocity: number('velocity', velocity),
      mute: muted,
    })
  }
  return notes
}

function describe(value: OscValue | undefined): string {
  if (value === null) return 'nil'
  if (typeof value === 'string') return `"${value}"`
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  return typeof value
}

/**
 * A copy of the notes in Live's order: by pitch, then by start time (stable for equal keys).
 *
 * @example
 * sortNotes(notes).map((n) => n.pitch) // [36, 36, 60]
 */
export function sortNotes<T extends Pick<Note, 'pitch' | 'start'>>(notes: readonly T[]): T[] {
  return notes
    .map((note, i) => ({ note, i }))
    .sort((a, b) => a.note.pitch - b.note.pitch || a.note.start - b.note.start || a.i - b.i)
    .map(({ note }) => note)
}
