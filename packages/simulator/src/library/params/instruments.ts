import type { ParameterData } from '../../model/schema.js'
import { db, dbn, hz, macros, ms, num, on, pct, q, st, sw, vol } from '../paramKit.js'

/*
 * Instruments. Names: Live 12.1's own bank definitions (chiakibeats/AbletonLive12.1_MIDIRemoteScripts,
 * ableton/v3/control_surface/default_bank_definitions.py) and ClyphX's "Live Instant Mapping Info for
 * Ableton Live v10.1.30" (nuno-andre/clyphx docs); Drift's ranges and item lists from Ableton's device
 * preset schema (eeropic/koala2abl js/drift.js). Those sources give names (and for Drift ranges), not
 * LOM order or defaults: the order here is the panel's, and every range or default not named above
 * is a [guess]. Each table holds the main controls, not every parameter Live lists.
 */

const ENV = (prefix: string, a: number, d: number, s: number, r: number): ParameterData[] => [
  ms(`${prefix} Attack`, a, 0.1, 20000),
  ms(`${prefix} Decay`, d, 1, 20000),
  pct(`${prefix} Sustain`, s),
  ms(`${prefix} Release`, r, 1, 20000),
]

/** Drift (class Drift). */
export const drift = (): ParameterData[] => [
  on(),
  q('Osc 1 Wave', ['Sine', 'Triangle', 'Shark Tooth', 'Saturated', 'Saw', 'Pulse', 'Rectangle'], 4),
  st('Osc 1 Oct', 0, -2, 3),
  pct('Osc 1 Shape', 0),
  q('Osc 2 Wave', ['Sine', 'Triangle', 'Saturated', 'Saw', 'Rectangle'], 3),
  st('Osc 2 Oct', 0, -3, 2),
  num('Osc 2 Detune', 0, -7, 7),
  dbn('Osc 1 Gain', 0.5, -70, 6), // [guess] the gain's dB curve; Ableton's schema stores 0..2 (1 = 0 dB)
  dbn('Osc 2 Gain', 0, -70, 6),
  dbn('Noise Gain', 0, -70, 6), // [guess] name
  hz('LP Freq', 0.75, 20, 20000),
  pct('LP Reso', 0.2, 101),
  hz('HP Freq', 0, 10, 20500),
  ...ENV('Env 1', 0.05, 0.45, 0.7, 0.4), // [guess] names "Env 1 …"
  ...ENV('Env 2', 0.05, 0.45, 0, 0.4),
  q('LFO Wave', [
    'Sine',
    'Triangle',
    'Saw Up',
    'Saw Down',
    'Square',
    'Sample & Hold',
    'Wander',
    'Linear Env',
    'Exponential Env',
  ]),
  q('LFO Time Mode', ['Freq', 'Ratio', 'Time', 'Sync']),
  hz('LFO Rate', 0.3, 0.2, 1700),
  pct('LFO Amt', 0),
  q('Cyc Env Time Mode', ['Freq', 'Ratio', 'Time', 'Sync']),
  hz('Cyc Env Rate', 0.3, 0.17, 1700),
  pct('Cyc Env Tilt', 0.5),
  pct('Cyc Env Hold', 0),
  pct('Drift', 0.25), // [guess] name of Global_DriftDepth
  ms('Glide', 0, 0, 2000), // [guess] name; 0..2 s in the schema
  st('Transpose', 0, -48, 48),
  vol('Volume', 0.7),
]

