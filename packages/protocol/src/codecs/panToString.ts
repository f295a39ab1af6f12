import { LiveError } from '../errors/liveError.js'

/*
 * Live's track pan is a value from −1 (hard left) to 1 (hard right). Live shows it in steps of
 * 1/50: "50L" is −1, "25L" is −0.5, "C" is 0, "50R" is 1, rounding to the nearest whole step.
 */

/** How many display steps Live shows from the centre to either side. */
const STEPS = 50

function outOfRange(value: unknown): LiveError {
  return new LiveError('INVALID_ARGUMENTS', `pan ${String(value)} is out of range: Live's pan is -1..1 (50L..C..50R)`, {
    details: { value, min: -1, max: 1 },
  })
}

/**
 * Live's text for a pan value: "C", or a number of steps (1..50) then L or R.
 *
 * @example
 * panToString(0) // "C"
 * panToString(-1) // "50L"
 * panToString(0.5) // "25R"
 */
export function panToString(pan: number): string {
  if (!Number.isFinite(pan) || pan < -1 || pan > 1) throw outOfRange(pan)
  const steps = Math.round(Math.abs(pan) * STEPS)
  if (steps === 0) return 'C'
  return `${steps}${pan < 0 ? 'L' : 'R'}`
}

const sidePattern = /^(\d+(?:\.\d+)?)\s*([lr])$/
const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/

/**
 * A pan written as Live shows it ("C", "25L", "50R") or as a raw value ("-0.5"), as a value −1..1.
 *
 * @example
 * parsePan('C') // 0
 * parsePan('50L') // -1
 * parsePan('25R') // 0.5
 * parsePan('-0.25') // -0.25
 */
export function parsePan(text: string): number {
  const clean = text.trim().toLowerCase()
  if (clean === 'c' || clean === 'center' || clean === 'centre') return 0
  const side = sidePattern.exec(clean)
  if (side !== null) {
    const steps = Number(side[1])
    if (steps > STEPS) {
      throw new LiveError(
        'INVALID_ARGUMENTS',
        `pan "${text}" is out of range: Live's pan runs from 50L through C to 50R`,
        { details: { value: text, min: '50L', max: '50R' } },
      )
    }
    const value = steps / STEPS
    return side[2] === 'l' ? -value || 0 : value
  }
  if (numberPattern.test(clean)) {
    const value = Number(clean)
    if (value < -1 || value > 1) throw outOfRange(text)
    return value
  }
  throw new LiveError(
    'INVALID_ARGUMENTS',
    `"${text}" is not a pan: expected "C", "1L".."50L", "1R".."50R" or a value -1..1`,
    {
      details: { value: text },
    },
  )
}
