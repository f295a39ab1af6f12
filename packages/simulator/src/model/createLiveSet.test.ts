import { LomError, type LomValue } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { createVirtualClock } from '../clock/virtualClock.js'
import { createLiveSet } from './createLiveSet.js'

function setup(set: 'default' | 'demo' = 'default') {
  const clock = createVirtualClock()
  const live = createLiveSet({ set, clock })
  return { clock, live }
}

function lomError(fn: () => unknown): { kind: string; message: string } {
  try {
    fn()
  } catch (error) {
    if (error instanceof LomError) return { kind: error.kind, message: error.message }
    throw error
  }
  throw new Error('expected a LomError')
}

describe('transport', () => {
  it('advances song time with tempo while playing and stops on stop_playing', () => {
    const { clock, live } = setup()
    live.call('live_set', 'start_playing', [])
    expect(live.get('live_set', 'is_playing')).toBe(true)
    clock.advance(1000)
    expect(live.get('live_set', 'current_song_time')).toBeCloseTo(2, 9)
    live.set('live_set', 'tempo', 60)
    clock.advance(1000)
    expect(live.get('live_set', 'current_song_time')).toBeCloseTo(3, 9)
    live.call('live_set', 'stop_playing', [])
    clock.advance(1000)
    expect(live.get('live_set', 'current_song_time')).toBeCloseTo(3, 9)
    expect(live.get('live_set', 'is_playing')).toBe(false)
  })

  it('wraps at the arrangement loop end', () => {
    const { clock, live } = setup()
    live.set('live_set', 'loop', true)
    live.set('live_set', 'loop_start', 4)
    live.set('live_set', 'loop_length', 4)
    live.set('live_set', 'current_song_time', 6)
    live.call('live_set', 'continue_playing', [])
    clock.advance(1500) // 3 beats at 120 bpm: 6 → 9 wraps to 5
    expect(live.get('live_set', 'current_song_time')).toBeCloseTo(5, 6)
  })

  it('jumps by beats and between cue points', () => {
    const { live } = setup()
    live.call('live_set', 'jump_by', [8])
    live.call('live_set', 'set_or_delete_cue', [])
    live.call('live_set', 'jump_by', [8])
    live.call('live_set', 'set_or_delete_cue', [])
    expect(live.getCount('live_set', 'cue_points')).toBe(2)
    expect(live.get('live_set cue_points 1', 'time')).toBe(16)
    live.call('live_set', 'jump_to_prev_cue', [])
    expect(live.get('live_set', 'current_song_time')).toBe(8)
    live.call('live_set', 'jump_to_next_cue', [])
    expect(live.get('live_set', 'current_song_time')).toBe(16)
    live.call('live_set', 'set_or_delete_cue', [])
    expect(live.getCount('live_set', 'cue_points')).toBe(1)
    live.call('live_set', 'jump_by', [-20])
    live.call('live_set cue_points 0', 'jump', [])
    expect(live.get('live_set', 'current_song_time')).toBe(8)
  })

  it('notifies current_song_time on every engine update while playing', () => {
    const { clock, live } = setup()
    const seen: LomValue[] = []
    live.observe('live_set', 'current_song_time', (v) => seen.push(v))
    live.call('live_set', 'start_playing', [])
    clock.advance(30)
    expect(seen.length).toBe(3)
    expect(seen[2]).toBeCloseTo(0.06, 9)
  })

  it('computes tap tempo from the virtual clock', () => {
    const { clock, live } = setup()
    for (let i = 0; i < 4; i++) {
      live.call('live_set', 'tap_tempo', [])
      clock.advance(500)
    }
    expect(live.get('live_set', 'tempo')).toBe(120)
  })
})