/** Operator (class Operator): the four oscillators' levels and envelopes, filter and global controls. */
export const operator = (): ParameterData[] => [
  on(),
  q('Algorithm', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']),
  ...['A', 'B', 'C', 'D'].flatMap((osc, i) => [
    sw(`Osc-${osc} On`, true), // [guess] name
    dbn(`Osc-${osc} Level`, i === 0 ? 1 : 0, -70, 0),
    st(`${osc} Coarse`, 1, 0, 48),
    num(`${osc} Fine`, 0, 0, 1000),
    pct(`Osc-${osc} Lev < Vel`, 0),
    ...ENV(`${osc}e`, 0, 0.5, 1, 0.3),
  ]),
  sw('Filter On'),
  hz('Filter Freq', 0.8, 30, 18500),
  pct('Filter Res', 0.2, 125),
  pct('LFO Amt', 0),
  hz('LFO Rate', 0.3, 0.01, 12000),
  q('LFO Type', ['Sine', 'Square', 'Triangle', 'Saw Up', 'Saw Down', 'S&H', 'Noise']),
  ms('Glide Time', 0, 0.1, 20000),
  pct('Tone', 0.7),
  pct('Spread', 0),
  st('Transpose', 0, -48, 48),
  dbn('Volume', 0.9, -70, 6),
]

/** Wavetable (class InstrumentVector). */
export const wavetable = (): ParameterData[] => [
  on(),
  ...['1', '2'].flatMap((n) => [
    sw(`Osc ${n} On`, n === '1'),
    pct(`Osc ${n} Pos`, 0),
    st(`Osc ${n} Transp`, 0, -48, 48),
    num(`Osc ${n} Detune`, 0, -1, 1),
    pct(`Osc ${n} Effect 1`, 0),
    pct(`Osc ${n} Effect 2`, 0),
    num(`Osc ${n} Pan`, 0, -1, 1),
    dbn(`Osc ${n} Gain`, 0.8, -70, 0),
  ]),
  ...['1', '2'].flatMap((n) => [
    sw(`Filter ${n} On`, n === '1'),
    q(`Filter ${n} Type`, ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph']),
    hz(`Filter ${n} Freq`, 0.75, 30, 22000),
    pct(`Filter ${n} Res`, 0.1, 125),
    db(`Filter ${n} Drive`, 0, 0, 24),
  ]),
  ...ENV('Amp', 0, 0.5, 0.7, 0.3),
  ...ENV('Env 2', 0, 0.5, 0, 0.3),
  pct('LFO 1 Amount', 1),
  hz('LFO 1 Rate', 0.3, 0.01, 40),
  pct('Unison Amount', 0),
  pct('Global Mod Amount', 1),
  ms('Glide', 0, 0, 5000),
  st('Transpose', 0, -48, 48),
  dbn('Volume', 0.75, -70, 6),
]

/** Simpler (class OriginalSimpler); Transpose is −48..48 at the LOM (measured, see paramKit). */
export const simpler = (): ParameterData[] => [
  on(),
  pct('S Start', 0),
  pct('S Length', 1),
  pct('S Loop Length', 1),
  ms('S Loop Fade', 0, 0, 2000),
  ...ENV('Ve', 0, 0.6, 1, 0.25),
  pct('Vol < Vel', 0.35),
  sw('F On', true), // [guess] name
  q('Filter Type', ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph']),
  hz('Filter Freq', 1, 30, 22000),
  pct('Filter Res', 0, 125),
  pct('Filt < Vel', 0),
  pct('Fe < Env', 0),
  sw('L On'), // [guess] name
  q('L Wave', ['Sine', 'Square', 'Triangle', 'Saw Down', 'Saw Up', 'Random']),
  hz('L Rate', 0.3, 0.01, 30),
  pct('Vol < LFO', 0),
  ms('Glide Time', 0, 0, 5000),
  st('Transpose', 0, -48, 48),
  num('Detune', 0, -50, 50),
  pct('Spread', 0),
  num('Pan', 0, -1, 1),
  dbn('Volume', 0.7, -36, 36),
]

/** Analog (class UltraAnalog). */
export const analog = (): ParameterData[] => [
  on(),
  ...['1', '2'].flatMap((n) => [
    sw(`OSC${n} On/Off`, n === '1'), // [guess] name
    q(`OSC${n} Shape`, ['Sine', 'Saw', 'Rect', 'Noise'], 1),
    st(`OSC${n} Octave`, 0, -3, 3),
    st(`OSC${n} Semi`, 0, -12, 12),
    dbn(`OSC${n} Level`, 0.8, -70, 0),
    num(`OSC${n} Detune`, 0, -1, 1),
    pct(`OSC${n} Balance`, 0.5),
  ]),
  sw('Noise On/Off'),
  dbn('Noise Level', 0, -70, 0),
  ...['1', '2'].flatMap((n) => [
    sw(`F${n} On/Off`, n === '1'),
    q(`F${n} Type`, ['LP12', 'LP24', 'BP6', 'BP12', 'Notch', 'HP12', 'HP24', 'Formant']),
    hz(`F${n} Freq`, 0.8, 30, 18500),
    pct(`F${n} Resonance`, 0.2, 125),
    pct(`F${n} Freq < Env`, 0),
  ]),
  ...ENV('FEG1', 0, 0.5, 0.7, 0.3).map((p) => ({ ...p, name: p.name.replace('Release', 'Rel') })),
  ...ENV('AEG1', 0, 0.5, 1, 0.3).map((p) => ({ ...p, name: p.name.replace('Release', 'Rel') })),
  hz('LFO1 Speed', 0.3, 0.01, 30),
  sw('Unison On/Off'),
  pct('Unison Detune', 0),
  sw('Vib On/Off'),
  pct('Vib Amount', 0),
  dbn('Volume', 0.75, -70, 0),
]

/** Meld (class InstrumentMeld): its two engines' main controls; every name is a [guess] after Live 12.1's bank ("Osc A Type", "Flt A Freq"). */
export const meld = (): ParameterData[] => [
  on(),
  ...['A', 'B'].flatMap((engine) => [
    sw(`Engine ${engine} On`, engine === 'A'),
    q(`Osc ${engine} Type`, [
      'Basic Shapes',
      'Dual Basic Shapes',
      'Noisy Shapes',
      'Square Sync',
      'Square 5ths',
      'Saw Sync',
      'Saw 6ths',
      'Harmonic FM',
      'Fold FM',
      'Squelchy',
      'Taury',
      'Extreme Saws',
      'Sub Harmonics',
      'Scrambled',
      'Bitgrunge',
      'Crackles',
      'Rain',
      'Bubbles',
      "Shepard's Pi",
      'Filtered Noise',
      'Chip',
      'Stacked Shapes',
      'Ambient',
      'Swarm',
    ]),
    pct(`${engine} Osc Macro 1`, 0.5),
    pct(`${engine} Osc Macro 2`, 0.5),
    hz(`Flt ${engine} Freq`, 0.8, 20, 20000),
    pct(`Flt ${engine} Q`, 0.1),
    dbn(`${engine} Volume`, 0.8, -70, 6),
    ...ENV(`${engine} Amp`, 0, 0.5, 1, 0.3),
  ]),
  st('Transpose', 0, -48, 48),
  dbn('Volume', 0.75, -70, 6),
]

/** Drum Rack (class DrumGroupDevice): Device On and Live 12's sixteen macros (Live 12.1's RACK_BANKS names). */
export const drumRack = (): ParameterData[] => [on(), ...macros(16)]
