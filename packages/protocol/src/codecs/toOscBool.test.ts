import { describe, expect, it } from 'vitest'
import { fromOscBool, parseBool, toOscBool } from './toOscBool.js'

describe('parseBool', () => {
  it('reads every word people use for yes and no', () => {
    expect(parseBool('on')).toBe(true)
    expect(parseBool('off')).toBe(false)
    expect(parseBool('true')).toBe(true)
    expect(parseBool('false')).toBe(false)
    expect(parseBool('yes')).toBe(true)
    expect(parseBool('no')).toBe(false)
    expect(parseBool('1')).toBe(true)
    expect(parseBool('0')).toBe(false)
    expect(parseBool(' ON ')).toBe(true)
    expect(parseBool('False')).toBe(false)
  })

  it('rejects anything else', () => {
    expect(() => parseBool('maybe')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "maybe" is not a yes/no value: expected on/off, true/false, yes/no or 1/0]`,
    )
    expect(() => parseBool('2')).toThrow('"2" is not a yes/no value')
    expect(() => parseBool('')).toThrow('"" is not a yes/no value')
  })
})

describe('toOscBool', () => {
  it('passes booleans through and maps 0/1 and words', () => {
    expect(toOscBool(true)).toBe(true)
    expect(toOscBool(false)).toBe(false)
    expect(toOscBool(1)).toBe(true)
    expect(toOscBool(0)).toBe(false)
    expect(toOscBool('yes')).toBe(true)
    expect(toOscBool('off')).toBe(false)
  })

  it('rejects other numbers', () => {
    expect(() => toOscBool(2)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: 2 is not a boolean: expected true/false or 0/1]`,
    )
    expect(() => toOscBool(0.5)).toThrow('0.5 is not a boolean')
  })
})

describe('fromOscBool', () => {
  it('decodes T/F and the ints 0/1', () => {
    expect(fromOscBool(true)).toBe(true)
    expect(fromOscBool(false)).toBe(false)
    expect(fromOscBool(1)).toBe(true)
    expect(fromOscBool(0)).toBe(false)
  })

  it('fails on anything else from the server', () => {
    expect(() => fromOscBool(null)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: expected a boolean (T/F or 0/1) from the server, got nil]`,
    )
    expect(() => fromOscBool('T')).toThrow('got "T"')
    expect(() => fromOscBool(2)).toThrow('got 2')
    expect(() => fromOscBool(new Uint8Array([1]))).toThrow('got object')
  })
})
