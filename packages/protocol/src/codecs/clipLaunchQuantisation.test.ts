import { describe, expect, it } from 'vitest'
import {
  CLIP_LAUNCH_QUANTISATION_NAMES,
  formatClipLaunchQuantisation,
  parseClipLaunchQuantisation,
  resolveClipLaunchQuantisation,
} from './clipLaunchQuantisation.js'

describe('clip launch quantisation', () => {
  it("matches the Live Object Model's Clip.launch_quantization table (0 = Global, then shifted by one)", () => {
    expect(CLIP_LAUNCH_QUANTISATION_NAMES.map((name, i) => `${i}=${name}`)).toEqual([
      '0=global',
      '1=none',
      '2=8 bars',
      '3=4 bars',
      '4=2 bars',
      '5=1 bar',
      '6=1/2',
      '7=1/2T',
      '8=1/4',
      '9=1/4T',
      '10=1/8',
      '11=1/8T',
      '12=1/16',
      '13=1/16T',
      '14=1/32',
    ])
  })

  it('parses and formats', () => {
    expect(parseClipLaunchQuantisation('Global')).toBe(0)
    expect(parseClipLaunchQuantisation('none')).toBe(1)
    expect(parseClipLaunchQuantisation('1bar')).toBe(5)
    expect(parseClipLaunchQuantisation('1/32')).toBe(14)
    expect(parseClipLaunchQuantisation(14)).toBe(14)
    expect(formatClipLaunchQuantisation(0)).toBe('global')
    expect(formatClipLaunchQuantisation(5)).toBe('1 bar')
    expect(() => parseClipLaunchQuantisation(15)).toThrow(
      "clip launch quantisation 15 is out of range: Live's values are 0..14",
    )
    expect(() => parseClipLaunchQuantisation('sometimes')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "sometimes" is not a clip launch quantisation: expected one of global, none, 8 bars, 4 bars, 2 bars, 1 bar, 1/2, 1/2T, 1/4, 1/4T, 1/8, 1/8T, 1/16, 1/16T, 1/32]`,
    )
  })

  it("resolves Global to the song's value and shifts the clip's own", () => {
    expect(resolveClipLaunchQuantisation(0, 4)).toBe(4)
    expect(resolveClipLaunchQuantisation(0, 0)).toBe(0)
    expect(resolveClipLaunchQuantisation(1, 4)).toBe(0)
    expect(resolveClipLaunchQuantisation(5, 0)).toBe(4)
    expect(resolveClipLaunchQuantisation(8, 4)).toBe(7)
    expect(resolveClipLaunchQuantisation(14, 4)).toBe(13)
    expect(() => resolveClipLaunchQuantisation(0, 14)).toThrow('clip trigger quantisation 14 is out of range')
    expect(() => resolveClipLaunchQuantisation(15, 4)).toThrow('clip launch quantisation 15 is out of range')
  })
})
