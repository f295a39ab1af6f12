/**
 * Interop with osc-js (the library this codec replaces): its packets decode identically in ours,
 * ours decode in it for ASCII text, and the test at the end pins why we replaced it: osc-js writes
 * each UTF-16 code unit as one byte, so any non-ASCII text reaches the other side mangled.
 */

import { describe, expect, it } from 'vitest'
import { OSC } from '../../bench/oscJs.js'
import { decodePacket, messagesOf } from '../../src/osc/decode.js'
import { encodePacket } from '../../src/osc/encode.js'
import type { DecodedOscBundle, DecodedOscMessage } from '../../src/osc/types.js'

/** What osc-js unpacks, loosely: a message or a bundle. */
interface OscJsPacket {
  address: string
  types: string
  args: unknown[]
  timetag: { value: { seconds: number; fractions: number } }
  bundleElements: { address: string; args: unknown[] }[]
}

/** osc-js reads a DataView and ignores its byteOffset, so hand it a copy that starts at 0. */
function oscJsUnpack(bytes: Uint8Array): OscJsPacket {
  const packet = new OSC.Packet()
  packet.unpack(new DataView(new Uint8Array(bytes).buffer))
  return packet.value as unknown as OscJsPacket
}

describe('osc-js → ours', () => {
  it('decodes an inferred message identically', () => {
    const bytes = new OSC.Message('/live/track/set/volume', 3, 0.5, 'Bass', true, null).pack()
    expect(decodePacket(bytes)).toEqual({
      address: '/live/track/set/volume',
      types: 'ifsTN',
      args: [3, 0.5, 'Bass', true, null],
    })
  })

  it('decodes every osc-js type identically', () => {
    const message = new OSC.TypedMessage('/typed', [
      { type: 'i', value: -42 },
      { type: 'f', value: 120 },
      { type: 's', value: 'tempo' },
      { type: 'b', value: new Uint8Array([1, 2, 3]) },
      { type: 'h', value: 1n << 40n },
      { type: 'd', value: 0.1 },
      { type: 'T', value: true },
      { type: 'F', value: false },
      { type: 'N', value: null },
      { type: 'I', value: Infinity },
    ] as never)
    const decoded = decodePacket(message.pack()) as DecodedOscMessage
    expect(decoded.types).toBe('ifsbhdTFNI')
    expect(decoded.args.filter((_, i) => i !== 3)).toEqual([
      -42,
      120,
      'tempo',
      1n << 40n,
      0.1,
      true,
      false,
      null,
      Infinity,
    ])
    expect(Array.from(decoded.args[3] as Uint8Array)).toEqual([1, 2, 3])
  })

  it('decodes an osc-js bundle with its time tag', () => {
    const bundle = new OSC.Bundle([new OSC.Message('/a', 1), new OSC.Message('/b', 'x')], 1_700_000_000_000)
    const decoded = decodePacket(bundle.pack()) as DecodedOscBundle
    expect(decoded.timeTag).toEqual({ seconds: bundle.timetag.value.seconds, fraction: bundle.timetag.value.fractions })
    expect(decoded.timeTag.seconds).toBe(1_700_000_000 + 2_208_988_800)
    expect(messagesOf(decoded)).toEqual([
      { address: '/a', types: 'i', args: [1] },
      { address: '/b', types: 's', args: ['x'] },
    ])
  })
})

describe('ours → osc-js', () => {
  it('reads our ASCII messages', () => {
    const bytes = encodePacket({
      address: '/live/track/get/name',
      types: 'isfTFNd',
      args: [3, 'Bass', 0.5, true, false, null, 0.25],
    })
    const message = oscJsUnpack(bytes)
    expect(message.address).toBe('/live/track/get/name')
    expect(message.types).toBe(',isfTFNd')
    expect(message.args).toEqual([3, 'Bass', 0.5, true, false, null, 0.25])
  })

  it('writes the same bytes as osc-js for the same typed message', () => {
    const ours = encodePacket({ address: '/live/track/set/volume', types: 'if', args: [0, 0.8] })
    const theirs = new OSC.TypedMessage('/live/track/set/volume', [
      { type: 'i', value: 0 },
      { type: 'f', value: 0.8 },
    ] as never).pack()
    expect(Array.from(ours)).toEqual(Array.from(theirs))
  })

  it('reads our bundles', () => {
    const bytes = encodePacket({
      timeTag: { seconds: 3_900_000_000, fraction: 0 },
      elements: [
        { address: '/a', args: [1] },
        { address: '/b', args: [2.5] },
      ],
    })
    const bundle = oscJsUnpack(bytes)
    expect(bundle.timetag.value.seconds).toBe(3_900_000_000)
    expect(bundle.bundleElements.map((m) => [m.address, m.args])).toEqual([
      ['/a', [1]],
      ['/b', [2.5]],
    ])
  })

  it('reads our UTF-8 correctly (it decodes through Buffer in Node)', () => {
    const message = oscJsUnpack(encodePacket({ address: '/n', args: ['Bässe 🎹 Ω'] }))
    expect(message.args).toEqual(['Bässe 🎹 Ω'])
  })
})

describe('why we have our own codec', () => {
  it('osc-js mangles non-ASCII text on encode: one byte per UTF-16 unit, high bits dropped', () => {
    const theirs = new OSC.Message('/live/track/set/name', 0, 'Bässe 🎹 Ω').pack()
    const ours = encodePacket({ address: '/live/track/set/name', args: [0, 'Bässe 🎹 Ω'] })
    // 'ä' → 0xe4 (Latin-1, invalid UTF-8); '🎹' (d83c dfb9) → 0x3c 0xb9, i.e. "<" and a stray byte; 'Ω' (03a9) → 0xa9.
    expect(Array.from(theirs.subarray(32, 44))).toEqual([
      0x42, 0xe4, 0x73, 0x73, 0x65, 0x20, 0x3c, 0xb9, 0x20, 0xa9, 0, 0,
    ])
    expect((decodePacket(theirs) as DecodedOscMessage).args[1]).toBe('B\ufffdsse <\ufffd \ufffd')
    expect((decodePacket(ours) as DecodedOscMessage).args[1]).toBe('Bässe 🎹 Ω')
  })
})
