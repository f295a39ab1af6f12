import { describe, expect, it } from 'vitest'
import { beatsToPosition, positionToBeats } from './beatsToPosition.js'

const fourFour = { numerator: 4, denominator: 4 }
const sixEight = { numerator: 6, denominator: 8 }
const threeTwo = { numerator: 3, denominator: 2 }

describe('beatsToPosition', () => {
  it('counts bars, beats and sixteenths from 1.1.1 in 4/4', () => {
    expect(beatsToPosition(0, fourFour)).toBe('1.1.1')
    expect(beatsToPosition(0.25, fourFour)).toBe('1.1.2')
    expect(beatsToPosition(0.75, fourFour)).toBe('1.1.4')
    expect(beatsToPosition(1, fourFour)).toBe('1.2.1')
    expect(beatsToPosition(3.75, fourFour)).toBe('1.4.4')
    expect(beatsToPosition(4, fourFour)).toBe('2.1.1')
    expect(beatsToPosition(5.25, fourFour)).toBe('2.2.2')
    expect(beatsToPosition(64, fourFour)).toBe('17.1.1')
  })

  it('floors to the sixteenth, forgiving float32 noise just below a step', () => {
    expect(beatsToPosition(0.24, fourFour)).toBe('1.1.1')
    expect(beatsToPosition(0.9999999, fourFour)).toBe('1.2.1')
    expect(beatsToPosition(1.1, fourFour)).toBe('1.2.1')
  })

  it('uses the denominator as the beat in other signatures', () => {
    expect(beatsToPosition(0.5, sixEight)).toBe('1.2.1')
    expect(beatsToPosition(0.25, sixEight)).toBe('1.1.2')
    expect(beatsToPosition(2.5, sixEight)).toBe('1.6.1')
    expect(beatsToPosition(3, sixEight)).toBe('2.1.1')
    expect(beatsToPosition(3.5, sixEight)).toBe('2.2.1')
    expect(beatsToPosition(2, threeTwo)).toBe('1.2.1')
    expect(beatsToPosition(2.25, threeTwo)).toBe('1.2.2')
    expect(beatsToPosition(6, threeTwo)).toBe('2.1.1')
  })

  it('rejects negative or non-finite times', () => {
    expect(() => beatsToPosition(-1, fourFour)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: song time -1 beats is out of range: positions start at 0 beats (1.1.1)]`,
    )
    expect(() => beatsToPosition(Number.NaN, fourFour)).toThrow('song time NaN beats is out of range')
    expect(() => beatsToPosition(0, { numerator: 4, denominator: 3 })).toThrow('time signature denominator 3')
  })
})

describe('positionToBeats', () => {
  it('reads full and shortened positions', () => {
    expect(positionToBeats('1.1.1', fourFour)).toBe(0)
    expect(positionToBeats('2.2.2', fourFour)).toBe(5.25)
    expect(positionToBeats('17', fourFour)).toBe(64)
    expect(positionToBeats('3.3', fourFour)).toBe(10)
    expect(positionToBeats('3', sixEight)).toBe(6)
    expect(positionToBeats('2.2.1', sixEight)).toBe(3.5)
    expect(positionToBeats('1.6.2', sixEight)).toBe(2.75)
  })

  it('round-trips beatsToPosition on the sixteenth grid', () => {
    for (const signature of [fourFour, sixEight, threeTwo, { numerator: 7, denominator: 16 }]) {
      for (let s = 0; s < 200; s++) expect(positionToBeats(beatsToPosition(s / 4, signature), signature)).toBe(s / 4)
    }
  })

  it('rejects positions outside the bar', () => {
    expect(() => positionToBeats('1.5.1', fourFour)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "1.5.1" is not a position in 4/4: expected bars.beats.sixteenths counted from 1.1.1, with beats 1..4 and sixteenths 1..4]`,
    )
    expect(() => positionToBeats('1.1.3', sixEight)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "1.1.3" is not a position in 6/8: expected bars.beats.sixteenths counted from 1.1.1, with beats 1..6 and sixteenths 1..2]`,
    )
    expect(() => positionToBeats('0.1.1', fourFour)).toThrow('"0.1.1" is not a position in 4/4')
    expect(() => positionToBeats('1.0.1', fourFour)).toThrow('"1.0.1" is not a position in 4/4')
    expect(() => positionToBeats('bar one', fourFour)).toThrow('"bar one" is not a position in 4/4')
    expect(() => positionToBeats('1.1.1.1', fourFour)).toThrow('"1.1.1.1" is not a position in 4/4')
  })
})
