/**
 * Interop with node-osc: its packets decode identically in ours, and ours decode in it.
 */
import { Bundle, decode, encode, Message } from 'node-osc'
import { describe, expect, it } from 'vitest'
import { decodePacket, messagesOf } from '../../src/osc/decode.js'
import { encodePacket } from '../../src/osc/encode.js'
import { type DecodedOscMessage, IMMEDIATELY } from '../../src/osc/types.js'

describe('node-osc → ours', () => {
  it('decodes an inferred message identically', () => {
    // node-osc cannot take a bare null argument; { type: 'N' } is its spelling of nil.
    const bytes = encode(new Message('/live/track/set/volume', 3, 0.5, 'Bass', true, false, { type: 'N', value: null }))
    expect(decodePacket(bytes)).toEqual({
      address: '/live/track/set/volume',
      types: 'ifsTFN',
      args: [3, 0.5, 'Bass', true, false, null],
    })
  })

  it('decodes typed arguments, blobs and MIDI', () => {
    const message = new Message(
      '/typed',
      { type: 'f', value: 120 },
      { type: 'i', value: -1 },
      { type: 'b', value: Buffer.from([1, 2, 3, 4, 5]) },
      { type: 'm', value: Buffer.from([0, 0x90, 60, 127]) },
    )
    const decoded = decodePacket(encode(message)) as DecodedOscMessage
    expect(decoded.types).toBe('fibm')
    expect(decoded.args.slice(0, 2)).toEqual([120, -1])
    expect(Array.from(decoded.args[2] as Uint8Array)).toEqual([1, 2, 3, 4, 5])
    expect(Array.from(decoded.args[3] as Uint8Array)).toEqual([0, 0x90, 60, 127])
  })

  it('decodes UTF-8 identically', () => {
    expect(decodePacket(encode(new Message('/n', 'Bässe 🎹 Ω')))).toEqual({
      address: '/n',
      types: 's',
      args: ['Bässe 🎹 Ω'],
    })
  })

  it('decodes nested node-osc bundles in order', () => {
    const inner = new Bundle(['/b', 2])
    const outer = new Bundle(['/a', 1])
    outer.append(inner)
    outer.append(['/c', 'x'])
    expect(messagesOf(decodePacket(encode(outer)))).toEqual([
      { address: '/a', types: 'i', args: [1] },
      { address: '/b', types: 'i', args: [2] },
      { address: '/c', types: 's', args: ['x'] },
    ])
  })
})

describe('ours → node-osc', () => {
  it('reads our messages, UTF-8 included', () => {
    const bytes = encodePacket({
      address: '/live/track/get/name',
      types: 'isfTFN',
      args: [3, 'Bässe 🎹 Ω', 0.5, true, false, null],
    })
    expect(decode(Buffer.from(bytes))).toEqual({
      oscType: 'message',
      address: '/live/track/get/name',
      args: [3, 'Bässe 🎹 Ω', 0.5, true, false, null].map((value) => ({ value })),
    })
  })

  it('writes the same bytes as node-osc for the same message', () => {
    const ours = encodePacket({ address: '/live/clip/add/notes', args: [0, 0, 60, 0.5, 0.25, 100, false] })
    const theirs = encode(new Message('/live/clip/add/notes', 0, 0, 60, 0.5, 0.25, 100, false))
    expect(Array.from(ours)).toEqual(Array.from(theirs))
  })

  it('reads our bundles', () => {
    const bytes = encodePacket({
      timeTag: IMMEDIATELY,
      elements: [
        { address: '/a', args: [1] },
        { address: '/b', args: ['x'] },
      ],
    })
    const bundle = decode(Buffer.from(bytes)) as { oscType: string; timetag: number; elements: unknown[] }
    expect(bundle.oscType).toBe('bundle')
    expect(bundle.timetag).toBe(0)
    expect(bundle.elements).toEqual([
      { oscType: 'message', address: '/a', args: [{ value: 1 }] },
      { oscType: 'message', address: '/b', args: [{ value: 'x' }] },
    ])
  })
})