describe('launch quantisation', () => {
  it('fires at the next bar: triggered until beat 4, then playing', () => {
    const { clock, live } = setup()
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [4])
    live.call('live_set', 'start_playing', [])
    clock.advance(250) // beat 0.5
    live.call('live_set tracks 0 clip_slots 0 clip', 'fire', [])
    expect(live.get('live_set tracks 0 clip_slots 0', 'is_triggered')).toBe(true)
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'is_playing')).toBe(false)
    expect(live.get('live_set tracks 0', 'fired_slot_index')).toBe(0)
    clock.advance(1740) // beat 3.98
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'is_triggered')).toBe(true)
    clock.advance(20) // beat 4.02
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'is_playing')).toBe(true)
    expect(live.get('live_set tracks 0', 'playing_slot_index')).toBe(0)
    expect(live.get('live_set tracks 0', 'fired_slot_index')).toBe(-1)
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'playing_position')).toBeCloseTo(0.02, 6)
  })

  it('starts the transport when a clip is fired while stopped', () => {
    const { clock, live } = setup()
    live.call('live_set tracks 0 clip_slots 1', 'create_clip', [4])
    live.call('live_set tracks 0 clip_slots 1', 'fire', [])
    expect(live.get('live_set', 'is_playing')).toBe(true)
    clock.advance(10)
    expect(live.get('live_set tracks 0', 'playing_slot_index')).toBe(1)
  })

  it('loops the playing position and replaces the playing clip at the boundary', () => {
    const { clock, live } = setup()
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [2])
    live.call('live_set tracks 0 clip_slots 1', 'create_clip', [4])
    live.call('live_set tracks 0 clip_slots 0', 'fire', [])
    clock.advance(10)
    clock.advance(1250) // 2.5 beats into a 2-beat loop
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'playing_position')).toBeCloseTo(0.52, 6)
    live.call('live_set tracks 0 clip_slots 1', 'fire', [])
    clock.advance(800) // beat 4.12
    expect(live.get('live_set tracks 0', 'playing_slot_index')).toBe(1)
    expect(live.get('live_set tracks 0 clip_slots 0', 'is_playing')).toBe(false)
  })

  it('honours the clip launch_quantization and quantised stop', () => {
    const { clock, live } = setup()
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [4])
    live.set('live_set tracks 0 clip_slots 0 clip', 'launch_quantization', 8) // 1/4
    live.call('live_set', 'start_playing', [])
    clock.advance(130) // beat 0.26
    live.call('live_set tracks 0 clip_slots 0 clip', 'fire', [])
    clock.advance(250) // beat 0.76
    expect(live.get('live_set tracks 0', 'playing_slot_index')).toBe(-1)
    clock.advance(130) // beat 1.02
    expect(live.get('live_set tracks 0', 'playing_slot_index')).toBe(0)
    live.call('live_set tracks 0 clip_slots 0 clip', 'stop', [])
    expect(live.get('live_set tracks 0', 'fired_slot_index')).toBe(-2)
    clock.advance(1500) // beat 4.02
    expect(live.get('live_set tracks 0', 'playing_slot_index')).toBe(-1)
  })

  it('fires a scene row and applies its tempo', () => {
    const { clock, live } = setup('demo')
    live.set('live_set scenes 4', 'tempo', 128)
    live.call('live_set scenes 4', 'fire', [])
    expect(live.get('live_set', 'tempo')).toBe(128)
    clock.advance(20)
    expect(live.get('live_set tracks 0', 'playing_slot_index')).toBe(4)
    expect(live.get('live_set tracks 1', 'playing_slot_index')).toBe(4)
    expect(live.get('live_set tracks 3', 'playing_slot_index')).toBe(-1)
    expect(live.get('live_set tracks 0', 'output_meter_level')).toBeGreaterThan(0)
    live.call('live_set', 'stop_playing', [])
    clock.advance(500)
    expect(live.get('live_set tracks 0', 'output_meter_level')).toBe(0)
  })
})

describe('notes', () => {
  it('adds, sorts by pitch then time, selects by range and removes', () => {
    const { live } = setup()
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [4])
    const clip = 'live_set tracks 0 clip_slots 0 clip'
    const ids = live.call(clip, 'add_new_notes', [
      JSON.stringify({
        notes: [
          { pitch: 64, start_time: 1, duration: 0.5, velocity: 90 },
          { pitch: 60, start_time: 2, duration: 1 },
          { pitch: 60, start_time: 0, duration: 1, velocity: 64, mute: true },
          { pitch: 127, start_time: 0, duration: 1 },
        ],
      }),
    ]) as number[]
    expect(ids).toHaveLength(4)
    const all = JSON.parse(live.call(clip, 'get_notes_extended', [0, 128, 0, 4]) as string).notes
    expect(all.map((n: { pitch: number; start_time: number }) => [n.pitch, n.start_time])).toEqual([
      [60, 0],
      [60, 2],
      [64, 1],
      [127, 0],
    ])
    expect(all[0]).toMatchObject({ velocity: 64, mute: true, probability: 1, duration: 1 })
    const some = JSON.parse(live.call(clip, 'get_notes_extended', [0, 127, 0.5, 2]) as string).notes
    expect(some.map((n: { pitch: number }) => n.pitch)).toEqual([60, 64])
    live.call(clip, 'remove_notes_extended', [0, 127, -8192, 16384])
    const left = JSON.parse(live.call(clip, 'get_all_notes_extended', []) as string).notes
    expect(left.map((n: { pitch: number }) => n.pitch)).toEqual([127])
    live.call(clip, 'remove_notes_by_id', [[left[0].note_id]])
    expect(JSON.parse(live.call(clip, 'get_all_notes_extended', []) as string).notes).toEqual([])
  })

  it('rejects impossible notes with a RuntimeError', () => {
    const { live } = setup()
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [4])
    expect(
      lomError(() =>
        live.call('live_set tracks 0 clip_slots 0 clip', 'add_new_notes', [
          JSON.stringify({ notes: [{ pitch: 128, start_time: 0, duration: 1 }] }),
        ]),
      ).kind,
    ).toBe('RuntimeError')
  })
})

