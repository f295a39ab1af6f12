import { colorToHex, formatDb, panToString, volumeToDb } from '@live/protocol'
import { notesMissing, type SnapshotChange } from './diffSnapshots.js'

type Note = { pitch: number; start: number; duration: number; velocity: number; mute: boolean }

const quoted = (v: unknown) => `'${String(v)}'`
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function number(v: unknown): string {
  if (typeof v !== 'number') return String(v)
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100)
}

function volume(v: unknown): string {
  return typeof v === 'number' && v >= 0 && v <= 1 ? formatDb(volumeToDb(v)) : String(v)
}

function pan(v: unknown): string {
  return typeof v === 'number' && v >= -1 && v <= 1 ? panToString(v) : String(v)
}

function color(v: unknown): string {
  return typeof v === 'number' ? colorToHex(v) : 'none'
}

const FLAGS: Record<string, readonly [on: string, off: string]> = {
  mute: ['muted', 'unmuted'],
  solo: ['soloed', 'unsoloed'],
  arm: ['armed', 'disarmed'],
  metronome: ['metronome on', 'metronome off'],
  loop: ['loop on', 'loop off'],
  looping: ['looping on', 'looping off'],
  tempoEnabled: ['scene tempo on', 'scene tempo off'],
}

const LABELS: Record<string, string> = {
  signatureNumerator: 'time signature numerator',
  signatureDenominator: 'time signature denominator',
  loopStart: 'loop start',
  loopLength: 'loop length',
  clipTriggerQuantization: 'launch quantisation',
  grooveAmount: 'groove amount',
  rootNote: 'root note',
  scaleName: 'scale',
}

function describeNotes(before: readonly Note[], after: readonly Note[]): string {
  const added = notesMissing(after, before).length
  const removed = notesMissing(before, after).length
  if (added > 0 && removed > 0 && added === removed) return `${plural(added, 'note')} changed`
  const parts: string[] = []
  if (added > 0) parts.push(`${plural(added, 'note')} added`)
  if (removed > 0) parts.push(`${parts.length > 0 ? removed : plural(removed, 'note')} removed`)
  return parts.join(', ')
}

function describeValue(key: string, change: SnapshotChange): string {
  const { before, after, subject } = change
  if (key === 'name') return `${subject.replace(/ '[^']*'$/, '')} renamed ${quoted(before)} → ${quoted(after)}`
  const flag = FLAGS[key]
  if (flag !== undefined && typeof after === 'boolean') return `${subject}: ${after ? flag[0] : flag[1]}`
  if (key === 'volume') return `${subject}: volume ${volume(before)} → ${volume(after)}`
  if (key === 'panning') return `${subject}: pan ${pan(before)} → ${pan(after)}`
  if (key === 'color') return `${subject}: colour ${color(before)} → ${color(after)}`
  if (key === 'tempo') return `${subject}: tempo ${number(before)} → ${number(after)} BPM`
  if (key === 'notes') return `${subject}: ${describeNotes(before as Note[], after as Note[])}`
  const keys = change.keys
  if (keys.at(-2) === 'sends') return `${subject}: send ${key} ${number(before)} → ${number(after)}`
  if (key === 'value' && keys.includes('parameters')) return `${subject}: ${number(before)} → ${number(after)}`
  return `${subject}: ${LABELS[key] ?? key} ${number(before)} → ${number(after)}`
}

function describeOne(change: SnapshotChange): string {
  const { keys, kind, subject } = change
  const last = keys.at(-1)
  const what = keys[0] === 'scenes' || last === 'clip' || keys.length === 2 ? subject : undefined
  if (kind !== 'changed') {
    if (keys.includes('devices') && !keys.includes('parameters')) {
      const device = (change.after ?? change.before) as { name: string }
      return `${subject}: device ${keys[3]} ${quoted(device.name)} ${kind}`
    }
    if (keys.includes('parameters')) return `${subject}: parameter ${quoted(change.after ?? change.before)} ${kind}`
    return `${what ?? subject} ${kind}`
  }
  if (last === 'clip') return `${subject}: clip replaced (audio ↔ MIDI)`
  if (keys.includes('devices') && !keys.includes('parameters')) {
    const b = change.before as { name: string }
    const a = change.after as { name: string }
    return `${subject}: device ${keys[3]} ${quoted(b.name)} replaced by ${quoted(a.name)}`
  }
  if (keys.includes('parameters') && last !== 'value') {
    return `${subject}: parameter ${last} ${quoted(change.before)} is now ${quoted(change.after)}`
  }
  return describeValue(String(last), change)
}

/**
 * A diff in words a person reads, one line per change, every index from 0 (tracks, clips, scenes, sends,
 * devices, parameters) as everywhere else: `Track 1 'Bass': volume -6.0 dB → -3.5 dB`,
 * `Scene 3 renamed 'Verse' → 'Chorus'`, `Clip 0/2 'Hook': 4 notes added`.
 *
 * @example
 * for (const line of describeDiff(diffSnapshots(before, after))) console.log(line)
 */
export function describeDiff(changes: readonly SnapshotChange[]): string[] {
  return changes.map(describeOne)
}
