import { describe, expect, it } from 'vitest'
import { createRandom } from '../../bench/fuzzPackets.js'
import { readUtf8, utf8ByteLength, writeUtf8 } from './utf8.js'

function encode(str: string): number[] {
  const bytes = new Uint8Array(utf8ByteLength(str))
  expect(writeUtf8(bytes, 0, str)).toBe(bytes.length)
  return Array.from(bytes)
}

describe('utf8', () => {
  it('encodes 1- to 4-byte characters', () => {
    expect(encode('Bässe 🎹 Ω')).toEqual([
      0x42, 0xc3, 0xa4, 0x73, 0x73, 0x65, 0x20, 0xf0, 0x9f, 0x8e, 0xb9, 0x20, 0xce, 0xa9,
    ])
    expect(encode('€')).toEqual([0xe2, 0x82, 0xac])
    expect(encode('')).toEqual([])
  })

  it('encodes a lone surrogate as U+FFFD, like TextEncoder', () => {
    expect(encode('a\ud800b')).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62])
    expect(encode('\udc00')).toEqual([0xef, 0xbf, 0xbd])
  })

  it('decodes what it encodes, and agrees with TextEncoder/TextDecoder on random text', () => {
    const random = createRandom(7)
    const encoder = new TextEncoder()
    const decoder = new TextDecoder()
    for (let n = 0; n < 500; n++) {
      let str = ''
      for (let k = 0; k < 12; k++) {
        const pick = random()
        const cp =
          pick < 0.4
            ? 0x20 + Math.floor(random() * 0x5f)
            : pick < 0.9
              ? 0x80 + Math.floor(random() * 0xd780)
              : 0x10000 + Math.floor(random() * 0xfffff)
        str += String.fromCodePoint(cp)
      }
      const ours = Uint8Array.from(encode(str))
      expect(ours).toEqual(encoder.encode(str))
      expect(readUtf8(ours, 0, ours.length)).toBe(decoder.decode(ours))
    }
  })

  it('decodes malformed bytes to U+FFFD like TextDecoder', () => {
    const decoder = new TextDecoder()
    const cases = [
      [0x80],
      [0xc3],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xc0, 0xaf], // overlong
      [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
      [0x61, 0xf0, 0x9f, 0x8e, 0x62],
      [0xff, 0xfe],
    ]
    for (const bytes of cases) {
      const array = Uint8Array.from(bytes)
      expect(readUtf8(array, 0, array.length)).toBe(decoder.decode(array))
    }
  })

  it('decodes long text in chunks', () => {
    const str = 'ü'.repeat(10_000) + 'x'.repeat(100)
    const bytes = Uint8Array.from(encode(str))
    expect(readUtf8(bytes, 0, bytes.length)).toBe(str)
  })
})
