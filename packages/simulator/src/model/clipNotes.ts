import { LomError, type LomValue } from '@live/protocol'
import type { Clip } from './clip.js'
import { type LomFunctions, returnsNone } from './lomFunctions.js'
import { noAttribute, toFloat, toInt } from './lomNode.js'
import { inRange, makeNote, notesJson, parseNoteDicts } from './notes.js'

/** Raises what Live raises for a MIDI-only function of an audio clip. */
function requireMidi(clip: Clip, name: string): void {
  if (!clip.isMidi) throw noAttribute('Clip', name) // [guess] Live: MIDI-only functions on audio clips
}

/** Changes a clip's notes through `mutate` as one undo step named `name`, notifying `notes`. */
export function changeNotes(clip: Clip, name: string, mutate: () => void): void {
  const before = clip.notes
  mutate()
  const after = clip.notes
  clip.emit('notes')
  clip.ctx.undo.push(
    name,
    () => {
      clip.notes = before
      clip.emit('notes')
    },
    () => {
      clip.notes = after
      clip.emit('notes')
    },
  )
}

/** A clip's note functions (Live 11's extended note API): read, add, remove and modify notes, undoably. */
export function clipNoteFunctions(clip: Clip): LomFunctions {
  return {
    get_notes_extended: (args) => {
      requireMidi(clip, 'get_notes_extended')
      const [fp, ps, ft, ts] = rangeArgs('get_notes_extended', args)
      return notesJson(clip.notes.filter((n) => inRange(n, fp, ps, ft, ts)))
    },
    get_all_notes_extended: () => {
      requireMidi(clip, 'get_all_notes_extended')
      return notesJson(clip.notes)
    },
    get_notes_by_id: (args) => {
      const ids = new Set(idArgs(args))
      return notesJson(clip.notes.filter((n) => ids.has(n.note_id)))
    },
    add_new_notes: (args) => {
      requireMidi(clip, 'add_new_notes')
      const added = parseNoteDicts(args[0]).map((d) => makeNote(d))
      changeNotes(clip, 'Add Notes', () => {
        clip.notes = [...clip.notes, ...added]
      })
      return added.map((n) => n.note_id)
    },
    remove_notes_extended: returnsNone((args) => {
      requireMidi(clip, 'remove_notes_extended')
      const [fp, ps, ft, ts] = rangeArgs('remove_notes_extended', args)
      changeNotes(clip, 'Remove Notes', () => {
        clip.notes = clip.notes.filter((n) => !inRange(n, fp, ps, ft, ts))
      })
    }),
    remove_notes_by_id: returnsNone((args) => {
      const ids = new Set(idArgs(args))
      changeNotes(clip, 'Remove Notes', () => {
        clip.notes = clip.notes.filter((n) => !ids.has(n.note_id))
      })
    }),
    apply_note_modifications: returnsNone((args) => {
      const changes = new Map(parseNoteDicts(args[0]).map((d) => [d.note_id, d]))
      changeNotes(clip, 'Modify Notes', () => {
        clip.notes = clip.notes.map((n) => {
          const c = changes.get(n.note_id)
          if (!c) return n
          return { ...makeNote({ ...n, ...c }), note_id: n.note_id }
        })
      })
    }),
  }
}

function rangeArgs(name: string, args: readonly LomValue[]): [number, number, number, number] {
  if (args.length !== 4) {
    throw new LomError('TypeError', `${name}() takes exactly 4 arguments (${args.length} given)`) // [guess] Boost arity text
  }
  return [
    toInt('Clip', 'from_pitch', args[0] ?? null),
    toInt('Clip', 'pitch_span', args[1] ?? null),
    toFloat('Clip', 'from_time', args[2] ?? null),
    toFloat('Clip', 'time_span', args[3] ?? null),
  ]
}

function idArgs(args: readonly LomValue[]): number[] {
  const flat = args.length === 1 && Array.isArray(args[0]) ? (args[0] as readonly LomValue[]) : args
  return flat.map((v) => toInt('Clip', 'note_id', v))
}
