import { beatsToPosition, colorToHex, formatDb, panToString, volumeToDb } from '@live/protocol'

/** A Live colour int as CSS, grey when unknown. */
export function cssColor(color: unknown, fallback = '#3a3a3a'): string {
  return typeof color === 'number' && Number.isInteger(color) && color >= 0 && color <= 0xffffff
    ? colorToHex(color)
    : fallback
}

/** Black or white, whichever reads better on a Live colour. */
export function inkOn(color: unknown): string {
  if (typeof color !== 'number') return '#f2f2f2'
  const r = (color >> 16) & 0xff
  const g = (color >> 8) & 0xff
  const b = color & 0xff
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111' : '#f7f7f7'
}

/** Live's text for a fader value ("-6.0 dB"). */
export function dbText(volume: number): string {
  return formatDb(volumeToDb(Math.min(1, Math.max(0, volume))))
}

/** Live's text for a pan value ("C", "25L"). */
export function panText(pan: number): string {
  return panToString(Math.min(1, Math.max(-1, pan)))
}

/** Live's position text "bars.beats.sixteenths" for a song time, in the song's signature. */
export function positionText(beats: number, numerator: number, denominator: number): string {
  try {
    return beatsToPosition(Math.max(0, beats), { numerator, denominator })
  } catch {
    return '1.1.1'
  }
}

/** A send's letter: 0 → A. */
export function sendLetter(send: number): string {
  return String.fromCharCode(65 + send)
}
