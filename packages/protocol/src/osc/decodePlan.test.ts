import { describe, expect, it } from 'vitest'
import { isLiveError } from '../errors/liveError.js'
import { decodePacket } from './decode.js'
import { encodePacket } from './encode.js'
import type { DecodedOscMessage, OscMessage } from './types.js'

/** The DECODE_FAILED message for `bytes`. */
function failure(bytes: Uint8Array): string {
  try {
    decodePacket(bytes)
  } catch (error) {
    expect(isLiveError(error, 'DECODE_FAILED')).toBe(true)
    return (error as Error).message
  }
  throw new Error('expected DECODE_FAILED')
}

function notes(count: number): OscMessage {
  let types = 'ii'
  const args: (number | boolean)[] = [0, 0]
  for (let n = 0; n < count; n++) {
    types += `ifff${n % 2 === 0 ? 'T' : 'F'}`
    args.push(36 + n, n * 0.25, 0.25, 100, n % 2 === 0)
  }
  return { address: '/live/clip/add/notes', types, args }
}

describe('decode plans and message heads', () => {
  it('decodes a repeated head the same as the first time, however its arguments change', () => {
    const shapes: OscMessage[] = [
      { address: '/live/track/get/name', types: 'is', args: [3, 'Bass'] },
      { address: '/live/track/get/name', types: 'is', args: [4, 'Bässe 🎹'] },
      { address: '/live/track/get/name', types: 'is', args: [5, ''] },
      {
        address: '/live/clip/get/notes',
        types: 'iihdNIb',
        args: [1, 2, -5n, 1.5, null, Infinity, new Uint8Array([1, 2, 3])],
      },
      notes(64),
      notes(3),
    ]
    for (const shape of shapes) {
      const bytes = encodePacket(shape)
      const first = decodePacket(bytes) as DecodedOscMessage
      expect(decodePacket(bytes)).toEqual(first)
      expect(first.args).toEqual(shape.args)
      // Packed: no holes in the argument list.
      expect(Object.keys(first.args)).toHaveLength(shape.args.length)
    }
  })

  it('returns a new argument list for every message', () => {
    const bytes = encodePacket(notes(8))
    const a = decodePacket(bytes) as DecodedOscMessage
    const b = decodePacket(bytes) as DecodedOscMessage
    expect(a.args).not.toBe(b.args)
    ;(a.args as unknown[])[0] = 'changed'
    expect(b.args[0]).toBe(0)
  })

  it('rejects a cached head with too little or too much argument data, naming the same offset', () => {
    const bytes = encodePacket(notes(64))
    decodePacket(bytes)
    expect(failure(bytes.subarray(0, bytes.length - 4))).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected 4 bytes of argument data at byte 1376 (argument 320 'f'), packet is 1376 bytes"`,
    )
    const longer = new Uint8Array(bytes.length + 4)
    longer.set(bytes)
    expect(failure(longer)).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected the end of the message (4 bytes left over) at byte 1380 (arguments), packet is 1384 bytes"`,
    )
    const name = encodePacket({ address: '/live/track/get/name', types: 'is', args: [3, 'Bass'] })
    decodePacket(name)
    const badPadding = new Uint8Array(name)
    badPadding[name.length - 1] = 0x41
    expect(failure(badPadding)).toMatchInlineSnapshot(
      `"DECODE_FAILED: bad OSC packet: expected 3 bytes of NUL padding at byte 37 (argument 1 's'), packet is 40 bytes"`,
    )
  })

  it('keeps no view of a reused buffer in the head cache', () => {
    const buffer = new Uint8Array(encodePacket({ address: '/live/track/get/volume', types: 'if', args: [1, 0.5] }))
    expect((decodePacket(buffer) as DecodedOscMessage).address).toBe('/live/track/get/volume')
    expect((decodePacket(buffer) as DecodedOscMessage).address).toBe('/live/track/get/volume')
    // The same memory now holds other datagrams: the cached head must not follow it.
    buffer[21] = 0x44 // the last 'e' of volume becomes 'D'
    expect((decodePacket(buffer) as DecodedOscMessage).address).toBe('/live/track/get/volumD')
    buffer[26] = 0x69 // tags 'if' become 'ii'
    expect(decodePacket(buffer)).toEqual({ address: '/live/track/get/volumD', types: 'ii', args: [1, 0x3f000000] })
  })
})
