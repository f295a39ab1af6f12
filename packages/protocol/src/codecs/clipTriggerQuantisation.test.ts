import { describe, expect, it } from 'vitest'
import {
  CLIP_TRIGGER_QUANTISATION_NAMES,
  formatClipTriggerQuantisation,
  parseClipTriggerQuantisation,
} from './clipTriggerQuantisation.js'

describe('clip trigger quantisation', () => {
  it("matches the Live Object Model's Song.clip_trigger_quantization table", () => {
    expect(CLIP_TRIGGER_QUANTISATION_NAMES.map((name, i) => `${i}=${name}`)).toEqual([
      '0=none',
      '1=8 bars',
      '2=4 bars',
      '3=2 bars',
      '4=1 bar',
      '5=1/2',
      '6=1/2T',
      '7=1/4',
      '8=1/4T',
      '9=1/8',
      '10=1/8T',
      '11=1/16',
      '12=1/16T',
      '13=1/32',
    ])
  })

  it('parses names forgivingly', () => {
    expect(parseClipTriggerQuantisation('none')).toBe(0)
    expect(parseClipTriggerQuantisation('None')).toBe(0)
    expect(parseClipTriggerQuantisation('off')).toBe(0)
    expect(parseClipTriggerQuantisation('8 bars')).toBe(1)
    expect(parseClipTriggerQuantisation('8bars')).toBe(1)
    expect(parseClipTriggerQuantisation('8 Bars')).toBe(1)
    expect(parseClipTriggerQuantisation('8 bar')).toBe(1)
    expect(parseClipTriggerQuantisation('4 bars')).toBe(2)
    expect(parseClipTriggerQuantisation('2 bars')).toBe(3)
    expect(parseClipTriggerQuantisation('1 bar')).toBe(4)
    expect(parseClipTriggerQuantisation('1bar')).toBe(4)
    expect(parseClipTriggerQuantisation('1 Bar')).toBe(4)
    expect(parseClipTriggerQuantisation('1 bars')).toBe(4)
    expect(parseClipTriggerQuantisation('1/2')).toBe(5)
    expect(parseClipTriggerQuantisation('1/2T')).toBe(6)
    expect(parseClipTriggerQuantisation('1/2t')).toBe(6)
    expect(parseClipTriggerQuantisation('1/4')).toBe(7)
    expect(parseClipTriggerQuantisation('1/4 triplet')).toBe(8)
    expect(parseClipTriggerQuantisation('1/8')).toBe(9)
    expect(parseClipTriggerQuantisation('1/8T')).toBe(10)
    expect(parseClipTriggerQuantisation('1/16')).toBe(11)
    expect(parseClipTriggerQuantisation(' 1 / 16 T ')).toBe(12)
    expect(parseClipTriggerQuantisation('1/32')).toBe(13)
  })

  it('accepts and checks ints', () => {
    expect(parseClipTriggerQuantisation(0)).toBe(0)
    expect(parseClipTriggerQuantisation(13)).toBe(13)
    expect(() => parseClipTriggerQuantisation(14)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: clip trigger quantisation 14 is out of range: Live's values are 0..13 (0 none, 1 8 bars, 2 4 bars, 3 2 bars, 4 1 bar, 5 1/2, 6 1/2T, 7 1/4, 8 1/4T, 9 1/8, 10 1/8T, 11 1/16, 12 1/16T, 13 1/32)]`,
    )
    expect(() => parseClipTriggerQuantisation(1.5)).toThrow('clip trigger quantisation 1.5 is out of range')
  })

  it('rejects unknown names, and bare numbers that could mean bars or an index', () => {
    expect(() => parseClipTriggerQuantisation('1/64')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "1/64" is not a clip trigger quantisation: expected one of none, 8 bars, 4 bars, 2 bars, 1 bar, 1/2, 1/2T, 1/4, 1/4T, 1/8, 1/8T, 1/16, 1/16T, 1/32]`,
    )
    expect(() => parseClipTriggerQuantisation('4')).toThrow('"4" is not a clip trigger quantisation')
    expect(() => parseClipTriggerQuantisation('global')).toThrow('"global" is not a clip trigger quantisation')
  })

  it('formats the canonical name and round-trips', () => {
    expect(formatClipTriggerQuantisation(4)).toBe('1 bar')
    expect(formatClipTriggerQuantisation(12)).toBe('1/16T')
    for (let i = 0; i < CLIP_TRIGGER_QUANTISATION_NAMES.length; i++) {
      expect(parseClipTriggerQuantisation(formatClipTriggerQuantisation(i))).toBe(i)
    }
    expect(() => formatClipTriggerQuantisation(-1)).toThrow('clip trigger quantisation -1 is out of range')
  })
})
