import { describe, expect, it } from 'vitest'
import { quantisationBeats } from './quantisationBeats.js'

describe('quantisationBeats', () => {
  it('gives every value in 4/4, in quarter-note beats', () => {
    expect([...Array(14).keys()].map((value) => quantisationBeats(value, 4, 4))).toEqual([
      0,
      32,
      16,
      8,
      4,
      2,
      4 / 3,
      1,
      2 / 3,
      0.5,
      1 / 3,
      0.25,
      1 / 6,
      0.125,
    ])
  })

  it('scales bar values with the time signature and keeps note values fixed', () => {
    expect(quantisationBeats(4, 3, 4)).toBe(3)
    expect(quantisationBeats(4, 6, 8)).toBe(3)
    expect(quantisationBeats(1, 6, 8)).toBe(24)
    expect(quantisationBeats(3, 7, 8)).toBe(7)
    expect(quantisationBeats(4, 5, 16)).toBe(1.25)
    expect(quantisationBeats(4, 2, 2)).toBe(4)
    expect(quantisationBeats(4, 1, 1)).toBe(4)
    expect(quantisationBeats(7, 6, 8)).toBe(1)
    expect(quantisationBeats(11, 7, 8)).toBe(0.25)
  })

  it('rejects unknown values and signatures Live cannot set', () => {
    expect(() => quantisationBeats(14, 4, 4)).toThrow('clip trigger quantisation 14 is out of range')
    expect(() => quantisationBeats(4, 0, 4)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: time signature numerator 0 is out of range: Live allows 1..99]`,
    )
    expect(() => quantisationBeats(4, 4, 3)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: time signature denominator 3 is not one Live allows: 1, 2, 4, 8 or 16]`,
    )
  })
})
