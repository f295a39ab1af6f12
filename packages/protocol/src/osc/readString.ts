import { decodeError } from './decodeError.js'
import { readAscii, readUtf8 } from './utf8.js'

/**
 * Finds the NUL that ends the padded string at `start` (its padding ends at `(nul + 4) & ~3`). It looks
 * only at the last byte of each 4-byte word (a padded string's final word always ends in NUL), so a
 * NUL inside an earlier word is not seen here: the caller rejects it while reading the characters.
 */
export function findStringEnd(
  bytes: Uint8Array,
  start: number,
  end: number,
  total: number,
  part: string,
  tag = 0,
  index = 0,
): number {
  let last = start + 3
  while (last < end && bytes[last] !== 0) last += 4
  if (last >= end) throw stringError(bytes, start, end, total, partName(part, tag, index))
  let nul = last - 3
  while (bytes[nul] !== 0) nul++
  for (let i = nul + 1; i < last; i++) {
    if (bytes[i] !== 0) throw decodeError(i, 'a NUL padding byte', total, end, partName(part, tag, index))
  }
  return nul
}

/** Why no padded string starts at `start`: no NUL at all, or too little room for the padding. */
function stringError(bytes: Uint8Array, start: number, end: number, total: number, part: string) {
  const nul = bytes.subarray(start, end).indexOf(0)
  if (nul === -1) return decodeError(start, 'a NUL-terminated string', total, end, part)
  const padding = 3 - (nul & 3)
  return decodeError(start + nul + 1, `${padding} byte${padding === 1 ? '' : 's'} of NUL padding`, total, end, part)
}

/** Decodes the characters of a string whose end `nul` was found by findStringEnd, rejecting a NUL inside. */
export function readString(
  bytes: Uint8Array,
  start: number,
  nul: number,
  end: number,
  total: number,
  part: string,
  tag = 0,
  index = 0,
): string {
  let i = start
  let c = 0
  for (; i < nul; i++) {
    c = bytes[i]!
    if (c === 0 || c >= 0x80) break
  }
  if (i === nul) return readAscii(bytes, start, nul)
  const inner = c === 0 ? i : bytes.subarray(i, nul).indexOf(0) + i
  if (inner >= i) {
    // The string really ends at this NUL; the non-zero byte after it is bad padding.
    let bad = inner + 1
    while (bytes[bad] === 0) bad++
    throw decodeError(bad, 'a NUL padding byte', total, end, partName(part, tag, index))
  }
  return readUtf8(bytes, start, nul)
}

/** The part of the packet being read: a fixed name, or an argument when `tag` is given. */
function partName(part: string, tag: number, index: number): string {
  return tag === 0 ? part : argPart(tag, index)
}

/** How an argument is named in DECODE_FAILED messages, e.g. `argument 1 's'`. */
export function argPart(tag: number, index: number): string {
  return `argument ${index} '${String.fromCharCode(tag)}'`
}
