import type { ParameterData } from '../../model/schema.js'
import { db, dbn, hz, int, ms, num, on, pct, q, ratio, SYNC_RATES, sw } from '../paramKit.js'

/*
 * Audio effects. Names: Reverb's and Delay's full lists in LOM order as a real Live 12 dumped them
 * (mantisbikr/fadebender server/services/parse_index/device_params_cache.json), Reverb's display
 * ranges and Echo's ranges from the same project's mappings (backups/database_backups,
 * docs/echo_device_mapping_complete.md); the others from Live 12.1's bank definitions
 * (chiakibeats/AbletonLive12.1_MIDIRemoteScripts, ableton/v3/control_surface/default_bank_definitions.py)
 * and ClyphX's Live 10.1.30 instant-mapping doc. Ranges and defaults not from those are [guess].
 */

/** Reverb (class Reverb): all 33 parameters in Live's order; continuous ones 0..1 at the LOM (fadebender's dump). */
export const reverb = (): ParameterData[] => [
  on(),
  ms('Predelay', 0.3, 0.5, 250),
  sw('In LowCut On', true),
  sw('In HighCut On', true),
  hz('In Filter Freq', 0.6, 50, 18000),
  num('In Filter Width', 0.5, 0, 1),
  sw('ER Spin On', true),
  hz('ER Spin Rate', 0.3, 0.07, 1.3),
  num('ER Spin Amount', 0.1, 0, 1),
  num('ER Shape', 0.5, 0, 1),
  sw('HiFilter On', true),
  q('HiFilter Type', ['Shelving', 'Low-pass'], 1),
  hz('HiFilter Freq', 0.7, 20, 16000),
  num('HiShelf Gain', 0.5, 0, 1),
  sw('LowShelf On', true),
  hz('LowShelf Freq', 0.3, 20, 15000),
  num('LowShelf Gain', 0.75, 0, 1),
  sw('Chorus On', true),
  hz('Chorus Rate', 0.3, 0.01, 8),
  num('Chorus Amount', 0.1, 0, 1),
  ms('Decay Time', 0.45, 200, 60000),
  num('Diffusion', 0.5, 0, 1),
  num('Scale', 0.5, 0, 1),
  sw('Freeze On'),
  sw('Flat On', true),
  sw('Cut On', true),
  num('Room Size', 0.5, 0, 1),
  q('Size Smoothing', ['None', 'Slow', 'Fast'], 2),
  pct('Stereo Image', 0.83, 120),
  q('Density', ['Sparse', 'Low', 'Mid', 'High'], 2),
  dbn('Reflect Level', 0.5, -30, 6),
  dbn('Diffuse Level', 0.5, -30, 6),
  pct('Dry/Wet', 0.5),
]

/** Delay (class Delay): all 21 parameters in Live's order (fadebender's dump). */
export const delay = (): ParameterData[] => [
  on(),
  q('Delay Mode', ['Repitch', 'Fade', 'Jump'], 1),
  sw('Link', true),
  sw('Ping Pong'),
  sw('L Sync', true),
  sw('R Sync', true),
  ms('L Time', 0.5, 1, 5000),
  ms('R Time', 0.5, 1, 5000),
  q('L 16th', ['1', '2', '3', '4', '5', '6', '8', '16'], 2),
  q('R 16th', ['1', '2', '3', '4', '5', '6', '8', '16'], 2),
  pct('L Offset', 0.5, 33.3, -33.3),
  pct('R Offset', 0.5, 33.3, -33.3),
  pct('Feedback', 0.5, 95),
  sw('Freeze'),
  sw('Filter On', true),
  hz('Filter Freq', 0.5, 50, 18000),
  num('Filter Width', 0.4, 0, 1),
  hz('Mod Freq', 0.3, 0.01, 40),
  pct('Dly < Mod', 0),
  pct('Filter < Mod', 0),
  pct('Dry/Wet', 0.5),
]

