import { describe, expect, it } from 'vitest'
import { decodeTrackList } from './decodeTrackList.js'

describe('decodeTrackList', () => {
  it('splits the track id from the per-slot values, keeping nil for empty slots', () => {
    expect(decodeTrackList([0, 'Loop', null, 'Fill'])).toEqual({ trackId: 0, values: ['Loop', null, 'Fill'] })
    expect(decodeTrackList([3, 4, null, 8])).toEqual({ trackId: 3, values: [4, null, 8] })
    expect(decodeTrackList([1, 0xff3a34, null])).toEqual({ trackId: 1, values: [0xff3a34, null] })
  })

  it('reads a track with no slots or devices', () => {
    expect(decodeTrackList([2])).toEqual({ trackId: 2, values: [] })
  })

  it('fails without a track id', () => {
    expect(() => decodeTrackList([])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: track list reply starts with nothing, expected the track id (an integer ≥ 0)]`,
    )
    expect(() => decodeTrackList(['Loop', null])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: track list reply starts with Loop, expected the track id (an integer ≥ 0)]`,
    )
    expect(() => decodeTrackList([1.5, 'x'])).toThrow('track list reply starts with 1.5')
  })
})
