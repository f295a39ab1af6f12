import { findEntry } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { indexParams } from './indexSpec.js'
import { describeRange, noClipError, notFoundError } from './notFound.js'

const spec = (address: string) => indexParams(findEntry(address)!)

describe('indexParams', () => {
  it('finds the index arguments of an address and their owners', () => {
    expect(spec('/live/device/get/parameter/value')).toEqual([
      { at: 0, kind: 'track', owner: [] },
      { at: 1, kind: 'device', owner: [0] },
      { at: 2, kind: 'parameter', owner: [0, 1] },
    ])
    expect(spec('/live/clip_slot/duplicate_clip_to')).toEqual([
      { at: 0, kind: 'track', owner: [] },
      { at: 1, kind: 'slot', owner: [] },
      { at: 2, kind: 'track', owner: [] },
      { at: 3, kind: 'slot', owner: [] },
    ])
    expect(spec('/live/track/delete_device')).toEqual([
      { at: 0, kind: 'track', owner: [] },
      { at: 1, kind: 'device', owner: [0] },
    ])
    expect(spec('/live/track/get/send')).toEqual([
      { at: 0, kind: 'track', owner: [] },
      { at: 1, kind: 'send', owner: [] },
    ])
  })

  it('leaves out what is not an index of an object (create_*’s index -1 appends; ranges; the song)', () => {
    expect(spec('/live/song/create_audio_track')).toEqual([])
    expect(spec('/live/song/get/track_data')).toEqual([])
    expect(spec('/live/song/get/tempo')).toEqual([])
  })
})

describe('NOT_FOUND messages', () => {
  it('name the range, one object, or none', () => {
    expect([describeRange('track', 4), describeRange('scene', 1), describeRange('device', 0)]).toEqual([
      'tracks 0–3',
      'scene 0 only',
      'no devices',
    ])
    expect(notFoundError({ kind: 'track', index: 9, owner: [], count: 4 }).shortMessage).toMatchInlineSnapshot(
      `"track 9 does not exist: the set has tracks 0–3"`,
    )
    expect(notFoundError({ kind: 'device', index: 2, owner: [1], count: 0 }).shortMessage).toMatchInlineSnapshot(
      `"device 2 does not exist on track 1: it has no devices"`,
    )
    expect(noClipError(3, 0, [null, null]).shortMessage).toMatchInlineSnapshot(
      `"track 3 has no clip in slot 0: it has no clips"`,
    )
    expect(noClipError(3, 1, ['A', null, 'B']).shortMessage).toMatchInlineSnapshot(
      `"track 3 has no clip in slot 1: its clips are in slots 0, 2"`,
    )
  })
})
