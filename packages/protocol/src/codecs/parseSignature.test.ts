import { describe, expect, it } from 'vitest'
import { barLengthBeats, formatSignature, parseSignature } from './parseSignature.js'

describe('parseSignature', () => {
  it('reads n/d with or without spaces', () => {
    expect(parseSignature('4/4')).toEqual({ numerator: 4, denominator: 4 })
    expect(parseSignature('6/8')).toEqual({ numerator: 6, denominator: 8 })
    expect(parseSignature(' 7 / 16 ')).toEqual({ numerator: 7, denominator: 16 })
    expect(parseSignature('99/1')).toEqual({ numerator: 99, denominator: 1 })
    expect(parseSignature('1/2')).toEqual({ numerator: 1, denominator: 2 })
  })

  it('rejects what Live cannot set', () => {
    expect(() => parseSignature('four four')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "four four" is not a time signature: expected numerator/denominator, e.g. 4/4 or 6/8]`,
    )
    expect(() => parseSignature('100/4')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: time signature numerator 100 is out of range: Live allows 1..99]`,
    )
    expect(() => parseSignature('0/4')).toThrow('time signature numerator 0 is out of range')
    expect(() => parseSignature('4/32')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: time signature denominator 32 is not one Live allows: 1, 2, 4, 8 or 16]`,
    )
    expect(() => parseSignature('4/-4')).toThrow('"4/-4" is not a time signature')
  })
})

describe('formatSignature', () => {
  it('writes n/d and round-trips', () => {
    expect(formatSignature({ numerator: 6, denominator: 8 })).toBe('6/8')
    expect(formatSignature(parseSignature('12/16'))).toBe('12/16')
    expect(() => formatSignature({ numerator: 4, denominator: 5 })).toThrow('time signature denominator 5')
  })
})

describe('barLengthBeats', () => {
  it('counts a bar in quarter notes', () => {
    expect(barLengthBeats({ numerator: 4, denominator: 4 })).toBe(4)
    expect(barLengthBeats({ numerator: 3, denominator: 4 })).toBe(3)
    expect(barLengthBeats({ numerator: 6, denominator: 8 })).toBe(3)
    expect(barLengthBeats({ numerator: 7, denominator: 8 })).toBe(3.5)
    expect(barLengthBeats({ numerator: 5, denominator: 16 })).toBe(1.25)
    expect(barLengthBeats({ numerator: 2, denominator: 2 })).toBe(4)
    expect(barLengthBeats({ numerator: 1, denominator: 1 })).toBe(4)
  })
})
