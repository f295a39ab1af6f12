import { newClipData } from '../model/clipSlot.js'
import type { ClipData, LiveSetData, NoteData } from '../model/schema.js'
import { songSchema } from '../model/schema.js'
import { emptyTrack } from './defaultSet.js'
import { autoFilter, delay, drumRack, eqEight, operator, reverb, wavetable } from './devices.js'

const n = (pitch: number, start_time: number, duration: number, velocity = 100): NoteData => ({
  pitch,
  start_time,
  duration,
  velocity,
  mute: false,
  probability: 1,
  velocity_deviation: 0,
  release_velocity: 64,
})

function clip(name: string, colorIndex: number, color: number, length: number, notes: NoteData[]): ClipData {
  return { ...newClipData('midi', length, name), color, color_index: colorIndex, notes }
}

const KICK = 36
const SNARE = 38
const CLOSED_HAT = 42
const OPEN_HAT = 46

function drums(bars: number, fill: boolean): NoteData[] {
  const out: NoteData[] = []
  for (let beat = 0; beat < bars * 4; beat++) {
    out.push(n(KICK, beat, 0.25, 120))
    if (beat % 2 === 1) out.push(n(SNARE, beat, 0.25, 110))
    out.push(n(CLOSED_HAT, beat, 0.125, 80), n(OPEN_HAT, beat + 0.5, 0.25, 70))
  }
  if (fill) for (let i = 0; i < 4; i++) out.push(n(SNARE, bars * 4 - 1 + i * 0.25, 0.25, 90 + i * 8))
  return out
}

// A minor: A2 F2 C3 G2 roots, one bar each.
const ROOTS = [45, 41, 48, 43]
function bass(pattern: 'eighths' | 'offbeat'): NoteData[] {
  return ROOTS.flatMap((root, bar) =>
    Array.from({ length: 8 }, (_, i) => i).flatMap((i) =>
      pattern === 'eighths' || i % 2 === 1 ? [n(root, bar * 4 + i * 0.5, 0.45, i % 2 ? 96 : 110)] : [],
    ),
  )
}
const TRIADS = [
  [57, 60, 64],
  [53, 57, 60],
  [60, 64, 67],
  [55, 59, 62],
]
function chords(stabs: boolean): NoteData[] {
  return TRIADS.flatMap((triad, bar) =>
    stabs
      ? [0.5, 1.5, 2.5, 3.5].flatMap((t) => triad.map((p) => n(p, bar * 4 + t, 0.4, 92)))
      : triad.map((p) => n(p, bar * 4, 4, 85)),
  )
}
function pad(): NoteData[] {
  return TRIADS.flatMap((triad, bar) => [...triad, triad[0]! + 12].map((p) => n(p, bar * 4, 4, 70)))
}
function fx(): NoteData[] {
  return [n(84, 0, 2, 60), n(88, 4, 2, 60), n(91, 8, 2, 60), n(96, 12, 4, 75)]
}

/**
 * A small musical set at 124 BPM: Drums, Bass, Keys, Pad and FX (MIDI with instruments and effects),
 * returns A-Reverb and B-Delay, and eight named scenes of clips with real notes.
 *
 * @example
 * const live = createLiveSet({ set: demoSet() })
 */
