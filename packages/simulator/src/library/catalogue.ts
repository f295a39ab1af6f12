import type { ParameterData } from '../model/schema.js'
import { macros, on } from './paramKit.js'
import * as fx from './params/audioEffects.js'
import * as inst from './params/instruments.js'
import * as midi from './params/midiEffects.js'

/** Live's `Device.type`: 1 instrument, 2 audio effect, 4 MIDI effect (BEHAVIOUR.md §13.3). */
export const DEVICE_TYPE = { instrument: 1, audioEffect: 2, midiEffect: 4 } as const
/** One of {@link DEVICE_TYPE}'s values. */
export type NativeDeviceType = (typeof DEVICE_TYPE)[keyof typeof DEVICE_TYPE]

/** Which chains a rack holds, for the kind rules. */
export type RackKind = 'instrument' | 'drum' | 'audio' | 'midi'

/** One native device of Live 12 Suite. */
export interface NativeDevice {
  /** The name Live's browser shows, and `class_display_name`. */
  readonly name: string
  /** The LOM `class_name`. */
  readonly className: string
  readonly type: NativeDeviceType
  /** Set for racks: which chains it holds. */
  readonly rack?: RackKind | undefined
  /** The full parameter table (the 25 most used devices); others get "Device On" (and macros for racks). */
  readonly parameters?: (() => ParameterData[]) | undefined
  /** Other names and class names Live used for it (matched by the lookup too). */
  readonly aliases?: readonly string[] | undefined
}

const I = DEVICE_TYPE.instrument
const A = DEVICE_TYPE.audioEffect
const M = DEVICE_TYPE.midiEffect

/*
 * Every instrument, audio effect and MIDI effect Live 12.2 Suite ships, by browser name: the list
 * Producer Pal validates `insert_device` names against (adamjmurray/producer-pal src/tools/constants.ts,
 * VALID_DEVICES). Class names: Live 12.1's Push 2 device decorator table (chiakibeats/
 * AbletonLive12.1_MIDIRemoteScripts, Push2/device_decorator_factory.py) and the .als node names of
 * Live's stock devices (AlsTools, LiveStockDeviceNodeNames). Auto Filter and Auto Pan-Tremolo were
 * rebuilt in Live 12.2 as AutoFilter2 and AutoPan2 (the names a Live 12.2 set stores); the legacy class
 * names are kept as aliases. Auto Shift's class name is a [guess].
 */