describe('observers', () => {
  it('follow the object across moves and die silently on delete', () => {
    const { live } = setup()
    const names: LomValue[] = []
    live.observe('live_set tracks 1', 'name', (v) => names.push(v))
    live.call('live_set', 'create_midi_track', [0])
    expect(live.get('live_set tracks 2', 'name')).toBe('2-MIDI')
    live.set('live_set tracks 2', 'name', 'Moved')
    expect(names).toEqual(['Moved'])
    live.call('live_set', 'delete_track', [2])
    live.set('live_set tracks 2', 'name', 'Other')
    expect(names).toEqual(['Moved'])
  })

  it('refuse properties Live cannot observe, with its text', () => {
    const { live } = setup()
    expect(lomError(() => live.observe('live_set', 'can_undo', () => {}))).toEqual({
      kind: 'AttributeError',
      message: "'Song' object has no attribute 'add_can_undo_listener'",
    })
    expect(lomError(() => live.observe('live_set tracks 0', 'output_meter_left', () => {})).kind).toBe('RuntimeError')
  })

  it('notify a clip listener until the clip is deleted', () => {
    const { live } = setup()
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [4])
    const seen: LomValue[] = []
    live.observe('live_set tracks 0 clip_slots 0 clip', 'name', (v) => seen.push(v))
    live.set('live_set tracks 0 clip_slots 0 clip', 'name', 'A')
    live.call('live_set tracks 0 clip_slots 0', 'delete_clip', [])
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [4])
    live.set('live_set tracks 0 clip_slots 0 clip', 'name', 'B')
    expect(seen).toEqual(['A'])
  })
})

describe('undo', () => {
  it('undoes and redoes property changes and structure', () => {
    const { live } = setup()
    expect(live.get('live_set', 'can_undo')).toBe(false)
    live.set('live_set', 'tempo', 100)
    live.call('live_set', 'create_scene', [-1])
    expect(live.getCount('live_set', 'scenes')).toBe(9)
    live.call('live_set', 'undo', [])
    expect(live.getCount('live_set', 'scenes')).toBe(8)
    expect(live.get('live_set', 'can_redo')).toBe(true)
    live.call('live_set', 'undo', [])
    expect(live.get('live_set', 'tempo')).toBe(120)
    live.call('live_set', 'redo', [])
    expect(live.get('live_set', 'tempo')).toBe(100)
    live.call('live_set', 'redo', [])
    expect(live.getCount('live_set tracks 0', 'clip_slots')).toBe(9)
  })
})

describe('recording', () => {
  it('records a growing clip into an empty slot of an armed track', () => {
    const { clock, live } = setup()
    live.set('live_set tracks 0', 'arm', true)
    expect(live.get('live_set tracks 0 clip_slots 0', 'will_record_on_start')).toBe(true)
    live.call('live_set tracks 0 clip_slots 0', 'fire', [])
    clock.advance(10)
    expect(live.get('live_set tracks 0 clip_slots 0', 'is_recording')).toBe(true)
    clock.advance(2000) // launched at beat 0 on the first update; now beat 4.02
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'length')).toBeCloseTo(4.02, 6)
    live.call('live_set tracks 0 clip_slots 0', 'fire', [])
    clock.advance(2000) // boundary at beat 8
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'is_recording')).toBe(false)
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'length')).toBeCloseTo(8, 6)
    expect(live.get('live_set tracks 0 clip_slots 0 clip', 'is_playing')).toBe(true)
  })
})