export function demoSet(): LiveSetData {
  const sceneNames = ['Intro', 'Verse', 'Verse 2', 'Build', 'Drop', 'Break', 'Drop 2', 'Outro']
  const scenes = sceneNames.length
  const drumsTrack = emptyTrack('midi', 'Drums', 14, 0xff3636, scenes)
  drumsTrack.devices = [drumRack(['Kick', 'Snare', 'Closed Hat', 'Open Hat']), eqEight()]
  drumsTrack.output_routing = { type: 'Master', channel: 'Track In' }
  const bassTrack = emptyTrack('midi', 'Bass', 1, 0xffa529, scenes)
  bassTrack.devices = [operator('Sub Bass'), autoFilter()]
  bassTrack.output_routing = { type: 'Master', channel: 'Track In' }
  bassTrack.volume = 0.8
  const keysTrack = emptyTrack('midi', 'Keys', 9, 0x5480e4, scenes)
  keysTrack.devices = [operator('E-Piano'), reverb()]
  keysTrack.output_routing = { type: 'Master', channel: 'Track In' }
  keysTrack.sends = [0.3, 0.15]
  keysTrack.panning = -0.2
  const padTrack = emptyTrack('midi', 'Pad', 24, 0x886ce4, scenes)
  padTrack.devices = [wavetable('Warm Pad'), autoFilter(), reverb()]
  padTrack.output_routing = { type: 'Master', channel: 'Track In' }
  padTrack.sends = [0.5, 0]
  padTrack.volume = 0.75
  padTrack.panning = 0.2
  const fxTrack = emptyTrack('midi', 'FX', 20, 0x00bfaf, scenes)
  fxTrack.devices = [wavetable('Riser'), delay()]
  fxTrack.output_routing = { type: 'Master', channel: 'Track In' }
  fxTrack.sends = [0.4, 0.6]

  const put = (track: typeof drumsTrack, scene: number, c: ClipData) => {
    track.clip_slots[scene] = { clip: c, has_stop_button: true }
  }
  const drumClip = (name: string, fill: boolean) => clip(name, 14, 0xff3636, 16, drums(4, fill))
  put(drumsTrack, 1, drumClip('Beat A', false))
  put(drumsTrack, 2, drumClip('Beat B', true))
  put(drumsTrack, 3, clip('Build Snares', 14, 0xff3636, 16, drums(4, true)))
  put(drumsTrack, 4, drumClip('Beat Drop', false))
  put(drumsTrack, 6, drumClip('Beat Drop 2', true))
  put(bassTrack, 1, clip('Bass Offbeat', 1, 0xffa529, 16, bass('offbeat')))
  put(bassTrack, 2, clip('Bass Offbeat', 1, 0xffa529, 16, bass('offbeat')))
  put(bassTrack, 4, clip('Bass Drive', 1, 0xffa529, 16, bass('eighths')))
  put(bassTrack, 6, clip('Bass Drive', 1, 0xffa529, 16, bass('eighths')))
  put(keysTrack, 0, clip('Chords', 9, 0x5480e4, 16, chords(false)))
  put(keysTrack, 2, clip('Stabs', 9, 0x5480e4, 16, chords(true)))
  put(keysTrack, 4, clip('Stabs', 9, 0x5480e4, 16, chords(true)))
  put(keysTrack, 5, clip('Chords', 9, 0x5480e4, 16, chords(false)))
  put(padTrack, 0, clip('Pad Am', 24, 0x886ce4, 16, pad()))
  put(padTrack, 3, clip('Pad Am', 24, 0x886ce4, 16, pad()))
  put(padTrack, 5, clip('Pad Am', 24, 0x886ce4, 16, pad()))
  put(padTrack, 7, clip('Pad Outro', 24, 0x886ce4, 16, pad()))
  put(fxTrack, 3, clip('Riser', 20, 0x00bfaf, 16, fx()))
  put(fxTrack, 7, clip('Tail', 20, 0x00bfaf, 16, fx()))

  const returnA = emptyTrack('return', 'A-Reverb', 22, 0x10a4ee)
  returnA.devices = [reverb()]
  const returnB = emptyTrack('return', 'B-Delay', 26, 0xff39d4)
  returnB.devices = [delay()]
  const master = emptyTrack('master', 'Main', 55, 0x7b7b7b)
  master.devices = [eqEight('Master EQ')]
  const sceneColors: [number, number][] = [
    [37, 0xb9c1e3],
    [8, 0x8bc5ff],
    [8, 0x8bc5ff],
    [29, 0xffa374],
    [14, 0xff3636],
    [38, 0xcdbbe4],
    [14, 0xff3636],
    [41, 0xa9a9a9],
  ]
  return {
    format: 'live-simulator-set',
    version: 1,
    song: songSchema.parse({
      tempo: 124,
      root_note: 9,
      scale_name: 'Minor',
      cue_points: [
        { name: 'Intro', time: 0 },
        { name: 'Drop', time: 64 },
      ],
    }),
    tracks: [drumsTrack, bassTrack, keysTrack, padTrack, fxTrack],
    return_tracks: [returnA, returnB],
    master_track: master,
    scenes: sceneNames.map((name, i) => ({
      name,
      color: sceneColors[i]![1],
      color_index: sceneColors[i]![0],
      tempo: 124,
      tempo_enabled: false,
      time_signature_numerator: 4,
      time_signature_denominator: 4,
      time_signature_enabled: false,
    })),
    view: { selected_track: 0, selected_scene: 0 },
  }
}
