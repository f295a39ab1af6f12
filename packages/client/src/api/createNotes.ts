import { argsToNotes, type Note, notesToArgs, type OscValue } from '@live/protocol'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore } from '../core/createCore.js'

/** A window of notes: pitches `pitchStart..pitchStart+pitchSpan-1`, times `timeStart..timeStart+timeSpan` in beats. */
export interface NoteRange {
  /** The lowest pitch. */
  readonly pitchStart: number
  /** How many pitches. */
  readonly pitchSpan: number
  /** The earliest start, in beats from the clip's start. */
  readonly timeStart: number
  /** How many beats. */
  readonly timeSpan: number
}

/** The notes of one MIDI clip. */
export interface NotesHandle {
  /** Reads the notes (Live's default window when no range: pitches 0..126, ±8192 beats). */
  get(range?: NoteRange | undefined, options?: CallOptions): Promise<Note[]>
  /** Adds notes, checked against Live's ranges first. */
  add(notes: readonly Note[], options?: CallOptions): Promise<void>
  /** Removes the notes in a range (Live's default window when none). */
  remove(range?: NoteRange | undefined, options?: CallOptions): Promise<void>
}

function rangeArgs(range: NoteRange | undefined): number[] {
  return range === undefined ? [] : [range.pitchStart, range.pitchSpan, range.timeStart, range.timeSpan]
}

/**
 * The `notes` handle of `live.clip(t, c)`: `/live/clip/get|add|remove/notes` with notes as objects.
 *
 * @example
 * await live.clip(0, 0).notes.add([{ pitch: 60, start: 0, duration: 1, velocity: 100, mute: false }])
 */
export function createNotes(core: ClientCore, trackId: number, clipId: number): NotesHandle {
  return {
    async get(range, options) {
      const reply = await core.request('/live/clip/get/notes', [trackId, clipId, ...rangeArgs(range)], options)
      return argsToNotes(reply.slice(2) as OscValue[])
    },
    async add(notes, options) {
      const args = notesToArgs(notes)
      await core.send('/live/clip/add/notes', [trackId, clipId, ...args], options)
    },
    async remove(range, options) {
      await core.send('/live/clip/remove/notes', [trackId, clipId, ...rangeArgs(range)], options)
    },
  }
}
