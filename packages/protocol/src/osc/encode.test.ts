import { describe, expect, it } from 'vitest'
import { isLiveError } from '../errors/liveError.js'
import { encodePacket } from './encode.js'
import { inferTypes } from './inferTypes.js'
import { IMMEDIATELY, type OscPacket } from './types.js'

/** Hex of the bytes, four bytes per group so the 4-byte alignment shows. */
function hex(bytes: Uint8Array): string {
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return h.match(/.{1,8}/g)?.join(' ') ?? ''
}

function encodeError(packet: OscPacket): string {
  try {
    encodePacket(packet)
  } catch (error) {
    expect(isLiveError(error, 'ENCODE_FAILED')).toBe(true)
    return (error as Error).message
  }
  throw new Error('expected ENCODE_FAILED')
}

describe('encodePacket', () => {
  it('writes /live/song/set/tempo ,f 120 byte for byte', () => {
    const bytes = encodePacket({ address: '/live/song/set/tempo', types: 'f', args: [120] })
    expect(hex(bytes)).toBe(
      // "/live/song/set/tempo" + NUL padding, ",f" + padding, 120.0 as float32 big-endian
      '2f6c6976 652f736f 6e672f73 65742f74 656d706f 00000000 2c660000 42f00000',
    )
    expect(bytes.length).toBe(32)
  })

  it('writes /live/track/set/volume ,if 0 0.8', () => {
    const bytes = encodePacket({ address: '/live/track/set/volume', types: 'if', args: [0, 0.8] })
    expect(hex(bytes)).toBe('2f6c6976 652f7472 61636b2f 7365742f 766f6c75 6d650000 2c696600 00000000 3f4ccccd')
  })

  it('lets explicit types win: 120 with f is a float, 1.0 with i an int', () => {
    expect(hex(encodePacket({ address: '/a', types: 'f', args: [120] }))).toBe('2f610000 2c660000 42f00000')
    expect(hex(encodePacket({ address: '/a', types: 'i', args: [1.0] }))).toBe('2f610000 2c690000 00000001')
    expect(hex(encodePacket({ address: '/a', types: 'd', args: [1] }))).toBe('2f610000 2c640000 3ff00000 00000000')
  })

  it('infers i, f, s, T, F, N, h, b, [ ], t and r when types are omitted', () => {
    const args = [
      7,
      0.5,
      'hi',
      true,
      false,
      null,
      5n,
      new Uint8Array([1, 2, 3]),
      [1, 'x'],
      IMMEDIATELY,
      { r: 1, g: 2, b: 3, a: 4 },
    ]
    expect(inferTypes(args)).toBe('ifsTFNhb[is]tr')
    expect(hex(encodePacket({ address: '/a', args }))).toBe(
      [
        '2f610000', // /a
        '2c696673 54464e68 625b6973 5d747200', // ,ifsTFNhb[is]tr
        '00000007', // 7
        '3f000000', // 0.5
        '68690000', // "hi"
        '00000000 00000005', // 5n
        '00000003 01020300', // blob of 3, padded
        '00000001 78000000', // [1, "x"]
        '00000000 00000001', // immediately
        '01020304', // colour
      ].join(' '),
    )
  })

  it('infers f for NaN and Infinity (I only when typed)', () => {
    expect(hex(encodePacket({ address: '/a', args: [Number.NaN, Number.POSITIVE_INFINITY] }))).toBe(
      '2f610000 2c666600 7fc00000 7f800000',
    )
    expect(hex(encodePacket({ address: '/a', types: 'I', args: [Number.POSITIVE_INFINITY] }))).toBe('2f610000 2c490000')
  })

  it('writes every OSC 1.0 and 1.1 type', () => {
    const bytes = encodePacket({
      address: '/all',
      types: 'ifsbhdtTFNIcrmS[i]',
      args: [
        -2,
        1.5,
        'abc',
        new Uint8Array([9, 8, 7, 6, 5]),
        -1n,
        -0.5,
        { seconds: 0xffffffff, fraction: 0x80000000 },
        true,
        false,
        null,
        Number.POSITIVE_INFINITY,
        'A',
        { r: 255, g: 128, b: 0, a: 255 },
        new Uint8Array([0, 0x90, 60, 100]),
        'sym',
        [42],
      ],
    })
    expect(hex(bytes)).toBe(
      [
        '2f616c6c 00000000',
        '2c696673 62686474 54464e49 63726d53 5b695d00',
        'fffffffe', // -2
        '3fc00000', // 1.5
        '61626300', // "abc"
        '00000005 09080706 05000000', // blob of 5
        'ffffffff ffffffff', // -1n
        'bfe00000 00000000', // -0.5 double
        'ffffffff 80000000', // time tag
        '00000041', // 'A'
        'ff8000ff', // colour
        '00903c64', // MIDI
        '73796d00', // symbol
        '0000002a', // [42]
      ].join(' '),
    )
  })

  it('writes UTF-8, padded after the NUL', () => {
    const bytes = encodePacket({ address: '/n', types: 's', args: ['Bässe 🎹 Ω'] })
    expect(hex(bytes)).toBe('2f6e0000 2c730000 42c3a473 736520f0 9f8eb920 cea90000')
  })

  it('writes a string whose length is a multiple of 4 with a whole word of NULs', () => {
    expect(hex(encodePacket({ address: '/abc', args: [] }))).toBe('2f616263 00000000 2c000000')
  })

  it('writes nested bundles with element sizes', () => {
    const bytes = encodePacket({
      timeTag: IMMEDIATELY,
      elements: [
        { address: '/a', types: 'i', args: [1] },
        { timeTag: { seconds: 1, fraction: 2 }, elements: [{ address: '/b', args: [] }] },
      ],
    })
    expect(hex(bytes)).toBe(
      [
        '2362756e 646c6500 00000000 00000001', // #bundle, immediately
        '0000000c 2f610000 2c690000 00000001', // 12 bytes: /a ,i 1
        '0000001c', // 28 bytes: the inner bundle
        '2362756e 646c6500 00000001 00000002',
        '00000008 2f620000 2c000000', // 8 bytes: /b ,
      ].join(' '),
    )
  })

  it('allocates the exact size once', () => {
    const bytes = encodePacket({ address: '/live/clip/add/notes', args: [0, 0, 60, 0, 0.25, 100, false] })
    // 24 (address) + 12 (",iiiifiF") + 6 × 4 (F has no data)
    expect(bytes.length).toBe(60)
    expect(bytes.byteLength % 4).toBe(0)
  })

  it('keeps every small packet intact across slabs, and gives large ones their own buffer', () => {
    // 32-byte packets, 1000 of them: across two 16 KiB slabs, each one kept while the next are written.
    const packets = Array.from({ length: 1000 }, (_, i) =>
      encodePacket({ address: '/live/track/get/volume', args: [i] }),
    )
    const indices = packets.map((bytes) => new DataView(bytes.buffer, bytes.byteOffset).getInt32(bytes.length - 4))
    expect(indices).toEqual(Array.from({ length: 1000 }, (_, i) => i))
    expect(packets[999]!.buffer).not.toBe(packets[0]!.buffer)
    expect(packets.every((bytes) => bytes.length === 32)).toBe(true)

    const large = encodePacket({ address: '/live/song/set/name', args: ['x'.repeat(2000)] })
    expect(large.byteOffset).toBe(0)
    expect(large.buffer.byteLength).toBe(large.length)
  })
})

