import { LomError } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { createVirtualClock } from '../clock/virtualClock.js'
import { defaultSet } from '../sets/defaultSet.js'
import { newClipData } from './clipSlot.js'
import { createLiveSet } from './createLiveSet.js'

/** The default set with a MIDI clip in track 0, slot 0, and an audio clip in track 2 (3-Audio), slot 0. */
function setWithClips() {
  const data = defaultSet()
  data.tracks[0]!.clip_slots[0] = { clip: newClipData('midi', 4, 'Notes'), has_stop_button: true }
  data.tracks[2]!.clip_slots[0] = { clip: newClipData('audio', 4, 'Loop'), has_stop_button: true }
  return createLiveSet({ set: data, clock: createVirtualClock() })
}
const MIDI = 'live_set tracks 0 clip_slots 0 clip'
const AUDIO = 'live_set tracks 2 clip_slots 0 clip'

function errorText(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof LomError) return `${error.kind}: ${error.message}`
    throw error
  }
  throw new Error('expected a LomError')
}

describe('audio-only clip properties', () => {
  const names = [
    'file_path',
    'gain',
    'gain_display_string',
    'pitch_coarse',
    'pitch_fine',
    'warping',
    'warp_mode',
    'ram_mode',
  ]

  it('refuse a MIDI clip with Live’s text, named after the property', () => {
    const live = setWithClips()
    expect(names.map((name) => errorText(() => live.get(MIDI, name)))).toEqual([
      'RuntimeError: FilePath is only available for Audio Clips',
      'RuntimeError: Gain is only available for Audio Clips',
      'RuntimeError: GainDisplayString is only available for Audio Clips',
      'RuntimeError: PitchCoarse is only available for Audio Clips',
      'RuntimeError: PitchFine is only available for Audio Clips',
      'RuntimeError: Warping is only available for Audio Clips',
      'RuntimeError: WarpMode is only available for Audio Clips',
      'RuntimeError: RamMode is only available for Audio Clips',
    ])
    expect(errorText(() => live.set(MIDI, 'warp_mode', 4))).toBe(
      'RuntimeError: WarpMode is only available for Audio Clips',
    )
    live.dispose()
  })

  it('read their defaults on an audio clip, keep what is written, and check it', () => {
    const live = setWithClips()
    expect(names.map((name) => live.get(AUDIO, name))).toEqual(['', 0.4, '0.0 dB', 0, 0, true, 0, false])
    live.set(AUDIO, 'pitch_coarse', -12)
    live.set(AUDIO, 'pitch_fine', 25.5)
    live.set(AUDIO, 'warping', false)
    live.set(AUDIO, 'warp_mode', 4)
    live.set(AUDIO, 'ram_mode', true)
    live.set(AUDIO, 'gain', 0.5)
    expect(names.map((name) => live.get(AUDIO, name))).toEqual(['', 0.5, '6.0 dB', -12, 25.5, false, 4, true])
    expect(errorText(() => live.set(AUDIO, 'gain', 2))).toBe('RuntimeError: Invalid gain')
    expect(errorText(() => live.set(AUDIO, 'file_path', 'x.wav'))).toMatch(/^AttributeError: /)
    live.call('live_set', 'undo', [])
    expect(live.get(AUDIO, 'gain')).toBe(0.4)
    live.dispose()
  })
})

describe('clip functions that return None', () => {
  it('answer null and do their work', () => {
    const live = setWithClips()
    expect(
      live.call(MIDI, 'add_new_notes', [JSON.stringify({ notes: [{ pitch: 60, start_time: 0, duration: 1 }] })]),
    ).toEqual([expect.any(Number)])
    expect(live.call(MIDI, 'duplicate_loop', [])).toBe(null)
    expect(live.get(MIDI, 'loop_end')).toBe(8)
    expect(live.call(MIDI, 'remove_notes_extended', [0, 128, 0, 4])).toBe(null)
    expect(
      JSON.parse(String(live.call(MIDI, 'get_all_notes_extended', []))).notes.map(
        (n: { start_time: number }) => n.start_time,
      ),
    ).toEqual([4])
    expect(live.call(MIDI, 'fire', [])).toBe(null)
    live.dispose()
  })
})
