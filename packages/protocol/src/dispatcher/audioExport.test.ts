import { describe, expect, it } from 'vitest'
import type { LomValue } from '../model/liveObjectModel.js'
import { nextBar } from './audioExport.js'

const song = (values: Record<string, LomValue>) => ({
  get: (_path: string, property: string) => values[property] ?? null,
})

describe('nextBar', () => {
  it('is the bar after the playhead, counted from 1 as Max counts bars', () => {
    const at = (beats: number, playing: boolean) =>
      nextBar(song({ current_song_time: beats, signature_numerator: 4, signature_denominator: 4, is_playing: playing }))
    expect([at(5, false), at(5, true), at(0.5, true), at(3.999, false)]).toEqual([3, 3, 2, 2])
  })

  it('is the playhead’s own bar when Live is stopped on a bar line, where playing starts', () => {
    const at = (beats: number, playing: boolean) =>
      nextBar(song({ current_song_time: beats, signature_numerator: 4, signature_denominator: 4, is_playing: playing }))
    expect([at(0, false), at(4, false), at(0, true), at(4, true)]).toEqual([1, 2, 2, 3])
  })

  it('counts bars of the set’s signature: 6/8 has 3 quarter-note beats a bar', () => {
    const at = (beats: number) =>
      nextBar(song({ current_song_time: beats, signature_numerator: 6, signature_denominator: 8, is_playing: false }))
    expect([at(0), at(3), at(4), at(6)]).toEqual([1, 2, 3, 3])
  })
})
