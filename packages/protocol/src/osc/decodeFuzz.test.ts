import { describe, expect, it } from 'vitest'
import { fuzzDecoder } from '../../bench/fuzzPackets.js'

describe('decodePacket fuzz', () => {
  it('decodes or rejects with DECODE_FAILED 6,000 seeded valid, mutated and random packets', () => {
    const report = fuzzDecoder(1234, 6000)
    expect(report.failures).toEqual([])
    expect(report.packets).toBe(6000)
    expect(report.decoded + report.rejected).toBe(6000)
    // Every valid packet decodes, so at least a third do.
    expect(report.decoded).toBeGreaterThanOrEqual(2000)
    expect(report.rejected).toBeGreaterThan(1000)
  })
})
