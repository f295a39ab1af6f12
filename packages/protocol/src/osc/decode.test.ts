import { describe, expect, it } from 'vitest'
import { isLiveError, type LiveError } from '../errors/liveError.js'
import { decodePacket, messagesOf } from './decode.js'
import { encodePacket } from './encode.js'
import { type DecodedOscBundle, type DecodedOscMessage, IMMEDIATELY, type OscMessage } from './types.js'

/** Bytes from hex, spaces ignored. */
function bytesOf(hex: string): Uint8Array {
  const clean = hex.replaceAll(' ', '')
  return Uint8Array.from({ length: clean.length / 2 }, (_, i) => Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16))
}

function decodeError(bytes: Uint8Array): LiveError {
  try {
    decodePacket(bytes)
  } catch (error) {
    expect(isLiveError(error, 'DECODE_FAILED')).toBe(true)
    return error as LiveError
  }
  throw new Error('expected DECODE_FAILED')
}

function roundTrip(message: OscMessage): DecodedOscMessage {
  return decodePacket(encodePacket(message)) as DecodedOscMessage
}

describe('decodePacket', () => {
  it('reads /live/song/set/tempo ,f 120', () => {
    const bytes = bytesOf('2f6c6976 652f736f 6e672f73 65742f74 656d706f 00000000 2c660000 42f00000')
    expect(decodePacket(bytes)).toEqual({ address: '/live/song/set/tempo', types: 'f', args: [120] })
  })

  it.each([
    ['i', [0, 1, -1, 2147483647, -2147483648]],
    ['f', [0, 0.5, -1.5, 120, 3.4028234663852886e38, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]],
    ['d', [0.1, -1e300, 5e-324]],
    ['h', [0n, -1n, 9223372036854775807n, -9223372036854775808n]],
    ['s', ['', 'a', 'abc', 'abcd', 'Bässe 🎹 Ω', '日本語']],
    ['S', ['sym', '']],
    ['c', ['A', 'é', '🎹']],
    ['T', [true]],
    ['F', [false]],
    ['N', [null]],
    ['I', [Number.POSITIVE_INFINITY]],
    ['t', [IMMEDIATELY, { seconds: 0xffffffff, fraction: 0xffffffff }, { seconds: 3_900_000_000, fraction: 0 }]],
    ['r', [{ r: 0, g: 127, b: 255, a: 1 }]],
  ] as const)('round-trips %s', (tag, values) => {
    for (const value of values) {
      expect(roundTrip({ address: '/x', types: tag, args: [value] })).toEqual({
        address: '/x',
        types: tag,
        args: [value],
      })
    }
  })

  it('round-trips NaN and a float that is rounded to 32 bits', () => {
    expect(roundTrip({ address: '/x', types: 'f', args: [Number.NaN] }).args[0]).toBeNaN()
    expect(roundTrip({ address: '/x', types: 'f', args: [0.8] }).args[0]).toBe(0.800000011920929)
  })

  it('round-trips blobs and MIDI as views of the input, without copying', () => {
    const bytes = encodePacket({
      address: '/x',
      types: 'bbm',
      args: [new Uint8Array([1, 2, 3, 4, 5]), new Uint8Array(0), new Uint8Array([0, 0x90, 60, 127])],
    })
    const message = decodePacket(bytes) as DecodedOscMessage
    const [blob, empty, midi] = message.args as Uint8Array[]
    expect(Array.from(blob!)).toEqual([1, 2, 3, 4, 5])
    expect(Array.from(empty!)).toEqual([])
    expect(Array.from(midi!)).toEqual([0, 0x90, 60, 127])
    expect(blob!.buffer).toBe(bytes.buffer)
    expect(blob!.byteOffset).toBe(bytes.byteOffset + 16)
    expect(midi!.buffer).toBe(bytes.buffer)
  })

  it('decodes a packet that is itself a view into a larger buffer', () => {
    const packet = encodePacket({ address: '/x', types: 'ib', args: [7, new Uint8Array([9])] })
    const big = new Uint8Array(packet.length + 6)
    big.set(packet, 3)
    const message = decodePacket(big.subarray(3, 3 + packet.length)) as DecodedOscMessage
    expect(message.args[0]).toBe(7)
    expect(Array.from(message.args[1] as Uint8Array)).toEqual([9])
  })

  it('round-trips arrays, nested and empty', () => {
    const message = { address: '/x', types: 'i[i[sf]][]T', args: [1, [2, ['a', 0.5]], [], true] }
    expect(roundTrip(message)).toEqual(message)
  })

  it('decodes UTF-8 addresses and strings', () => {
    expect(roundTrip({ address: '/live/track/Bässe', types: 's', args: ['Bässe 🎹 Ω'] })).toEqual({
      address: '/live/track/Bässe',
      types: 's',
      args: ['Bässe 🎹 Ω'],
    })
  })

  it('decodes a datagram with an address and no type tag string as a message with no args (as AbletonOSC does)', () => {
    expect(decodePacket(bytesOf('2f6c6976 652f7465 73740000'))).toEqual({ address: '/live/test', types: '', args: [] })
    expect(decodePacket(bytesOf('2f610000 2c000000'))).toEqual({ address: '/a', types: '', args: [] })
  })

  it('decodes nested bundles and flattens them in order with messagesOf', () => {
    const bytes = encodePacket({
      timeTag: { seconds: 1, fraction: 2 },
      elements: [
        { address: '/a', args: [1] },
        {
          timeTag: IMMEDIATELY,
          elements: [
            { address: '/b', args: ['x'] },
            { timeTag: IMMEDIATELY, elements: [] },
          ],
        },
        { address: '/c', args: [] },
      ],
    })
    const packet = decodePacket(bytes) as DecodedOscBundle
    expect(packet.timeTag).toEqual({ seconds: 1, fraction: 2 })
    expect(packet.elements).toHaveLength(3)
    expect((packet.elements[1] as DecodedOscBundle).elements[1]).toEqual({ timeTag: IMMEDIATELY, elements: [] })
    expect(messagesOf(packet)).toEqual([
      { address: '/a', types: 'i', args: [1] },
      { address: '/b', types: 's', args: ['x'] },
      { address: '/c', types: '', args: [] },
    ])
    expect(messagesOf(decodePacket(encodePacket({ address: '/d', args: [] })))).toEqual([
      { address: '/d', types: '', args: [] },
    ])
  })

  it('replaces malformed UTF-8 with U+FFFD instead of failing the packet', () => {
    // "a", a lone continuation byte, "b", a truncated 3-byte sequence
    expect(decodePacket(bytesOf('2f780000 2c730000 618062e2 82000000'))).toEqual({
      address: '/x',
      types: 's',
      args: ['a\ufffdb\ufffd'],
    })
  })
})

