import { describe, expect, it } from 'vitest'
import { decodeCuePoints } from './decodeCuePoints.js'

describe('decodeCuePoints', () => {
  it('pairs names and times in order', () => {
    expect(decodeCuePoints(['Intro', 0, 'Drop', 64, 'Outro', 128.5])).toEqual([
      { name: 'Intro', time: 0 },
      { name: 'Drop', time: 64 },
      { name: 'Outro', time: 128.5 },
    ])
  })

  it('reads an empty reply as no cue points', () => {
    expect(decodeCuePoints([])).toEqual([])
  })

  it('fails on an odd count or wrong types', () => {
    expect(() => decodeCuePoints(['Intro', 0, 'Drop'])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: cue_points reply has 3 values: expected name, time pairs]`,
    )
    expect(() => decodeCuePoints(['Intro', 0, 64, 'Drop'])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: cue_points reply: cue 1 is (64, Drop), expected a name (string) and a time (number)]`,
    )
    expect(() => decodeCuePoints(['Intro', null])).toThrow('cue 0 is (Intro, null)')
  })
})
