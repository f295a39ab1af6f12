import { LomError } from '@live/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { createVirtualClock } from '../clock/virtualClock.js'
import { createLiveSet, type LiveSet } from './createLiveSet.js'

let live: LiveSet | undefined
afterEach(() => live?.dispose())

const open = (set: 'default' | 'demo' = 'default') => {
  live = createLiveSet({ set, clock: createVirtualClock() })
  return live
}
const names = (l: LiveSet, path: string) =>
  Array.from({ length: l.getCount(path, 'devices') }, (_, i) => l.get(`${path} devices ${i}`, 'name'))
const failure = (fn: () => unknown): string => {
  try {
    fn()
    return 'no error'
  } catch (error) {
    return error instanceof LomError ? `${error.kind}: ${error.message}` : `unexpected ${String(error)}`
  }
}

describe('Track.insert_device', () => {
  it('inserts by browser name, returns the device, with its full parameter list', () => {
    const l = open()
    const track = 'live_set tracks 0'
    expect(l.call(track, 'insert_device', ['drift'])).toEqual({ path: `${track} devices 0` })
    expect(l.call(track, 'insert_device', ['EQ Eight', -1])).toEqual({ path: `${track} devices 1` })
    expect(l.call(track, 'insert_device', ['Arpeggiator', 0])).toEqual({ path: `${track} devices 0` })
    expect(names(l, track)).toEqual(['Arpeggiator', 'Drift', 'EQ Eight'])
    const drift = `${track} devices 1`
    expect([l.get(drift, 'class_name'), l.get(drift, 'class_display_name'), l.get(drift, 'type')]).toEqual([
      'Drift',
      'Drift',
      1,
    ])
    expect(l.getCount(drift, 'parameters')).toBe(33)
    expect(l.get(`${drift} parameters 0`, 'name')).toBe('Device On')
    expect(l.call(`${drift} parameters 10`, '__str__', [])).toBe('3.56 kHz')
  })

  it('keeps the chain in Live order: instrument after MIDI effects and before audio effects', () => {
    const l = open()
    const track = 'live_set tracks 1'
    l.call(track, 'insert_device', ['Reverb'])
    l.call(track, 'insert_device', ['Chord', 0])
    expect(l.call(track, 'insert_device', ['Operator'])).toEqual({ path: `${track} devices 1` })
    expect(l.call(track, 'insert_device', ['Utility', 0])).toEqual({ path: `${track} devices 2` })
    expect(names(l, track)).toEqual(['Chord', 'Operator', 'Utility', 'Reverb'])
    // A second instrument takes the first one's place.
    expect(l.call(track, 'insert_device', ['Wavetable', 3])).toEqual({ path: `${track} devices 1` })
    expect(names(l, track)).toEqual(['Chord', 'Wavetable', 'Utility', 'Reverb'])
  })

  it('refuses what Live refuses, with the texts pinned', () => {
    const l = open()
    l.call('live_set tracks 0', 'insert_device', ['Simpler'])
    expect([
      failure(() => l.call('live_set tracks 0', 'insert_device', ['Driftt'])),
      failure(() => l.call('live_set tracks 2', 'insert_device', ['Drift'])),
      failure(() => l.call('live_set tracks 2', 'insert_device', ['Arpeggiator'])),
      failure(() => l.call('live_set return_tracks 0', 'insert_device', ['Operator'])),
      failure(() => l.call('live_set master_track', 'insert_device', ['Scale'])),
      failure(() => l.call('live_set tracks 0', 'insert_device', ['Arpeggiator'])),
      failure(() => l.call('live_set tracks 0', 'insert_device', ['Reverb', 5])),
      failure(() => l.call('live_set tracks 1', 'insert_device', ['Reverb', 0])),
      failure(() => l.call('live_set tracks 0', 'insert_device', [3])),
    ]).toMatchInlineSnapshot(`
      [
        "RuntimeError: no native device named 'Driftt'; did you mean Drift?",
        "RuntimeError: Drift is an instrument and cannot be inserted on an audio track",
        "RuntimeError: Arpeggiator is a MIDI effect and cannot be inserted on an audio track",
        "RuntimeError: Operator is an instrument and cannot be inserted on a return track",
        "RuntimeError: Scale is a MIDI effect and cannot be inserted on the master track",
        "RuntimeError: Arpeggiator is a MIDI effect: it must come before the instrument and audio effects (index 0..0)",
        "IndexError: Index out of range",
        "IndexError: Index out of range",
        "TypeError: Python argument types in
          None.None(Track, int)
      did not match C++ signature:
          None(Track {lvalue}, insert_device)",
      ]
    `)
    expect(names(l, 'live_set tracks 0')).toEqual(['Simpler'])
  })

  it('audio effects go on audio, return and master tracks; undo and redo are one step each', () => {
    const l = open()
    expect(l.call('live_set tracks 2', 'insert_device', ['Compressor'])).toEqual({
      path: 'live_set tracks 2 devices 0',
    })
    expect(l.call('live_set return_tracks 1', 'insert_device', ['Echo'])).toEqual({
      path: 'live_set return_tracks 1 devices 1',
    })
    expect(l.call('live_set master_track', 'insert_device', ['Limiter'])).toEqual({
      path: 'live_set master_track devices 0',
    })
    l.call('live_set', 'undo', [])
    expect(l.getCount('live_set master_track', 'devices')).toBe(0)
    l.call('live_set', 'redo', [])
    expect(names(l, 'live_set master_track')).toEqual(['Limiter'])
    l.call('live_set tracks 0', 'insert_device', ['Drift'])
    l.call('live_set tracks 0', 'insert_device', ['Meld'])
    l.call('live_set', 'undo', [])
    expect(names(l, 'live_set tracks 0')).toEqual(['Drift'])
    l.call('live_set tracks 0', 'delete_device', [0])
    expect(l.getCount('live_set tracks 0', 'devices')).toBe(0)
    l.call('live_set', 'undo', [])
    expect(names(l, 'live_set tracks 0')).toEqual(['Drift'])
  })
})

describe('Chain.insert_device', () => {
  it('inserts into a rack chain, by the rack kind', () => {
    const l = open('demo')
    const chain = 'live_set tracks 0 devices 0 chains 0'
    const before = l.getCount(chain, 'devices')
    expect(l.call(chain, 'insert_device', ['Saturator'])).toEqual({ path: `${chain} devices ${before}` })
    expect(l.get(`${chain} devices ${before}`, 'class_name')).toBe('Saturator')
    l.call(chain, 'delete_device', [before])
    expect(l.getCount(chain, 'devices')).toBe(before)
  })

  it('inserts a rack with no chains yet, named as the browser shows it', () => {
    const l = open()
    l.call('live_set tracks 2', 'insert_device', ['Audio Effect Rack'])
    const rack = 'live_set tracks 2 devices 0'
    expect([l.get(rack, 'can_have_chains'), l.getCount(rack, 'chains'), l.get(rack, 'class_display_name')]).toEqual([
      true,
      0,
      'Audio Effect Rack',
    ])
  })
})
