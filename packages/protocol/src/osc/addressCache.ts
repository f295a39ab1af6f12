/**
 * Caches for addresses (and decoded type tag strings), which repeat in nearly every packet a program
 * sends or receives. Both are
 * bounded and correct whatever is evicted: a miss just does the work the cache would have saved.
 */
import { readAscii, utf8ByteLength, writeUtf8 } from './utf8.js'

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
// DataViews over long keys, for comparing them four bytes at a time.
const keyViews: (DataView | undefined)[] = new Array(SLOTS).fill(undefined)
/** Keys at least this long are compared word by word when the caller has a DataView of the packet. */
const WIDE = 16

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
export function cachedDecoded(
  bytes: Uint8Array,
  start: number,
  end: number,
  view?: DataView | undefined,
): string | undefined {
  const length = end - start
  if (length < 4) return undefined
  const slot = slotOf(bytes, start, end)
  const key = keys[slot]
  if (key === undefined || key.length !== length) return undefined
  let i = 0
  const keyView = keyViews[slot]
  if (view !== undefined && keyView !== undefined) {
    for (; i + 4 <= length; i += 4) if (keyView.getInt32(i) !== view.getInt32(start + i)) return undefined
  }
  for (; i < length; i++) if (key[i] !== bytes[start + i]) return undefined
  return values[slot]
}

/** Remembers that `bytes[start..end)` decode to `str` (a valid string: no NUL). */
export function rememberDecoded(bytes: Uint8Array, start: number, end: number, str: string): void {
  if (end - start < 4) return
  const slot = slotOf(bytes, start, end)
  // A copy, never a view: Buffer#slice shares memory, and a datagram buffer may be reused.
  const key = new Uint8Array(bytes.subarray(start, end))
  keys[slot] = key
  keyViews[slot] = key.length >= WIDE ? new DataView(key.buffer) : undefined
  values[slot] = str
}

// Type tag strings of up to three tags, by their bytes packed into one number: 'f', 'if', 'is' and the
// like repeat in nearly every packet, and a lookup is cheaper than building the string.
const shortTypesCache = new Map<number, string>()

/** The string of a type tag string of at most three (valid) tags, built once per distinct value. */
export function shortTypes(bytes: Uint8Array, start: number, end: number): string {
  let key = 0
  for (let i = start; i < end; i++) key = key * 256 + bytes[i]!
  key = key * 4 + (end - start)
  let types = shortTypesCache.get(key)
  if (types === undefined) {
    types = readAscii(bytes, start, end)
    // Only valid tags reach here, so the cache holds at most a few thousand entries.
    shortTypesCache.set(key, types)
  }
  return types
}
