import { describe, expect, it } from 'vitest'
import { decodeTrackData } from './decodeTrackData.js'

describe('decodeTrackData', () => {
  it("splits BEHAVIOUR.md's example: 2 tracks, 8 scenes, name, clip names, has_clip, num_devices", () => {
    const names0 = ['Beat', null, null, null, null, null, null, 'Fill']
    const has0 = [true, false, false, false, false, false, false, true]
    const names1 = [null, null, null, null, null, null, null, null]
    const has1 = [false, false, false, false, false, false, false, false]
    const values = ['1-MIDI', ...names0, ...has0, 2, '2-MIDI', ...names1, ...has1, 0]
    expect(
      decodeTrackData(values, {
        properties: ['track.name', 'clip.name', 'clip_slot.has_clip', 'track.num_devices'],
        numScenes: 8,
      }),
    ).toEqual([
      { 'track.name': '1-MIDI', 'clip.name': names0, 'clip_slot.has_clip': has0, 'track.num_devices': 2 },
      { 'track.name': '2-MIDI', 'clip.name': names1, 'clip_slot.has_clip': has1, 'track.num_devices': 0 },
    ])
  })

  it('uses track.num_devices requested before device.X to split per-device values', () => {
    const values = ['Bass', 2, 'Operator', 'Reverb', 'Drums', 0, 'Keys', 1, 'Electric']
    expect(
      decodeTrackData(values, { properties: ['track.name', 'track.num_devices', 'device.name'], numScenes: 8 }),
    ).toEqual([
      { 'track.name': 'Bass', 'track.num_devices': 2, 'device.name': ['Operator', 'Reverb'] },
      { 'track.name': 'Drums', 'track.num_devices': 0, 'device.name': [] },
      { 'track.name': 'Keys', 'track.num_devices': 1, 'device.name': ['Electric'] },
    ])
  })

  it('uses deviceCounts when the reply has no counts', () => {
    const values = ['Operator', 'Reverb', 1, 2, 'Simpler', 1]
    expect(
      decodeTrackData(values, { properties: ['device.name', 'device.type'], numScenes: 4, deviceCounts: [2, 1] }),
    ).toEqual([
      { 'device.name': ['Operator', 'Reverb'], 'device.type': [1, 2] },
      { 'device.name': ['Simpler'], 'device.type': [1] },
    ])
  })

  it('maps track-valued properties and nil as sent', () => {
    expect(
      decodeTrackData([null, 'Loop', 0, null], { properties: ['track.group_track', 'clip.name'], numScenes: 1 }),
    ).toEqual([
      { 'track.group_track': null, 'clip.name': ['Loop'] },
      { 'track.group_track': 0, 'clip.name': [null] },
    ])
  })

  it('decodes an empty reply as no tracks', () => {
    expect(decodeTrackData([], { properties: ['track.name'], numScenes: 8 })).toEqual([])
  })

  it('fails when device counts are unknown', () => {
    expect(() =>
      decodeTrackData(['Operator'], { properties: ['device.name', 'track.num_devices'], numScenes: 8 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: DECODE_FAILED: cannot split track_data: "device.name" has one value per device, and the device counts are unknown
        Request track.num_devices before the first device.<p>, or pass deviceCounts.]
    `)
  })

  it('fails when the reply ends inside a track', () => {
    expect(() =>
      decodeTrackData(['A', null, null, 'B', null], { properties: ['track.name', 'clip.name'], numScenes: 2 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: DECODE_FAILED: track_data reply ends early: track 1 needs 2 value(s) for "clip.name" at index 4, but the reply has 5 values
        Check numScenes, deviceCounts and properties against the request.]
    `)
  })

  it('fails when deviceCounts and the reply disagree', () => {
    expect(() =>
      decodeTrackData(['A', 'B', 'C'], { properties: ['device.name'], numScenes: 1, deviceCounts: [1, 1] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: track_data reply has more tracks than deviceCounts (2): 1 value(s) left at index 2]`,
    )
    expect(() =>
      decodeTrackData(['A'], { properties: ['device.name'], numScenes: 1, deviceCounts: [1, 1] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: track_data reply has 1 track(s) but deviceCounts has 2]`,
    )
  })

  it('fails on a bad device count in the reply', () => {
    expect(() =>
      decodeTrackData(['A', 'two'], { properties: ['track.name', 'track.num_devices', 'device.name'], numScenes: 1 }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: DECODE_FAILED: track_data: track 0 track.num_devices is two, expected an integer ≥ 0]`,
    )
  })

  it('fails instead of looping when a track takes no values', () => {
    expect(() =>
      decodeTrackData(['x'], { properties: ['clip.name'], numScenes: 0 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: DECODE_FAILED: track_data reply has 1 value(s) left at index 0, but each track takes none with these properties
        Check numScenes, deviceCounts and properties against the request.]
    `)
  })

  it('rejects bad requests', () => {
    expect(() => decodeTrackData([], { properties: ['scene.name'], numScenes: 8 })).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: track_data property "scene.name" is not valid: expected track.<p>, clip.<p>, clip_slot.<p> or device.<p>]`,
    )
    expect(() => decodeTrackData([], { properties: ['track.'], numScenes: 8 })).toThrow(
      'track_data property "track." is not valid',
    )
    expect(() => decodeTrackData([], { properties: [], numScenes: 8 })).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: track_data needs at least one property]`,
    )
    expect(() => decodeTrackData([], { properties: ['track.name'], numScenes: -1 })).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: numScenes -1 is out of range: expected an integer ≥ 0]`,
    )
  })
})
