import { LiveError } from '../errors/liveError.js'

/*
 * Live names MIDI notes with middle C (60) as C3, so 0 is C-2 and 127 is G8; it writes sharps ("C#3").
 */

const SHARPS = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const
const STEPS: Readonly<Record<string, number>> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 }

/**
 * A MIDI note number (0..127) as Live names it.
 *
 * @example
 * noteName(60) // "C3"
 * noteName(61) // "C#3"
 * noteName(0) // "C-2"
 */
export function noteName(pitch: number): string {
  if (!Number.isInteger(pitch) || pitch < 0 || pitch > 127) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `pitch ${String(pitch)} is out of range: MIDI notes are integers 0..127 (C-2..G8)`,
      {
        details: { value: pitch, min: 0, max: 127 },
      },
    )
  }
  return `${SHARPS[pitch % 12]}${Math.floor(pitch / 12) - 2}`
}

/**
 * A note name in Live's convention ("C3" = 60; sharps #, flats b; any case) or a plain number as a MIDI note number.
 *
 * @example
 * parseNoteName('C3') // 60
 * parseNoteName('Db3') // 61
 * parseNoteName('c-2') // 0
 * parseNoteName('64') // 64
 */
export function parseNoteName(text: string): number {
  const clean = text.trim()
  let pitch: number | undefined
  if (/^\d+$/.test(clean)) {
    pitch = Number(clean)
  } else {
    const match = /^([a-g])([#b\u266f\u266d]?)(-?\d+)$/i.exec(clean)
    if (match !== null) {
      const accidental = match[2] === '#' || match[2] === '\u266f' ? 1 : match[2] === '' ? 0 : -1
      pitch = (Number(match[3]) + 2) * 12 + STEPS[match[1]!.toLowerCase()]! + accidental
    }
  }
  if (pitch === undefined) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `"${text}" is not a note: expected a name like C3 (= 60), F#1, Bb-1, or 0..127`,
      {
        details: { value: text },
      },
    )
  }
  if (pitch < 0 || pitch > 127) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `note "${text}" is out of range: MIDI notes run from C-2 (0) to G8 (127)`,
      {
        details: { value: text, pitch, min: 0, max: 127 },
      },
    )
  }
  return pitch
}
