import { describe, expect, it } from 'vitest'
import { panToString, parsePan } from './panToString.js'

describe('panToString', () => {
  it('writes the centre as C and each side in 50 steps', () => {
    expect(panToString(0)).toBe('C')
    expect(panToString(-1)).toBe('50L')
    expect(panToString(1)).toBe('50R')
    expect(panToString(-0.5)).toBe('25L')
    expect(panToString(0.5)).toBe('25R')
    expect(panToString(0.02)).toBe('1R')
    expect(panToString(-0.02)).toBe('1L')
  })

  it('rounds to the nearest step, and shows C for less than half a step', () => {
    expect(panToString(0.0099)).toBe('C')
    expect(panToString(-0.0099)).toBe('C')
    expect(panToString(0.01)).toBe('1R')
    expect(panToString(-0.333)).toBe('17L')
    expect(panToString(0.7000000476837158)).toBe('35R')
  })

  it('rejects values outside -1..1', () => {
    expect(() => panToString(1.2)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: pan 1.2 is out of range: Live's pan is -1..1 (50L..C..50R)]`,
    )
    expect(() => panToString(Number.NaN)).toThrow('pan NaN is out of range')
  })
})

describe('parsePan', () => {
  it("reads Live's own text", () => {
    expect(parsePan('C')).toBe(0)
    expect(parsePan('50L')).toBe(-1)
    expect(parsePan('50R')).toBe(1)
    expect(parsePan('25L')).toBe(-0.5)
    expect(parsePan('25R')).toBe(0.5)
    expect(parsePan('1R')).toBe(0.02)
    expect(parsePan('0L')).toBe(0)
    expect(Object.is(parsePan('0L'), -0)).toBe(false)
  })

  it('is forgiving about case, spaces and spelling', () => {
    expect(parsePan(' c ')).toBe(0)
    expect(parsePan('center')).toBe(0)
    expect(parsePan('Centre')).toBe(0)
    expect(parsePan('25 l')).toBe(-0.5)
    expect(parsePan('12.5R')).toBe(0.25)
  })

  it('accepts raw values -1..1', () => {
    expect(parsePan('-0.25')).toBe(-0.25)
    expect(parsePan('1')).toBe(1)
    expect(parsePan('0')).toBe(0)
    expect(parsePan('+.5')).toBe(0.5)
  })

  it('round-trips panToString on every step', () => {
    for (let step = -50; step <= 50; step++) expect(parsePan(panToString(step / 50))).toBe(step / 50)
  })

  it('rejects what Live would not show', () => {
    expect(() => parsePan('60L')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: pan "60L" is out of range: Live's pan runs from 50L through C to 50R]`,
    )
    expect(() => parsePan('1.5')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: pan 1.5 is out of range: Live's pan is -1..1 (50L..C..50R)]`,
    )
    expect(() => parsePan('left')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "left" is not a pan: expected "C", "1L".."50L", "1R".."50R" or a value -1..1]`,
    )
    expect(() => parsePan('-25L')).toThrow('"-25L" is not a pan')
  })
})
