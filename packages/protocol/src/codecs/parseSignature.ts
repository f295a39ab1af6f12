import { LiveError } from '../errors/liveError.js'

/** A time signature as Live stores it (`signature_numerator` / `signature_denominator`). */
export interface TimeSignature {
  /** Beats per bar, 1..99. */
  readonly numerator: number
  /** The note value of one beat: 1, 2, 4, 8 or 16. */
  readonly denominator: number
}

/** The denominators Live offers. */
const DENOMINATORS: readonly number[] = [1, 2, 4, 8, 16]

/** Throws INVALID_ARGUMENTS unless numerator/denominator is a signature Live can set (1..99 over 1, 2, 4, 8 or 16). */
export function checkSignature(numerator: number, denominator: number): void {
  if (!Number.isInteger(numerator) || numerator < 1 || numerator > 99) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `time signature numerator ${String(numerator)} is out of range: Live allows 1..99`,
      { details: { value: numerator, min: 1, max: 99 } },
    )
  }
  if (!DENOMINATORS.includes(denominator)) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `time signature denominator ${String(denominator)} is not one Live allows: 1, 2, 4, 8 or 16`,
      { details: { value: denominator, valid: DENOMINATORS } },
    )
  }
}

/**
 * A time signature written "n/d" (e.g. "4/4", "6/8", " 7 / 8 "), checked against what Live allows.
 *
 * @example
 * parseSignature('6/8') // { numerator: 6, denominator: 8 }
 */
export function parseSignature(text: string): TimeSignature {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (match === null) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `"${text}" is not a time signature: expected numerator/denominator, e.g. 4/4 or 6/8`,
      {
        details: { value: text },
      },
    )
  }
  const numerator = Number(match[1])
  const denominator = Number(match[2])
  checkSignature(numerator, denominator)
  return { numerator, denominator }
}

/**
 * A time signature as "n/d".
 *
 * @example
 * formatSignature({ numerator: 6, denominator: 8 }) // "6/8"
 */
export function formatSignature(signature: TimeSignature): string {
  checkSignature(signature.numerator, signature.denominator)
  return `${signature.numerator}/${signature.denominator}`
}

/**
 * The length of one bar in Live's beats (quarter notes): numerator × 4 / denominator.
 *
 * @example
 * barLengthBeats({ numerator: 6, denominator: 8 }) // 3
 */
export function barLengthBeats(signature: TimeSignature): number {
  checkSignature(signature.numerator, signature.denominator)
  return (signature.numerator * 4) / signature.denominator
}