/** Echo (class Echo): the main of its 50 parameters, ranges from fadebender's mapping. */
export const echo = (): ParameterData[] => [
  on(),
  sw('L Sync', true),
  ms('L Time', 0.5, 1, 10000),
  q('L Division', [...SYNC_RATES], 3), // [guess] items
  pct('L Offset', 0.5, 50, -50),
  sw('R Sync', true),
  ms('R Time', 0.5, 1, 10000),
  q('R Division', [...SYNC_RATES], 3),
  pct('R Offset', 0.5, 50, -50),
  sw('Link', true),
  q('Channel Mode', ['Stereo', 'Ping Pong', 'Mid/Side']),
  pct('Feedback', 0.5),
  sw('Feedback Inv'),
  dbn('Input Gain', 0.25, -12, 36),
  dbn('Output Gain', 0.5, -30, 30),
  sw('Clip Dry'),
  sw('Filter On', true),
  hz('HP Freq', 0.1, 20, 20000),
  pct('HP Res', 0),
  hz('LP Freq', 0.8, 20, 20000),
  pct('LP Res', 0),
  q('Mod Wave', ['Sine', 'Triangle', 'Saw Up', 'Saw Down', 'Square', 'Noise']),
  sw('Mod Sync'),
  hz('Mod Freq', 0.3, 0.01, 40),
  pct('Dly < Mod', 0),
  pct('Flt < Mod', 0),
  sw('Gate On'),
  dbn('Gate Thr', 0.5, -60, 0),
  sw('Duck On'),
  dbn('Duck Thr', 0.5, -60, 0),
  sw('Noise On'),
  pct('Noise Amt', 0),
  sw('Wobble On'),
  pct('Wobble Amt', 0),
  pct('Reverb Level', 0),
  pct('Reverb Decay', 0.5),
  q('Reverb Loc', ['Pre', 'Post']), // [guess] items
  pct('Stereo Width', 0.5, 200),
  pct('Dry Wet', 0.5),
]

const SC = (): ParameterData[] => [sw('S/C On'), dbn('S/C Gain', 0.5, -70, 24), pct('S/C Mix', 1), sw('S/C Listen')]

/** Compressor (class Compressor2). */
export const compressor = (): ParameterData[] => [
  on(),
  dbn('Threshold', 1, -70, 0),
  ratio('Ratio', 4, 1, 100),
  ratio('Expansion Ratio', 1.15, 1, 2),
  ms('Attack', 0.3, 0.01, 1000),
  ms('Release', 0.5, 1, 3000),
  sw('Auto Release On/Off'),
  dbn('Output Gain', 0.5, -36, 36),
  sw('Makeup'),
  pct('Dry/Wet', 1),
  q('Model', ['Peak', 'RMS', 'Expand'], 1),
  sw('LookAhead'),
  db('Knee', 6, 0, 18),
  q('Env Mode', ['Lin', 'Log']),
  ...SC(),
  sw('S/C EQ On'),
  q('S/C EQ Type', ['Low Pass', 'Band Pass', 'High Pass', 'Notch', 'Low Shelf', 'Bell', 'High Shelf']),
  hz('S/C EQ Freq', 0.5, 30, 15000),
]

/** Glue Compressor (class GlueCompressor). */
export const glueCompressor = (): ParameterData[] => [
  on(),
  q('Attack', ['0.01 ms', '0.1 ms', '0.3 ms', '1 ms', '3 ms', '10 ms', '30 ms'], 3),
  q('Release', ['0.1 s', '0.2 s', '0.4 s', '0.6 s', '0.8 s', '1.2 s', 'Auto'], 6),
  q('Ratio', ['2', '4', '10'], 0),
  db('Threshold', 0, -40, 0),
  db('Makeup', 0, 0, 20),
  db('Range', 70, 0, 70),
  pct('Dry/Wet', 1),
  sw('Peak Clip In'),
  ...SC(),
  sw('S/C EQ On'),
]

/** Limiter (class Limiter), Live 12.1's controls. */
export const limiter = (): ParameterData[] => [
  on(),
  db('Input Gain', 0, -24, 24), // [guess] range
  db('Ceiling', -0.3, -24, 0),
  ms('Release', 0.3, 0.01, 3000),
  sw('Auto', true),
  q('Lookahead', ['1.5 ms', '3 ms', '6 ms'], 1),
  q('Link', ['L/R', 'M/S'], 0), // [guess] items
  pct('M/S Link', 1),
  q('Mode', ['Standard', 'Soft Clip', 'True Peak']), // [guess] items
]

/** EQ Eight (class Eq8): eight bands of A, then Output Gain, Scale, Adaptive Q. */
export const eqEight = (): ParameterData[] => {
  const types = ['Low Cut 48', 'Low Cut 12', 'Low Shelf', 'Bell', 'Notch', 'High Shelf', 'High Cut 12', 'High Cut 48']
  const defaults = [1, 2, 3, 3, 3, 3, 5, 6]
  const freqs = [0.1, 0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9]
  return [
    on(),
    ...defaults.flatMap((type, i) => [
      sw(`${i + 1} Filter On A`, i === 0 || i === 7 ? false : i < 4),
      q(`${i + 1} Filter Type A`, types, type),
      hz(`${i + 1} Frequency A`, freqs[i]!, 10, 22000),
      db(`${i + 1} Gain A`, 0, -15, 15),
      num(`${i + 1} Resonance A`, 0.71, 0.1, 18),
    ]),
    db('Output Gain', 0, -12, 12),
    num('Scale', 1, -1.5, 1.5),
    sw('Adaptive Q', true),
  ]
}