describe('decodePacket errors', () => {
  it('names the byte offset, what was expected there, and the part being read', () => {
    expect(decodeError(bytesOf('2f616263 64656667 6869')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a NUL-terminated string at byte 0 (address), packet is 10 bytes"`,
    )
    const error = decodeError(bytesOf('2f616263 64656667 6869'))
    expect(error.details).toEqual({
      offset: 0,
      expected: 'a NUL-terminated string',
      length: 10,
      end: 10,
      part: 'address',
    })
  })

  it('rejects what is neither a message nor a bundle', () => {
    expect(decodeError(new Uint8Array(0)).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected an address starting with '/' or '#bundle' at byte 0 (packet start), packet is 0 bytes"`,
    )
    expect(decodeError(bytesOf('23627567 00000000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected an address starting with '/' or '#bundle' at byte 0 (packet start), packet is 8 bytes"`,
    )
    expect(decodeError('nope' as never).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a Uint8Array at byte 0 (got string), packet is 0 bytes"`,
    )
  })

  it('rejects bad padding and missing type tags', () => {
    expect(decodeError(bytesOf('2f610000 2c66')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a NUL-terminated string at byte 4 (type tags), packet is 6 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 2c6600')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected 1 byte of NUL padding at byte 7 (type tags), packet is 7 bytes"`,
    )
    expect(decodeError(bytesOf('2f610001 2c000000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a NUL padding byte at byte 3 (address), packet is 8 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 69000000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a type tag string starting with ',' at byte 4 (type tags), packet is 8 bytes"`,
    )
    // A NUL in an earlier word of the string: the string ended there, so "c" is bad padding.
    expect(decodeError(bytesOf('2f610063 64000000 2c000000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a NUL padding byte at byte 3 (address), packet is 12 bytes"`,
    )
  })

  it('rejects truncated arguments, oversized blobs and left-over bytes', () => {
    expect(decodeError(bytesOf('2f610000 2c690000 0000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected 4 bytes of argument data at byte 8 (argument 0 'i'), packet is 10 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 2c620000 7fffffff 00000000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a blob size from 0 to 4 (found 2147483647) at byte 8 (argument 0 'b'), packet is 16 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 2c690000 00000001 00000002')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected the end of the message (4 bytes left over) at byte 12 (arguments), packet is 16 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 2c730000 61626364')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a NUL-terminated string at byte 8 (argument 0 's'), packet is 12 bytes"`,
    )
  })

  it('rejects unknown type tags (strict: AbletonOSC skips them) and unbalanced arrays', () => {
    expect(decodeError(bytesOf('2f610000 2c697100 00000001')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a known type tag (found 'q') at byte 6 (type tags), packet is 12 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 2c5b6900 00000001')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a ']' closing an array at byte 7 (type tags), packet is 12 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 2c5d0000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a type tag (found ']' with no '[') at byte 5 (type tags), packet is 8 bytes"`,
    )
    expect(decodeError(bytesOf('2f610000 2c630000 00110000')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a Unicode code point (found 1114112) at byte 8 (argument 0 'c'), packet is 12 bytes"`,
    )
  })

  it('rejects bad bundle element sizes and names the element boundary', () => {
    const bundle = encodePacket({ timeTag: IMMEDIATELY, elements: [{ address: '/a', args: [1] }] })
    const tooBig = new Uint8Array(bundle)
    tooBig[19] = 0x40
    expect(decodeError(tooBig).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected an element size that is a positive multiple of 4 and at most 12 (found 64) at byte 16 (bundle), packet is 32 bytes"`,
    )
    const short = new Uint8Array(bundle)
    short[19] = 8 // the element now ends before its argument
    const error = decodeError(short.subarray(0, 28))
    expect(error.message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected 4 bytes of argument data at byte 28 (argument 0 'i'), packet is 28 bytes"`,
    )
    expect(decodeError(bundle.subarray(0, 12)).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected an 8-byte time tag at byte 8 (bundle), packet is 12 bytes"`,
    )
    const inner = new Uint8Array(bundle)
    inner[23] = 0x01 // padding inside the element
    expect(decodeError(inner).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a NUL padding byte at byte 23 (address), packet is 32 bytes"`,
    )
  })

  it('rejects an array left open inside another', () => {
    expect(decodeError(bytesOf('2f610000 2c5b5b69 5d000000 00000001')).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected a ']' closing an array at byte 9 (type tags), packet is 16 bytes"`,
    )
  })

  it('bounds the depth of nested bundles and arrays', () => {
    let bundle = encodePacket({ address: '/a', args: [] })
    for (let i = 0; i < 40; i++) {
      const outer = new Uint8Array(bundle.length + 20)
      outer.set(encodePacket({ timeTag: IMMEDIATELY, elements: [] }))
      new DataView(outer.buffer).setInt32(16, bundle.length)
      outer.set(bundle, 20)
      bundle = outer
    }
    expect(decodeError(bundle).message).toMatch(/expected bundles nested at most 32 deep at byte \d+ \(bundle\)/)

    const tags = ',' + '['.repeat(40) + ']'.repeat(40)
    const padded = tags.length + 4 - (tags.length % 4)
    const arrays = new Uint8Array(4 + padded)
    arrays.set([0x2f, 0x61, 0, 0])
    for (let i = 0; i < tags.length; i++) arrays[4 + i] = tags.charCodeAt(i)
    expect(decodeError(arrays).message).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected arrays nested at most 32 deep at byte 37 (type tags), packet is 88 bytes"`,
    )
  })
})

describe('decodePacket caches', () => {
  it('does not keep a view of a reused receive buffer', () => {
    const buffer = new Uint8Array(encodePacket({ address: '/live/track/get/name', types: 'is', args: [1, 'A'] }))
    expect((decodePacket(buffer) as DecodedOscMessage).address).toBe('/live/track/get/name')
    // The same memory now holds another datagram with an address of the same length.
    buffer.set(encodePacket({ address: '/live/track/get/mute', types: 'is', args: [1, 'A'] }))
    expect((decodePacket(buffer) as DecodedOscMessage).address).toBe('/live/track/get/mute')
    const long = ',' + 'i'.repeat(7)
    const types = new Uint8Array(encodePacket({ address: '/x', types: long.slice(1), args: [1, 2, 3, 4, 5, 6, 7] }))
    expect((decodePacket(types) as DecodedOscMessage).types).toBe('iiiiiii')
    types[5] = 0x66 // the first tag becomes 'f'
    expect((decodePacket(types) as DecodedOscMessage).types).toBe('fiiiiii')
  })
})