describe('encodePacket errors', () => {
  it('names the address, argument, value and tag of a mismatch', () => {
    expect(encodeError({ address: '/live/song/set/tempo', types: 'f', args: ['fast'] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /live/song/set/tempo: argument 0 is "fast" (string), but its type tag 'f' needs a number"`,
    )
    expect(encodeError({ address: '/live/track/set/volume', types: 'if', args: [0.5, 0.8] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /live/track/set/volume: argument 0 is 0.5, but its type tag 'i' needs an integer from -2147483648 to 2147483647"`,
    )
    expect(encodeError({ address: '/a', types: 'i', args: [2 ** 31] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: argument 0 is 2147483648, but its type tag 'i' needs an integer from -2147483648 to 2147483647"`,
    )
    expect(encodeError({ address: '/a', types: 'T', args: [false] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: argument 0 is false, but its type tag 'T' needs true"`,
    )
    expect(encodeError({ address: '/a', types: 'i[if]', args: [1, [2, 'x']] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: argument 1[1] is "x" (string), but its type tag 'f' needs a number"`,
    )
  })

  it('rejects a string with a NUL', () => {
    expect(encodeError({ address: '/a', types: 's', args: ['a\0b'] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: argument 0 is "a\\u0000b" (string), a string with a NUL character, which an OSC string cannot carry"`,
    )
    expect(encodeError({ address: '/a\0b', args: [] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode address "/a\\u0000b": an OSC address is a string that starts with '/' and has no NUL"`,
    )
  })

  it('rejects types and args that do not pair up', () => {
    expect(encodeError({ address: '/a', types: 'if', args: [1] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: types 'if' do not match the arguments: type tag 'f' at position 1 has no argument"`,
    )
    expect(encodeError({ address: '/a', types: 'i', args: [1, 2] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: types 'i' do not match the arguments: argument 1 has no type tag"`,
    )
    expect(encodeError({ address: '/a', types: '[i', args: [[1]] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: types '[i' opens an array '[' that is never closed"`,
    )
    expect(encodeError({ address: '/a', types: 'i]', args: [1] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: types 'i]' has a ']' at position 1 with no '['"`,
    )
    expect(encodeError({ address: '/a', types: 'q', args: [1] })).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode /a: argument 0 has the unknown type tag 'q'"`,
    )
  })

  it('refuses to guess a tag for values with none', () => {
    expect(encodeError({ address: '/a', args: [2 ** 40] })).toMatchInlineSnapshot(`
      "ENCODE_FAILED: cannot encode /a: argument 0 is 1099511627776, which has no inferred OSC type tag
        Give the message explicit \`types\` (an integer beyond int32 needs \`h\` with a bigint, or \`f\`/\`d\`)."
    `)
    expect(encodeError({ address: '/a', args: [undefined as never] })).toMatchInlineSnapshot(`
      "ENCODE_FAILED: cannot encode /a: argument 0 is undefined, which has no inferred OSC type tag
        Give the message explicit \`types\` (an integer beyond int32 needs \`h\` with a bigint, or \`f\`/\`d\`)."
    `)
  })

  it('bounds nesting, so a cyclic value fails instead of overflowing the stack', () => {
    const cyclic: unknown[] = []
    cyclic.push(cyclic)
    expect(encodeError({ address: '/a', args: [cyclic as never] })).toMatch(/nests arrays deeper than 32 levels/)
    const bundle: { timeTag: typeof IMMEDIATELY; elements: OscPacket[] } = { timeTag: IMMEDIATELY, elements: [] }
    bundle.elements.push(bundle)
    expect(encodeError(bundle)).toMatchInlineSnapshot(
      `"ENCODE_FAILED: cannot encode a bundle nested deeper than 32 levels"`,
    )
  })

  it('puts the facts in details', () => {
    try {
      encodePacket({ address: '/a', types: 'i', args: ['x'] })
    } catch (error) {
      expect((error as { details: unknown }).details).toEqual({ address: '/a', index: '0', value: 'x', tag: 'i' })
    }
    expect.assertions(1)
  })
})