/** Auto Filter (class AutoFilter2 since Live 12.2), the classic controls. */
export const autoFilter = (): ParameterData[] => [
  on(),
  q('Filter Type', [
    'Lowpass',
    'Highpass',
    'Bandpass',
    'Notch',
    'Morph',
    'DJ',
    'Comb',
    'Resampling',
    'Notch+LP',
    'Vowel',
  ]),
  hz('Frequency', 0.7, 20, 20000),
  pct('Resonance', 0.3, 125),
  pct('Env. Modulation', 0.5, 127, -127),
  ms('Env. Attack', 0.3, 0.1, 30),
  ms('Env. Release', 0.3, 1, 500),
  pct('LFO Amount', 0),
  q('LFO Waveform', ['Sine', 'Triangle', 'Saw Up', 'Saw Down', 'Square', 'S&H']),
  q('LFO Sync', ['Free', 'Sync']),
  hz('LFO Frequency', 0.3, 0.01, 40),
  q('LFO Sync Rate', [...SYNC_RATES], 4),
  num('LFO Phase', 0, 0, 360),
  pct('Dry/Wet', 1),
]

/** Saturator (class Saturator). */
export const saturator = (): ParameterData[] => [
  on(),
  db('Drive', 0, -36, 36),
  q('Type', [
    'Analog Clip',
    'Soft Sine',
    'Bass Shaper',
    'Medium Curve',
    'Hard Curve',
    'Sinoid Fold',
    'Digital Clip',
    'Waveshaper',
  ]),
  sw('Color On', true),
  db('Color Amt Low', 0, -12, 12), // [guess] names "Color …" per Live 12.1's bank
  hz('Color Freq', 0.5, 30, 18500),
  pct('Color Width', 0.3),
  db('Color Amt Hi', 0, -12, 12),
  db('Output', 0, -36, 0),
  sw('Soft Clip'),
  pct('Dry/Wet', 1),
]

/** Utility (class StereoGain). */
export const utility = (): ParameterData[] => [
  on(),
  sw('Left Inv'),
  sw('Right Inv'),
  q('Channel Mode', ['Left', 'Stereo', 'Right', 'Swap'], 1),
  pct('Stereo Width', 0.25, 400),
  sw('Mono'),
  sw('Bass Mono'),
  hz('Bass Freq', 0.4, 50, 500),
  num('Balance', 0, -1, 1),
  db('Gain', 0, -35, 35), // [guess] range (Live 12's Utility goes further down, to −inf)
  sw('Mute'),
  sw('DC Filter'),
]

/** Chorus-Ensemble (class Chorus2). */
export const chorusEnsemble = (): ParameterData[] => [
  on(),
  q('Mode', ['Classic', 'Ensemble', 'Vibrato']),
  hz('Rate', 0.3, 0.01, 20),
  pct('Amount', 0.5),
  pct('Feedback', 0),
  pct('Width', 0.5, 200),
  pct('Offset', 0),
  db('Gain', 0, -12, 12),
  pct('Warmth', 0),
  pct('Dry/Wet', 0.5),
]

/** Phaser-Flanger (class PhaserNew). */
export const phaserFlanger = (): ParameterData[] => [
  on(),
  q('Mode', ['Phaser', 'Flanger', 'Doubler']),
  sw('Mod Sync'),
  hz('Mod Freq', 0.3, 0.01, 40),
  q('Mod Rate', [...SYNC_RATES], 4),
  pct('Amount', 0.5),
  pct('Feedback', 0.5, 100, -100),
  int('Notches', 4, 1, 42),
  ms('Flange Time', 0.3, 0.02, 20),
  ms('Doubler Time', 0.3, 1, 30),
  pct('Warmth', 0),
  db('Output Gain', 0, -12, 12),
  pct('Dry/Wet', 0.5),
]

/** Roar (class Roar): the first stage and the output (Live 12.1's bank names). */
export const roar = (): ParameterData[] => [
  on(),
  db('Drive', 0, -24, 36), // [guess] name and range, as the bank names it
  q('Routing', ['Single', 'Serial', 'Parallel', 'Multi Band', 'Mid Side', 'Feedback']),
  q('Shaper 1 Type', [
    'Soft Sine',
    'Digital Clip',
    'Bit Crusher',
    'Tube Pre-Amp',
    'Half-Wave Rectifier',
    'Full-Wave Rectifier',
    'Noise Injection',
    'Polynomial',
    'Fractal',
    'Tri Fold',
    'Shards',
    'Diode Clipper',
  ]),
  pct('Shaper 1 Amt', 0.5),
  pct('Shaper 1 Bias', 0.5, 100, -100),
  sw('Flt 1 On'),
  hz('Flt 1 Freq', 0.7, 20, 20000),
  pct('Flt 1 Res', 0.2),
  pct('Comp Amt', 0),
  pct('Feedback Amt', 0),
  db('Output', 0, -36, 36),
  pct('Dry/Wet', 1),
]
