import { LiveError } from '../errors/liveError.js'
import type { OscValue } from '../osc/types.js'

/*
 * AbletonOSC sends Python booleans as OSC `T`/`F` (decoded as true/false) and never as 0/1; it
 * accepts 0/1 on input (Live coerces ints to bool). Our Max for Live bridge may answer with ints, so
 * decoding accepts 0/1 too.
 */

const words: Readonly<Record<string, boolean>> = {
  on: true,
  off: false,
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
}

/**
 * A yes/no word typed by a person (on/off, true/false, yes/no, 1/0; any case) as a boolean.
 *
 * @example
 * parseBool('on') // true
 * parseBool('No') // false
 */
export function parseBool(text: string): boolean {
  const value = words[text.trim().toLowerCase()]
  if (value === undefined) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `"${text}" is not a yes/no value: expected on/off, true/false, yes/no or 1/0`,
      {
        details: { value: text },
      },
    )
  }
  return value
}

/**
 * A boolean to send: true/false, 0/1 or a word from {@link parseBool}, as the boolean the encoder writes as `T`/`F`.
 *
 * @example
 * toOscBool(1) // true
 * toOscBool('off') // false
 */
export function toOscBool(value: boolean | number | string): boolean {
  if (typeof value === 'boolean') return value
  if (value === 0 || value === 1) return value === 1
  if (typeof value === 'string') return parseBool(value)
  throw new LiveError('INVALID_ARGUMENTS', `${String(value)} is not a boolean: expected true/false or 0/1`, {
    details: { value },
  })
}

/**
 * A boolean from a server: `T`/`F` (true/false) or, from the bridge, the ints 0/1.
 *
 * @example
 * fromOscBool(true) // true
 * fromOscBool(0) // false
 */
export function fromOscBool(value: OscValue): boolean {
  if (typeof value === 'boolean') return value
  if (value === 0 || value === 1) return value === 1
  throw new LiveError('DECODE_FAILED', `expected a boolean (T/F or 0/1) from the server, got ${describe(value)}`, {
    details: { value },
  })
}

function describe(value: OscValue): string {
  if (value === null) return 'nil'
  if (typeof value === 'string') return `"${value}"`
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  return typeof value
}
