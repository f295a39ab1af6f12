import { describe, expect, it } from 'vitest'
import { fromAmxd, toAmxd } from '../src/device/amxd.js'

/**
 * Walks an .amxd the way Ableton's own reader does (Ableton/maxdevtools maxdiff/amxd_textconv.py): 4-byte tag,
 * u32le size, that many bytes, until the file ends; the ptch data is JSON with one trailing NUL.
 */
function walk(bytes: Uint8Array): [string, Buffer][] {
  const buf = Buffer.from(bytes)
  const chunks: [string, Buffer][] = []
  for (let at = 0; at < buf.length; ) {
    const size = buf.readUInt32LE(at + 4)
    chunks.push([buf.toString('latin1', at, at + 4), buf.subarray(at + 8, at + 8 + size)])
    at += 8 + size
  }
  return chunks
}

describe('the .amxd container', () => {
  const json = '{\n\t"patcher" : {\n\t\t"fileversion" : 1\n\t}\n}'

  it('is ampf aaaa, meta 1, then ptch holding the JSON, a newline and a NUL, all counted', () => {
    const bytes = toAmxd(json)
    expect(walk(bytes).map(([tag, data]) => [tag, data.length])).toEqual([
      ['ampf', 4],
      ['meta', 4],
      ['ptch', json.length + 2],
    ])
    const [ampf, meta, ptch] = walk(bytes)
    expect(ampf![1].toString('latin1')).toBe('aaaa')
    expect(meta![1].readUInt32LE(0)).toBe(1)
    expect([...ptch![1].subarray(-2)]).toEqual([0x0a, 0x00])
    // What Ableton's reader does next: drop the trailing NUL, parse the JSON.
    expect(JSON.parse(ptch![1].subarray(0, -1).toString('utf8'))).toEqual({ patcher: { fileversion: 1 } })
    expect([...bytes.subarray(0, 32)]).toEqual([
      ...Buffer.from('ampf'),
      4,
      0,
      0,
      0,
      ...Buffer.from('aaaameta'),
      4,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      ...Buffer.from('ptch'),
      json.length + 2,
      0,
      0,
      0,
    ])
  })

  it('reads back what it wrote, and refuses a frozen device or a wrong size', () => {
    expect(fromAmxd(toAmxd(json, 'midi'))).toEqual({ type: 'mmmm', meta: 1, json })
    const frozen = Buffer.from(toAmxd('mx@c....'))
    expect(() => fromAmxd(frozen)).toThrowErrorMatchingInlineSnapshot(
      `[Error: the device is frozen: its ptch holds mx@c, not JSON]`,
    )
    expect(() => fromAmxd(toAmxd(json).subarray(0, 40))).toThrowErrorMatchingInlineSnapshot(
      `[Error: ptch says 43 bytes, the file holds 8]`,
    )
  })
})