describe('mixer and devices', () => {
  it('exposes mixer parameters with Live value strings', () => {
    const { live } = setup()
    expect(live.call('live_set tracks 0 mixer_device volume', '__str__', [])).toBe('0.0 dB')
    expect(live.call('live_set tracks 0 mixer_device volume', 'str_for_value', [1])).toBe('6.0 dB')
    expect(live.call('live_set tracks 0 mixer_device volume', 'str_for_value', [0])).toBe('-inf dB')
    expect(live.call('live_set tracks 0 mixer_device panning', 'str_for_value', [-1])).toBe('50L')
    expect(live.call('live_set tracks 0 mixer_device panning', '__str__', [])).toBe('C')
    expect(live.getCount('live_set tracks 0 mixer_device', 'sends')).toBe(2)
    expect(live.type('live_set tracks 0 mixer_device sends 1')).toBe('DeviceParameter')
  })

  it('reads demo devices, racks and parameters', () => {
    const { live } = setup('demo')
    expect(live.get('live_set tracks 0 devices 0', 'class_name')).toBe('DrumGroupDevice')
    expect(live.type('live_set tracks 0 devices 0')).toBe('RackDevice')
    expect(live.get('live_set tracks 0 devices 0', 'can_have_chains')).toBe(true)
    expect(live.get('live_set tracks 0 devices 0 chains 1', 'name')).toBe('Snare')
    expect(live.get('live_set tracks 0 devices 0 chains 1 devices 0', 'class_name')).toBe('OriginalSimpler')
    expect(live.get('live_set tracks 1 devices 0', 'type')).toBe(1)
    expect(live.get('live_set tracks 1 devices 1', 'type')).toBe(2)
    expect(live.get('live_set tracks 1 devices 1 parameters 0', 'name')).toBe('Device On')
    expect(live.call('live_set tracks 1 devices 1 parameters 1', '__str__', [])).toBe('Lowpass')
    expect(live.call('live_set tracks 1 devices 1 parameters 2', 'str_for_value', [0.5])).toBe('608 Hz')
    live.set('live_set tracks 1 devices 1 parameters 0', 'value', 0)
    expect(live.get('live_set tracks 1 devices 1', 'is_active')).toBe(false)
  })
})

describe('errors', () => {
  it('uses the kinds and texts AbletonOSC surfaces', () => {
    const { live } = setup()
    expect(lomError(() => live.get('live_set tracks 9', 'name'))).toEqual({
      kind: 'IndexError',
      message: 'Index out of range',
    })
    expect(live.exists('live_set tracks 0 clip_slots 0 clip')).toBe(false)
    expect(lomError(() => live.get('live_set tracks 0 clip_slots 0 clip', 'name'))).toEqual({
      kind: 'AttributeError',
      message: "'NoneType' object has no attribute 'name'",
    })
    expect(lomError(() => live.get('live_set', 'foo'))).toEqual({
      kind: 'AttributeError',
      message: "'Song' object has no attribute 'foo'",
    })
    expect(lomError(() => live.get('live_set return_tracks 0', 'arm'))).toEqual({
      kind: 'RuntimeError',
      message: "Master and Return Tracks have no 'Arm' state!",
    })
    expect(lomError(() => live.set('live_set tracks 0 mixer_device volume', 'value', 1.5))).toEqual({
      kind: 'RuntimeError',
      message: 'Invalid value. Check the parameters range with min/max',
    })
    expect(lomError(() => live.set('live_set', 'tempo', 5000)).kind).toBe('RuntimeError')
    expect(lomError(() => live.set('live_set', 'clip_trigger_quantization', 1.5)).kind).toBe('TypeError')
    expect(lomError(() => live.set('live_set', 'is_counting_in', true)).kind).toBe('AttributeError')
    live.call('live_set tracks 0 clip_slots 0', 'create_clip', [4])
    expect(lomError(() => live.get('live_set tracks 0 clip_slots 0 clip', 'gain'))).toEqual({
      kind: 'RuntimeError',
      message: 'Gain is only available for Audio Clips',
    })
    expect(lomError(() => live.get('live_set tracks 0 clip_slots 0 clip', 'file_path')).message).toBe(
      'FilePath is only available for Audio Clips',
    )
    expect(lomError(() => live.call('live_set tracks 2 clip_slots 0', 'create_clip', [4])).kind).toBe('RuntimeError')
  })
})

describe('view and application', () => {
  it('reports selection as object references and Live 12.1', () => {
    const { live } = setup()
    expect(live.get('live_set view', 'selected_track')).toEqual({ path: 'live_set tracks 0' })
    live.set('live_set view', 'selected_scene', { path: 'live_set scenes 3' })
    expect(live.get('live_set view', 'highlighted_clip_slot')).toEqual({ path: 'live_set tracks 0 clip_slots 3' })
    expect(live.call('live_app', 'get_major_version', [])).toBe(12)
    expect(live.call('live_app', 'get_minor_version', [])).toBe(1)
  })
})
