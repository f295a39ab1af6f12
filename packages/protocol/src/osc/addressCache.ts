/**
 * Caches for addresses, which repeat in nearly every packet a program sends or receives (the decoder
 * also caches whole message heads and type tag plans: see decodePlan.ts). Both are bounded and correct
 * whatever is evicted: a miss just does the work the cache would have saved.
 */
import { utf8ByteLength, writeUtf8 } from './utf8.js'

/** Distinct addresses remembered on encode before the cache starts over. */
const ENCODE_LIMIT = 1024
const encoded = new Map<string, Uint8Array>()

/** The OSC string bytes (UTF-8, NUL, padding) of a valid address, encoded once and then remembered. */
export function encodedAddress(address: string): Uint8Array {
  let bytes = encoded.get(address)
  if (bytes === undefined) {
    bytes = new Uint8Array((utf8ByteLength(address) + 4) & ~3)
    writeUtf8(bytes, 0, address)
    if (encoded.size >= ENCODE_LIMIT) encoded.clear()
    encoded.set(address, bytes)
  }
  return bytes
}

/** The remembered bytes of `address`, if it is still in the cache. */
export function cachedEncodedAddress(address: string): Uint8Array | undefined {
  return encoded.get(address)
}

/** Slots of the direct-mapped decode cache (a power of two). */
const SLOTS = 256
const keys: (Uint8Array | undefined)[] = new Array(SLOTS).fill(undefined)
const values: string[] = new Array(SLOTS).fill('')

/** The slot of the bytes `bytes[start..end)`: a cheap hash of the length, the last three bytes and the middle one. */
function slotOf(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start
  return (
    (length * 31 + bytes[end - 1]! * 7 + bytes[end - 2]! * 131 + bytes[end - 3]! + bytes[start + (length >> 1)]! * 17) &
    (SLOTS - 1)
  )
}

/**
 * The string last decoded from the same bytes as `bytes[start..end)`, if it is still cached. Comparing
 * bytes is cheaper than building a string, and a reused string keeps its hash for the Map lookups
 * that route replies by address.
 */
export function cachedDecoded(bytes: Uint8Array, start: number, end: number): string | undefined {
  const length = end - start
  if (length < 4) return undefined
  const slot = slotOf(bytes, start, end)
  const key = keys[slot]
  if (key === undefined || key.length !== length) return undefined
  for (let i = 0; i < length; i++) if (key[i] !== bytes[start + i]) return undefined
  return values[slot]
}

/** Remembers that `bytes[start..end)` decode to `str` (a valid string: no NUL). */
export function rememberDecoded(bytes: Uint8Array, start: number, end: number, str: string): void {
  const length = end - start
  if (length < 4) return
  const slot = slotOf(bytes, start, end)
  // A copy, never a view: Buffer#slice shares memory, and a datagram buffer may be reused. Copied by
  // hand: one small on-heap array, where `new Uint8Array(bytes.subarray(...))` makes two (and a
  // DataView over a key, as this cache once kept, would move its buffer off the heap: it cost more
  // than the rest of a cache miss).
  const key = new Uint8Array(length)
  for (let i = 0; i < length; i++) key[i] = bytes[start + i]!
  keys[slot] = key
  values[slot] = str
}
