import { describe, expect, it } from 'vitest'
import {
  dbToVolume,
  formatDb,
  LIVE_VOLUME_READINGS,
  MAX_VOLUME_DB,
  MIN_VOLUME_DB,
  parseDb,
  volumeToDb,
  volumeToString,
} from './volumeToDb.js'

/** The tolerance this curve promises at each reading, in dB (see the table in volumeToDb.ts). */
function toleranceAt(volume: number): number {
  if (volume >= 0.4) return 0.003
  if (volume >= 0.15) return 0.01
  if (volume > 0.005) return 1e-9
  return 0.1
}

describe('volumeToDb', () => {
  it('reproduces every reading taken from Live within its stated tolerance', () => {
    expect(LIVE_VOLUME_READINGS.length).toBe(38)
    for (const [volume, db] of LIVE_VOLUME_READINGS) {
      const error = Math.abs(volumeToDb(volume) - db)
      expect({ volume, db, withinTolerance: error <= toleranceAt(volume) }).toEqual({
        volume,
        db,
        withinTolerance: true,
      })
    }
  })

  it('gives the anchor points of the fader exactly', () => {
    expect(volumeToDb(1)).toBe(6)
    expect(volumeToDb(0.85)).toBeCloseTo(0, 12)
    expect(volumeToDb(0.7)).toBeCloseTo(-6, 12)
    expect(volumeToDb(0.55)).toBeCloseTo(-12, 12)
    expect(volumeToDb(0.4)).toBeCloseTo(-18, 12)
    expect(volumeToDb(0)).toBe(Number.NEGATIVE_INFINITY)
  })

  it('reads the float32 that AbletonOSC sends for 0.85 as 0 dB', () => {
    expect(volumeToDb(0.8500000238418579)).toBeCloseTo(0, 5)
    expect(volumeToString(0.8500000238418579)).toBe('0.0 dB')
  })

  it('is continuous where its pieces meet', () => {
    expect(volumeToDb(0.15 - 1e-12)).toBeCloseTo(volumeToDb(0.15), 6)
    expect(Math.abs(volumeToDb(0.4 - 1e-12) - volumeToDb(0.4))).toBeLessThan(0.002)
  })

  it('rises monotonically from -70 dB just above 0 to +6 dB at 1', () => {
    let previous = Number.NEGATIVE_INFINITY
    let falls = 0
    for (let i = 1; i <= 10_000; i++) {
      const db = volumeToDb(i / 10_000)
      if (db < previous) falls++
      previous = db
    }
    expect(falls).toBe(0)
    expect(volumeToDb(1e-9)).toBeCloseTo(MIN_VOLUME_DB, 3)
    expect(MAX_VOLUME_DB).toBe(6)
  })

  it('rejects values outside 0..1', () => {
    expect(() => volumeToDb(1.5)).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: volume 1.5 is out of range: Live's volume is 0..1
        0.85 is 0 dB and 1.0 is +6 dB. To give a level in dB, use dbToVolume().]
    `)
    expect(() => volumeToDb(-0.1)).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: volume -0.1 is out of range: Live's volume is 0..1
        0.85 is 0 dB and 1.0 is +6 dB. To give a level in dB, use dbToVolume().]
    `)
    expect(() => volumeToDb(Number.NaN)).toThrow('volume NaN is out of range')
  })
})

describe('dbToVolume', () => {
  it('inverts the straight part exactly', () => {
    expect(dbToVolume(6)).toBe(1)
    expect(dbToVolume(0)).toBe(0.85)
    expect(dbToVolume(-6)).toBe(0.7)
    expect(dbToVolume(-12)).toBe(0.55)
    expect(dbToVolume(-18)).toBe(0.4)
  })

  it('round-trips through volumeToDb below -18 dB', () => {
    for (const db of [-18.5, -20, -30, -40, -41, -45, -50, -60, -66.5, -69, -69.9]) {
      expect(volumeToDb(dbToVolume(db))).toBeCloseTo(db, 9)
    }
  })

  it('lands on the volume Live reported for measured levels', () => {
    expect(dbToVolume(-30)).toBeCloseTo(0.23843887448310852, 4)
    expect(dbToVolume(-60)).toBeCloseTo(0.03462362661957741, 9)
    expect(dbToVolume(-42)).toBeCloseTo(0.1428816020488739, 9)
  })

  it('clamps to Live range', () => {
    expect(dbToVolume(12)).toBe(1)
    expect(dbToVolume(Number.POSITIVE_INFINITY)).toBe(1)
    expect(dbToVolume(-70)).toBe(0)
    expect(dbToVolume(-120)).toBe(0)
    expect(dbToVolume(Number.NEGATIVE_INFINITY)).toBe(0)
  })

  it('rejects NaN', () => {
    expect(() => dbToVolume(Number.NaN)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: volume NaN dB is not a level: Live accepts -inf dB to +6 dB]`,
    )
  })
})

describe('formatDb', () => {
  it("writes Live's value strings", () => {
    expect(formatDb(0)).toBe('0.0 dB')
    expect(formatDb(-6)).toBe('-6.0 dB')
    expect(formatDb(6)).toBe('6.0 dB')
    expect(formatDb(-12.04)).toBe('-12.0 dB')
    expect(formatDb(-0.04)).toBe('0.0 dB')
    expect(formatDb(-69.5)).toBe('-69.5 dB')
    expect(formatDb(Number.NEGATIVE_INFINITY)).toBe('-inf dB')
  })

  it('rejects NaN', () => {
    expect(() => formatDb(Number.NaN)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: cannot format NaN dB: expected a number or -Infinity]`,
    )
  })
})

describe('volumeToString', () => {
  it('formats volumes as Live shows them', () => {
    expect(volumeToString(1)).toBe('6.0 dB')
    expect(volumeToString(0.7)).toBe('-6.0 dB')
    expect(volumeToString(0.23843887448310852)).toBe('-30.0 dB')
    expect(volumeToString(0.03462362661957741)).toBe('-60.0 dB')
    expect(volumeToString(0)).toBe('-inf dB')
  })
})

describe('parseDb', () => {
  it('reads levels as people type them', () => {
    expect(parseDb('-6')).toBe(-6)
    expect(parseDb('-6 dB')).toBe(-6)
    expect(parseDb('-6.0dB')).toBe(-6)
    expect(parseDb('+3 dB')).toBe(3)
    expect(parseDb(' 0 DB ')).toBe(0)
    expect(parseDb('.5')).toBe(0.5)
    expect(parseDb('\u221212 dB')).toBe(-12)
    expect(parseDb('-inf')).toBe(Number.NEGATIVE_INFINITY)
    expect(parseDb('-inf dB')).toBe(Number.NEGATIVE_INFINITY)
    expect(parseDb('-∞')).toBe(Number.NEGATIVE_INFINITY)
  })

  it('round-trips formatDb', () => {
    for (const db of [6, 0, -6, -12.5, Number.NEGATIVE_INFINITY]) expect(parseDb(formatDb(db))).toBe(db)
  })

  it('rejects other text', () => {
    expect(() => parseDb('loud')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "loud" is not a level in dB: expected e.g. "-6", "-6 dB", "+3 dB" or "-inf"]`,
    )
    expect(() => parseDb('')).toThrow('"" is not a level in dB')
    expect(() => parseDb('6 dBu')).toThrow('"6 dBu" is not a level in dB')
  })
})