export const NATIVE_DEVICES: readonly NativeDevice[] = [
  // Instruments
  { name: 'Analog', className: 'UltraAnalog', type: I, parameters: inst.analog },
  { name: 'Collision', className: 'Collision', type: I },
  { name: 'Drift', className: 'Drift', type: I, parameters: inst.drift },
  { name: 'Drum Rack', className: 'DrumGroupDevice', type: I, rack: 'drum', parameters: inst.drumRack },
  { name: 'Drum Sampler', className: 'DrumCell', type: I, aliases: ['DrumSampler'] },
  { name: 'Electric', className: 'LoungeLizard', type: I },
  { name: 'External Instrument', className: 'ProxyInstrumentDevice', type: I },
  { name: 'Impulse', className: 'InstrumentImpulse', type: I },
  { name: 'Instrument Rack', className: 'InstrumentGroupDevice', type: I, rack: 'instrument' },
  { name: 'Meld', className: 'InstrumentMeld', type: I, parameters: inst.meld },
  { name: 'Operator', className: 'Operator', type: I, parameters: inst.operator },
  { name: 'Sampler', className: 'MultiSampler', type: I },
  { name: 'Simpler', className: 'OriginalSimpler', type: I, parameters: inst.simpler },
  { name: 'Tension', className: 'StringStudio', type: I },
  { name: 'Wavetable', className: 'InstrumentVector', type: I, parameters: inst.wavetable },
  // MIDI effects
  { name: 'Arpeggiator', className: 'MidiArpeggiator', type: M, parameters: midi.arpeggiator },
  { name: 'CC Control', className: 'MidiCcControl', type: M },
  { name: 'Chord', className: 'MidiChord', type: M, parameters: midi.chord },
  { name: 'MIDI Effect Rack', className: 'MidiEffectGroupDevice', type: M, rack: 'midi' },
  { name: 'Note Length', className: 'MidiNoteLength', type: M, parameters: midi.noteLength },
  { name: 'Pitch', className: 'MidiPitcher', type: M },
  { name: 'Random', className: 'MidiRandom', type: M },
  { name: 'Scale', className: 'MidiScale', type: M, parameters: midi.scale },
  { name: 'Velocity', className: 'MidiVelocity', type: M, parameters: midi.velocity },
  // Audio effects
  { name: 'Amp', className: 'Amp', type: A },
  { name: 'Audio Effect Rack', className: 'AudioEffectGroupDevice', type: A, rack: 'audio' },
  { name: 'Auto Filter', className: 'AutoFilter2', type: A, parameters: fx.autoFilter, aliases: ['AutoFilter'] },
  { name: 'Auto Pan-Tremolo', className: 'AutoPan2', type: A, aliases: ['Auto Pan', 'AutoPan'] },
  { name: 'Auto Shift', className: 'AutoShift', type: A },
  { name: 'Beat Repeat', className: 'BeatRepeat', type: A },
  { name: 'Cabinet', className: 'Cabinet', type: A },
  { name: 'Channel EQ', className: 'ChannelEq', type: A },
  { name: 'Chorus-Ensemble', className: 'Chorus2', type: A, parameters: fx.chorusEnsemble },
  { name: 'Compressor', className: 'Compressor2', type: A, parameters: fx.compressor },
  { name: 'Corpus', className: 'Corpus', type: A },
  { name: 'Delay', className: 'Delay', type: A, parameters: fx.delay },
  { name: 'Drum Buss', className: 'DrumBuss', type: A },
  { name: 'Dynamic Tube', className: 'Tube', type: A },
  { name: 'Echo', className: 'Echo', type: A, parameters: fx.echo },
  { name: 'EQ Eight', className: 'Eq8', type: A, parameters: fx.eqEight },
  { name: 'EQ Three', className: 'FilterEQ3', type: A },
  { name: 'Erosion', className: 'Erosion', type: A },
  { name: 'External Audio Effect', className: 'ProxyAudioEffectDevice', type: A },
  { name: 'Filter Delay', className: 'FilterDelay', type: A },
  { name: 'Gate', className: 'Gate', type: A },
  { name: 'Glue Compressor', className: 'GlueCompressor', type: A, parameters: fx.glueCompressor },
  { name: 'Grain Delay', className: 'GrainDelay', type: A },
  { name: 'Hybrid Reverb', className: 'Hybrid', type: A },
  { name: 'Limiter', className: 'Limiter', type: A, parameters: fx.limiter },
  { name: 'Looper', className: 'Looper', type: A },
  { name: 'Multiband Dynamics', className: 'MultibandDynamics', type: A },
  { name: 'Overdrive', className: 'Overdrive', type: A },
  { name: 'Pedal', className: 'Pedal', type: A },
  { name: 'Phaser-Flanger', className: 'PhaserNew', type: A, parameters: fx.phaserFlanger },
  { name: 'Redux', className: 'Redux2', type: A },
  { name: 'Resonators', className: 'Resonator', type: A },
  { name: 'Reverb', className: 'Reverb', type: A, parameters: fx.reverb },
  { name: 'Roar', className: 'Roar', type: A, parameters: fx.roar },
  { name: 'Saturator', className: 'Saturator', type: A, parameters: fx.saturator },
  { name: 'Shifter', className: 'Shifter', type: A },
  { name: 'Spectral Resonator', className: 'Transmute', type: A },
  { name: 'Spectral Time', className: 'Spectral', type: A },
  { name: 'Spectrum', className: 'SpectrumAnalyzer', type: A },
  { name: 'Tuner', className: 'Tuner', type: A },
  { name: 'Utility', className: 'StereoGain', type: A, parameters: fx.utility },
  { name: 'Vinyl Distortion', className: 'Vinyl', type: A },
  { name: 'Vocoder', className: 'Vocoder', type: A },
]

/** The device's parameters as a fresh list: its table, or "Device On" (plus the 16 macros of a rack). */
export function nativeParameters(device: NativeDevice): ParameterData[] {
  if (device.parameters) return device.parameters()
  return device.rack ? [on(), ...macros(16)] : [on()]
}
