import { describe, expect, it } from 'vitest'
import { colorToHex, hexToColor } from './colorToHex.js'

describe('colorToHex', () => {
  it('writes six lower-case hex digits', () => {
    expect(colorToHex(0xff3a34)).toBe('#ff3a34')
    expect(colorToHex(0)).toBe('#000000')
    expect(colorToHex(0xffffff)).toBe('#ffffff')
    expect(colorToHex(0x0000ff)).toBe('#0000ff')
    expect(colorToHex(16725558)).toBe('#ff3636')
  })

  it('rejects what is not a colour int', () => {
    expect(() => colorToHex(0x1000000)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: colour 16777216 is out of range: a Live colour is an integer 0..16777215 (0x000000..0xFFFFFF)]`,
    )
    expect(() => colorToHex(-1)).toThrow('colour -1 is out of range')
    expect(() => colorToHex(1.5)).toThrow('colour 1.5 is out of range')
  })
})

describe('hexToColor', () => {
  it('reads #rrggbb, rrggbb and #rgb in any case', () => {
    expect(hexToColor('#ff3a34')).toBe(0xff3a34)
    expect(hexToColor('#FF3A34')).toBe(0xff3a34)
    expect(hexToColor('ff3a34')).toBe(0xff3a34)
    expect(hexToColor(' #000000 ')).toBe(0)
    expect(hexToColor('#f00')).toBe(0xff0000)
    expect(hexToColor('#abc')).toBe(0xaabbcc)
  })

  it('round-trips colorToHex', () => {
    for (const color of [0, 1, 0x00ff00, 0x123456, 0xffffff]) expect(hexToColor(colorToHex(color))).toBe(color)
  })

  it('rejects other text', () => {
    expect(() => hexToColor('red')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "red" is not a colour: expected #rrggbb (e.g. #ff3a34) or #rgb]`,
    )
    expect(() => hexToColor('#ff3a3')).toThrow('"#ff3a3" is not a colour')
    expect(() => hexToColor('#gg0000')).toThrow('"#gg0000" is not a colour')
    expect(() => hexToColor('0xff0000')).toThrow('"0xff0000" is not a colour')
  })
})
