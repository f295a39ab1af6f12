import { LomError, type LomValue } from '@live/protocol'
import type { NoteData } from './schema.js'

/** A note in a clip, with the id Live gives it. */
export interface Note extends NoteData {
  note_id: number
}

let nextNoteId = 1

/** Gives a note Live's defaults and a fresh id; throws Live's errors for impossible notes. */
export function makeNote(input: Partial<NoteData> & Record<string, unknown>): Note {
  const pitch = input.pitch
  if (typeof pitch !== 'number' || !Number.isInteger(pitch) || pitch < 0 || pitch > 127) {
    throw new LomError('RuntimeError', `Invalid pitch: ${String(pitch)}`) // [guess] text
  }
  const start = input.start_time
  if (typeof start !== 'number' || !Number.isFinite(start)) throw new LomError('RuntimeError', 'Invalid start time') // [guess]
  const duration = input.duration
  if (typeof duration !== 'number' || !(duration > 0)) throw new LomError('RuntimeError', 'Invalid duration') // [guess]
  const clamp = (v: unknown, lo: number, hi: number, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback
  return {
    note_id: nextNoteId++,
    pitch,
    start_time: start,
    duration,
    velocity: clamp(input.velocity, 0, 127, 100),
    mute: input.mute === true || (input.mute as unknown) === 1,
    probability: clamp(input.probability, 0, 1, 1),
    velocity_deviation: clamp(input.velocity_deviation, -127, 127, 0),
    release_velocity: clamp(input.release_velocity, 0, 127, 64),
  }
}

/** Live's order for `get_notes_extended`: by pitch, then start time (then id, for a stable order). */
export function sortNotes(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => a.pitch - b.pitch || a.start_time - b.start_time || a.note_id - b.note_id)
}

/** The notes whose pitch and start fall in the half-open ranges, as Live's `*_notes_extended` select them. */
export function inRange(note: Note, fromPitch: number, pitchSpan: number, fromTime: number, timeSpan: number): boolean {
  return (
    note.pitch >= fromPitch &&
    note.pitch < fromPitch + pitchSpan &&
    note.start_time >= fromTime &&
    note.start_time < fromTime + timeSpan
  )
}

/** The JSON string Max's LiveAPI hands over for a list of notes: `{"notes":[...]}`. */
export function notesJson(notes: readonly Note[]): string {
  return JSON.stringify({
    notes: sortNotes(notes).map((n) => ({
      note_id: n.note_id,
      pitch: n.pitch,
      start_time: n.start_time,
      duration: n.duration,
      velocity: n.velocity,
      mute: n.mute,
      probability: n.probability,
      velocity_deviation: n.velocity_deviation,
      release_velocity: n.release_velocity,
    })),
  })
}

/** Reads the note dictionaries of `add_new_notes` / `apply_note_modifications`: a JSON string, `{notes}` or an array. */
export function parseNoteDicts(value: LomValue | undefined): Record<string, unknown>[] {
  let parsed: unknown = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch {
      throw new LomError('TypeError', 'Expected a dictionary of notes') // [guess]
    }
  }
  const list = Array.isArray(parsed)
    ? parsed
    : parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { notes?: unknown }).notes)
      ? (parsed as { notes: unknown[] }).notes
      : undefined
  if (!list) throw new LomError('TypeError', 'Expected a dictionary of notes') // [guess]
  return list.map((n) => {
    if (n === null || typeof n !== 'object') throw new LomError('TypeError', 'Expected a note dictionary') // [guess]
    return n as Record<string, unknown>
  })
}

/** The saved form of a note (no id). */
export function noteData(n: Note): NoteData {
  const { note_id: _id, ...rest } = n
  return rest
}
