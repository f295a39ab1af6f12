import { LiveError } from '../errors/liveError.js'
import { writeBigInt64, writeFloat32, writeFloat64, writeInt32 } from './bigEndian.js'
import type { OscColor, OscTimeTag, OscValue } from './types.js'
import { utf8ByteLength, writeUtf8 } from './utf8.js'

const UINT32_MAX = 0xffffffff

/** What each tag accepts, for error messages. */
const NEEDS: Readonly<Record<string, string>> = {
  i: 'an integer from -2147483648 to 2147483647',
  f: 'a number',
  d: 'a number',
  h: 'a bigint (or a safe integer) within 64-bit signed range',
  t: 'an OscTimeTag { seconds, fraction } of unsigned 32-bit integers',
  s: 'a string without NUL characters',
  S: 'a string without NUL characters',
  c: 'a one-character string',
  b: 'a Uint8Array',
  m: 'a Uint8Array of 4 MIDI bytes (port, status, data1, data2)',
  r: 'an OscColor { r, g, b, a } of integers 0..255',
  T: 'true',
  F: 'false',
  N: 'null',
  I: 'Infinity',
  '[': 'an array',
}

/**
 * Writes one non-array argument, already validated against its tag, at an aligned offset of a
 * zero-filled buffer; returns the aligned offset after it.
 */
export function writeArg(bytes: Uint8Array, offset: number, tag: number, value: OscValue): number {
  switch (tag) {
    case 0x69: // i
      writeInt32(bytes, offset, value as number)
      return offset + 4
    case 0x66: // f
      writeFloat32(bytes, offset, value as number)
      return offset + 4
    case 0x73: // s
    case 0x53: // S
      return writeString(bytes, offset, value as string)
    case 0x64: // d
      writeFloat64(bytes, offset, value as number)
      return offset + 8
    case 0x68: // h
      writeBigInt64(bytes, offset, typeof value === 'bigint' ? value : BigInt(value as number))
      return offset + 8
    case 0x74: // t
      writeInt32(bytes, offset, (value as OscTimeTag).seconds)
      writeInt32(bytes, offset + 4, (value as OscTimeTag).fraction)
      return offset + 8
    case 0x63: // c
      writeInt32(bytes, offset, (value as string).codePointAt(0)!)
      return offset + 4
    case 0x62: {
      // b
      const blob = value as Uint8Array
      writeInt32(bytes, offset, blob.length)
      bytes.set(blob, offset + 4)
      return offset + 4 + ((blob.length + 3) & ~3)
    }
    case 0x6d: // m
      bytes.set(value as Uint8Array, offset)
      return offset + 4
    case 0x72: {
      // r
      const color = value as OscColor
      bytes[offset] = color.r
      bytes[offset + 1] = color.g
      bytes[offset + 2] = color.b
      bytes[offset + 3] = color.a
      return offset + 4
    }
    default: // T F N I carry no bytes
      return offset
  }
}

/** How an argument is named in messages: `2` at the top level, `2[1]` inside the array at argument 2. */
export function labelOf(path: string, index: number): string {
  return path === '' ? String(index) : `${path}[${index}]`
}

