import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, float, int, isPyFloat, isPyInt, numberOf, pyTypeName } from './arg.js'
import { type Ctx, some } from './context.js'
import { PyError, signatureError, unpackError } from './pyError.js'

/** A note as `get_notes_extended` hands it over (Max's JSON shape). */
export interface LomNote {
  readonly pitch: number
  readonly start_time: number
  readonly duration: number
  readonly velocity: number
  readonly mute: boolean | number
}

/** AbletonOSC's default note window: pitches 0..126 (127 excluded), beats -8192..8192. */
const DEFAULT_RANGE = [0, 127, -8192, 16384] as const

function rangeOf(params: readonly Arg[], address: string): LomValue[] {
  if (params.length === 0) return [...DEFAULT_RANGE]
  if (params.length !== 4) {
    throw new PyError(
      'ValueError',
      `Invalid number of arguments for ${address}. Either provide no arguments, or all four of pitch_start, pitch_span, time_start, time_span`,
    )
  }
  const [p0, p1, t0, t1] = params as [Arg, Arg, Arg, Arg]
  for (const [i, a] of [p0, p1].entries()) {
    if (!isPyInt(a))
      throw signatureError(
        'Clip',
        'get_notes_extended',
        params.map(pyTypeName),
        ['int', 'int', 'double', 'double'].slice(i, 4),
      )
  }
  for (const a of [t0, t1]) {
    if (!isPyInt(a) && !isPyFloat(a)) {
      throw signatureError('Clip', 'get_notes_extended', params.map(pyTypeName), ['int', 'int', 'double', 'double'])
    }
  }
  return params.map(numberOf)
}

/** Reads `get_notes_extended`'s result: a JSON string or an object with `notes`, or an array of notes. */
export function notesOf(value: LomValue): LomNote[] {
  let v: unknown = value
  if (typeof v === 'string') v = JSON.parse(v)
  if (v !== null && typeof v === 'object' && 'notes' in v) v = (v as { notes: unknown }).notes
  return Array.isArray(v) ? (v as LomNote[]) : []
}

/** `/live/clip/get/notes t c [pitch_start pitch_span time_start time_span]` → 5 values per note. */
export function getNotes(ctx: Ctx, clip: LomPath | null, params: readonly Arg[]): Arg[] {
  const range = rangeOf(params, '/clip/get/notes')
  const notes = notesOf(ctx.model.call(some(clip, 'get_notes_extended'), 'get_notes_extended', range))
  const out: Arg[] = []
  for (const n of notes) {
    const mute = Boolean(n.mute)
    out.push(int(n.pitch), float(n.start_time), float(n.duration), float(n.velocity), {
      value: mute,
      tag: mute ? 'T' : 'F',
    })
  }
  return out
}

/** `/live/clip/add/notes t c` + groups of 5 (pitch must be an OSC int); no reply. */
export function addNotes(ctx: Ctx, clip: LomPath | null, params: readonly Arg[]): undefined {
  const notes: LomNote[] = []
  for (let offset = 0; offset < params.length; offset += 5) {
    const group = params.slice(offset, offset + 5)
    if (group.length < 5) throw unpackError(5, group.length)
    const [pitch, start, duration, velocity, mute] = group as [Arg, Arg, Arg, Arg, Arg]
    const numeric = (a: Arg) => isPyInt(a) || isPyFloat(a)
    if (!isPyInt(pitch) || !numeric(start) || !numeric(duration) || !numeric(velocity) || !isPyInt(mute)) {
      throw signatureError('MidiNoteSpecification', '__init__', group.map(pyTypeName), [
        'int pitch',
        'double start_time',
        'double duration',
        'double velocity',
        'bool mute',
      ])
    }
    notes.push({
      pitch: numberOf(pitch),
      start_time: numberOf(start),
      duration: numberOf(duration),
      velocity: numberOf(velocity),
      mute: numberOf(mute) !== 0,
    })
  }
  ctx.model.call(some(clip, 'add_new_notes'), 'add_new_notes', [JSON.stringify({ notes })])
  return undefined
}

/** `/live/clip/remove/notes t c [4 range args]`, same defaults as get (pitch 127 survives). */
export function removeNotes(ctx: Ctx, clip: LomPath | null, params: readonly Arg[]): undefined {
  const range = rangeOf(params, '/clip/remove/notes')
  ctx.model.call(some(clip, 'remove_notes_extended'), 'remove_notes_extended', range)
  return undefined
}
