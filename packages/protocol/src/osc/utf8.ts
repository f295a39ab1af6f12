/**
 * A small UTF-8 codec with an ASCII fast path. Ours rather than TextEncoder/TextDecoder because the
 * codec must also run in Max's JavaScript engine, which has neither (and no Buffer).
 * Like the WHATWG codec, a lone surrogate encodes as U+FFFD and a malformed byte sequence decodes
 * as U+FFFD: strings are data, the packet structure around them is what the decoder is strict about.
 */

const REPLACEMENT = 0xfffd
/** Code units per `String.fromCharCode.apply` call: well below every engine's argument limit. */
const CHUNK = 4096

/** The number of bytes `str` takes in UTF-8 (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(str: string): number {
  const length = str.length
  let bytes = length
  for (let i = 0; i < length; i++) {
    const c = str.charCodeAt(i)
    if (c < 0x80) continue
    if (c < 0x800) {
      bytes += 1
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
      const next = str.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair: two UTF-16 units, four UTF-8 bytes.
        bytes += 2
        i++
      } else {
        bytes += 2
      }
    } else {
      bytes += 2
    }
  }
  return bytes
}

/** Writes `str` as UTF-8 into `bytes` at `offset` (the caller sized it) and returns the offset after it. */
export function writeUtf8(bytes: Uint8Array, offset: number, str: string): number {
  const length = str.length
  let o = offset
  for (let i = 0; i < length; i++) {
    let c = str.charCodeAt(i)
    if (c < 0x80) {
      bytes[o++] = c
      continue
    }
    if (c < 0x800) {
      bytes[o++] = 0xc0 | (c >> 6)
      bytes[o++] = 0x80 | (c & 0x3f)
      continue
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < length ? str.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
        bytes[o++] = 0xf0 | (cp >> 18)
        bytes[o++] = 0x80 | ((cp >> 12) & 0x3f)
        bytes[o++] = 0x80 | ((cp >> 6) & 0x3f)
        bytes[o++] = 0x80 | (cp & 0x3f)
        i++
        continue
      }
      c = REPLACEMENT
    }
    bytes[o++] = 0xe0 | (c >> 12)
    bytes[o++] = 0x80 | ((c >> 6) & 0x3f)
    bytes[o++] = 0x80 | (c & 0x3f)
  }
  return o
}

/** Decodes the UTF-8 bytes `bytes[start..end)` to a string (malformed sequences become U+FFFD). */
export function readUtf8(bytes: Uint8Array, start: number, end: number): string {
  let i = start
  while (i < end && bytes[i]! < 0x80) i++
  return i === end ? readAscii(bytes, start, end) : readAscii(bytes, start, i) + readUtf8Slow(bytes, i, end)
}

const fromCharCode = String.fromCharCode

/** Decodes bytes known to be ASCII (all below 0x80): short strings in one call, longer ones eight bytes at a time. */
export function readAscii(bytes: Uint8Array, start: number, end: number): string {
  const b = bytes
  const s = start
  switch (end - start) {
    case 0:
      return ''
    case 1:
      return fromCharCode(b[s]!)
    case 2:
      return fromCharCode(b[s]!, b[s + 1]!)
    case 3:
      return fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!)
    case 4:
      return fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!)
    case 5:
      return fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!)
    case 6:
      return fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!)
    case 7:
      return fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!)
  }
  let str = ''
  let i = start
  for (; i + 8 <= end; i += 8) {
    str += fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!)
  }
  for (; i < end; i++) str += fromCharCode(b[i]!)
  return str
}

function readUtf8Slow(bytes: Uint8Array, start: number, end: number): string {
  const units: number[] = []
  let str = ''
  let i = start
  while (i < end) {
    const b0 = bytes[i]!
    let cp = REPLACEMENT
    let next = i + 1
    if (b0 < 0x80) {
      cp = b0
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      const b1 = next < end ? bytes[next]! : 0
      if ((b1 & 0xc0) === 0x80) {
        cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f)
        next++
      }
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      // Second-byte bounds exclude overlong forms (E0) and surrogates (ED).
      const lo = b0 === 0xe0 ? 0xa0 : 0x80
      const hi = b0 === 0xed ? 0x9f : 0xbf
      const b1 = next < end ? bytes[next]! : 0
      if (b1 >= lo && b1 <= hi) {
        next++
        const b2 = next < end ? bytes[next]! : 0
        if ((b2 & 0xc0) === 0x80) {
          cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)
          next++
        }
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      // Second-byte bounds exclude overlong forms (F0) and code points above U+10FFFF (F4).
      const lo = b0 === 0xf0 ? 0x90 : 0x80
      const hi = b0 === 0xf4 ? 0x8f : 0xbf
      const b1 = next < end ? bytes[next]! : 0
      if (b1 >= lo && b1 <= hi) {
        next++
        const b2 = next < end ? bytes[next]! : 0
        if ((b2 & 0xc0) === 0x80) {
          next++
          const b3 = next < end ? bytes[next]! : 0
          if ((b3 & 0xc0) === 0x80) {
            cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)
            next++
          }
        }
      }
    }
    if (cp > 0xffff) {
      cp -= 0x10000
      units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff))
    } else {
      units.push(cp)
    }
    i = next
    if (units.length >= CHUNK) {
      str += String.fromCharCode.apply(null, units)
      units.length = 0
    }
  }
  return str + String.fromCharCode.apply(null, units)
}