/** The bytes one non-array argument takes; throws when `value` does not fit `tag`. */
export function sizeArg(address: string, tag: number, value: OscValue, path: string, index: number): number {
  switch (tag) {
    case 0x69: // i
      if (typeof value === 'number' && (value | 0) === value) return 4
      break
    case 0x66: // f
      if (typeof value === 'number') return 4
      break
    case 0x64: // d
      if (typeof value === 'number') return 8
      break
    case 0x68: // h
      if (typeof value === 'bigint' ? BigInt.asIntN(64, value) === value : Number.isSafeInteger(value)) return 8
      break
    case 0x74: // t
      if (isTimeTag(value)) return 8
      break
    case 0x73: // s
    case 0x53: // S
      if (typeof value === 'string' && value.indexOf('\0') === -1) return stringSize(value)
      break
    case 0x63: // c
      if (typeof value === 'string' && isOneCodePoint(value)) return 4
      break
    case 0x62: // b
      if (value instanceof Uint8Array) return 4 + ((value.length + 3) & ~3)
      break
    case 0x6d: // m
      if (value instanceof Uint8Array && value.length === 4) return 4
      break
    case 0x72: // r
      if (isColor(value)) return 4
      break
    case 0x54: // T
      if (value === true) return 0
      break
    case 0x46: // F
      if (value === false) return 0
      break
    case 0x4e: // N
      if (value === null) return 0
      break
    case 0x49: // I
      if (value === Number.POSITIVE_INFINITY) return 0
      break
    default:
      throw new LiveError(
        'ENCODE_FAILED',
        `cannot encode ${address}: argument ${labelOf(path, index)} has the unknown type tag '${String.fromCharCode(tag)}'`,
        { details: { address, index: labelOf(path, index), tag: String.fromCharCode(tag) } },
      )
  }
  throw encodeArgError(address, labelOf(path, index), value, tag)
}

/** Writes an OSC string (UTF-8, NUL, zero padding) at an aligned offset of a zero-filled buffer. */
export function writeString(bytes: Uint8Array, offset: number, str: string): number {
  return (writeUtf8(bytes, offset, str) + 4) & ~3
}

/** The ENCODE_FAILED error for a value that does not fit its tag (`tag` 0: no tag can be inferred). */
export function encodeArgError(address: string, label: string, value: unknown, tag: number): LiveError {
  const shown = describeValue(value)
  if (tag === 0) {
    return new LiveError(
      'ENCODE_FAILED',
      `cannot encode ${address}: argument ${label} is ${shown}, which has no inferred OSC type tag`,
      {
        metaMessages: [
          'Give the message explicit `types` (an integer beyond int32 needs `h` with a bigint, or `f`/`d`).',
        ],
        details: { address, index: label, value },
      },
    )
  }
  const char = String.fromCharCode(tag)
  const problem =
    typeof value === 'string' && value.indexOf('\0') !== -1 && (char === 's' || char === 'S')
      ? `, a string with a NUL character, which an OSC string cannot carry`
      : `, but its type tag '${char}' needs ${NEEDS[char] ?? 'a value of that type'}`
  return new LiveError('ENCODE_FAILED', `cannot encode ${address}: argument ${label} is ${shown}${problem}`, {
    details: { address, index: label, value, tag: char },
  })
}

/** A short, printable description of any value, for error messages. */
function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? value.slice(0, 40) + '…' : value
      return `${JSON.stringify(shown)} (string)`
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value)
    case 'bigint':
      return `${value}n`
    case 'undefined':
      return 'undefined'
    case 'object': {
      if (value === null) return 'null'
      if (value instanceof Uint8Array) return `a Uint8Array of ${value.length} bytes`
      if (Array.isArray(value)) return `an array of ${value.length}`
      try {
        const json = JSON.stringify(value)
        return json.length > 60 ? json.slice(0, 60) + '…' : json
      } catch {
        return 'an object'
      }
    }
    default:
      return String(value)
  }
}

/** True for an OscTimeTag of two unsigned 32-bit integers. */
export function isTimeTag(value: unknown): value is OscTimeTag {
  if (typeof value !== 'object' || value === null) return false
  const { seconds, fraction } = value as Partial<OscTimeTag>
  return isUint32(seconds) && isUint32(fraction)
}

function isUint32(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= UINT32_MAX
}

function isColor(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const { r, g, b, a } = value as Record<string, unknown>
  return isByte(r) && isByte(g) && isByte(b) && isByte(a)
}

function isByte(value: unknown): boolean {
  return typeof value === 'number' && (value & 0xff) === value
}

function isOneCodePoint(str: string): boolean {
  if (str.length === 1) return true
  if (str.length !== 2) return false
  const hi = str.charCodeAt(0)
  const lo = str.charCodeAt(1)
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff
}

/** Bytes of an OSC string: UTF-8, a NUL, zero padding to a multiple of 4. */
function stringSize(str: string): number {
  return (utf8ByteLength(str) + 4) & ~3
}
