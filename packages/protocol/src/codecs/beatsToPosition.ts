import { LiveError } from '../errors/liveError.js'
import { checkSignature, type TimeSignature } from './parseSignature.js'

/*
 * Live shows a song position as bars.beats.sixteenths, each counted from 1: "1.1.1" is the start.
 * A "beat" there is one 1/denominator note, so it holds 16/denominator sixteenths (6/8: 2), while
 * Live's numeric song time counts quarter notes. Positions are floored to the sixteenth, as Live's
 * display does.
 */

/** Tolerance for float32 song times that sit a hair below a sixteenth (e.g. 0.9999999 beats). */
const EPSILON = 1e-6

/**
 * A song time in beats (quarter notes, ≥ 0) as Live's position text "bars.beats.sixteenths".
 *
 * @example
 * beatsToPosition(0, { numerator: 4, denominator: 4 }) // "1.1.1"
 * beatsToPosition(5.25, { numerator: 4, denominator: 4 }) // "2.2.2"
 * beatsToPosition(3.5, { numerator: 6, denominator: 8 }) // "2.2.1"
 */
export function beatsToPosition(beats: number, signature: TimeSignature): string {
  checkSignature(signature.numerator, signature.denominator)
  if (!Number.isFinite(beats) || beats < 0) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `song time ${String(beats)} beats is out of range: positions start at 0 beats (1.1.1)`,
      {
        details: { value: beats, min: 0 },
      },
    )
  }
  const perBeat = 16 / signature.denominator
  const perBar = signature.numerator * perBeat
  const sixteenths = Math.floor(beats * 4 + EPSILON)
  const bar = Math.floor(sixteenths / perBar) + 1
  const inBar = sixteenths % perBar
  const beat = Math.floor(inBar / perBeat) + 1
  const sixteenth = (inBar % perBeat) + 1
  return `${bar}.${beat}.${sixteenth}`
}

/**
 * Live's position text "bars.beats.sixteenths" (or "bars" or "bars.beats") as a song time in beats (quarter notes).
 *
 * @example
 * positionToBeats('1.1.1', { numerator: 4, denominator: 4 }) // 0
 * positionToBeats('2.2.2', { numerator: 4, denominator: 4 }) // 5.25
 * positionToBeats('3', { numerator: 6, denominator: 8 }) // 6
 */
export function positionToBeats(position: string, signature: TimeSignature): number {
  checkSignature(signature.numerator, signature.denominator)
  const perBeat = 16 / signature.denominator
  const match = /^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(position)
  const bar = Number(match?.[1] ?? 0)
  const beat = Number(match?.[2] ?? 1)
  const sixteenth = Number(match?.[3] ?? 1)
  if (match === null || bar < 1 || beat < 1 || beat > signature.numerator || sixteenth < 1 || sixteenth > perBeat) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `"${position}" is not a position in ${signature.numerator}/${signature.denominator}: expected bars.beats.sixteenths counted from 1.1.1, with beats 1..${signature.numerator} and sixteenths 1..${perBeat}`,
      { details: { value: position, signature: `${signature.numerator}/${signature.denominator}` } },
    )
  }
  const sixteenths = ((bar - 1) * signature.numerator + (beat - 1)) * perBeat + (sixteenth - 1)
  return sixteenths / 4
}
