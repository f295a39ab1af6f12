import { LiveError } from '../errors/liveError.js'

/**
 * The DECODE_FAILED error for a malformed packet: the byte offset, what was expected there, and
 * (in `part`) which piece of the packet was being read.
 *
 * @example
 * decodeError(12, 'a NUL-terminated string', 10, 10, 'address')
 * // DECODE_FAILED: bad OSC packet: expected a NUL-terminated string at byte 12 (address), packet is 10 bytes
 */
export function decodeError(offset: number, expected: string, length: number, end: number, part?: string): LiveError {
  const where = part === undefined ? '' : ` (${part})`
  const element = end === length ? '' : `, in a bundle element that ends at byte ${end}`
  return new LiveError(
    'DECODE_FAILED',
    `bad OSC packet: expected ${expected} at byte ${offset}${where}${element}, packet is ${length} bytes`,
    {
      details: part === undefined ? { offset, expected, length, end } : { offset, expected, length, end, part },
    },
  )
}
