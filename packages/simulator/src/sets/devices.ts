import type { DeviceData, ParameterData, ParameterUnit } from '../model/schema.js'

type ParamOptions = Partial<Omit<ParameterData, 'name' | 'value' | 'min' | 'max'>>

/** A continuous parameter. */
export function param(
  name: string,
  value: number,
  min: number,
  max: number,
  unit: ParameterUnit = 'plain',
  options: ParamOptions = {},
): ParameterData {
  return { name, value, min, max, default_value: value, is_quantized: false, value_items: [], unit, ...options }
}

/** A quantised parameter with named steps. */
export function choice(name: string, items: readonly string[], index: number): ParameterData {
  return {
    name,
    value: index,
    min: 0,
    max: items.length - 1,
    is_quantized: true,
    value_items: [...items],
    unit: 'plain',
  }
}

/** A frequency knob shown in Hz over 0..1 (log), as Live's filter frequencies are. */
export function freq(name: string, value: number, lo = 20, hi = 20000): ParameterData {
  return param(name, value, 0, 1, 'hz', { display_min: lo, display_max: hi, log: true })
}

const deviceOn = (): ParameterData => choice('Device On', ['Off', 'On'], 1)

/** Live's Reverb with its main controls. */
export function reverb(name = 'Reverb'): DeviceData {
  return {
    name,
    class_name: 'Reverb',
    type: 2,
    parameters: [
      deviceOn(),
      freq('In LowCut Freq', 0.1),
      freq('In HighCut Freq', 0.75),
      param('Predelay', 0.2, 0, 1, 'ms', { display_min: 0.5, display_max: 250, log: true }),
      param('Decay Time', 0.45, 0, 1, 'ms', { display_min: 200, display_max: 60000, log: true }),
      param('Room Size', 100, 0.22, 500, 'plain'),
      param('Stereo Image', 100, 0, 120, 'degrees'),
      param('Dry/Wet', 1, 0, 1, 'percent', { display_min: 0, display_max: 100 }),
    ],
  }
}

/** Live's Delay. */
export function delay(name = 'Delay'): DeviceData {
  return {
    name,
    class_name: 'Delay',
    type: 2,
    parameters: [
      deviceOn(),
      choice('Link', ['Off', 'On'], 1),
      choice('L Sync', ['Off', 'On'], 1),
      choice('L 16th', ['1', '2', '3', '4', '5', '6', '8', '16'], 2),
      param('Feedback', 0.5, 0, 0.95, 'percent', { display_min: 0, display_max: 95 }),
      freq('Filter Freq', 0.6, 50, 18000),
      param('Dry/Wet', 1, 0, 1, 'percent', { display_min: 0, display_max: 100 }),
    ],
  }
}

/** Live's EQ Eight (first two bands). */
export function eqEight(name = 'EQ Eight'): DeviceData {
  return {
    name,
    class_name: 'Eq8',
    type: 2,
    parameters: [
      deviceOn(),
      choice('1 Filter On A', ['Off', 'On'], 1),
      choice(
        '1 Filter Type A',
        ['LowCut48', 'LowCut12', 'LowShelf', 'Bell', 'Notch', 'HighShelf', 'HighCut12', 'HighCut48'],
        1,
      ),
      freq('1 Frequency A', 0.1, 10, 22000),
      param('1 Gain A', 0, -15, 15, 'db'),
      param('1 Resonance A', 0.71, 0.1, 18, 'plain'),
      choice('2 Filter On A', ['Off', 'On'], 1),
      freq('2 Frequency A', 0.45, 10, 22000),
      param('2 Gain A', -2.5, -15, 15, 'db'),
      param('Output Gain', 0, -12, 12, 'db'),
      param('Scale', 100, -150, 150, 'percent'),
    ],
  }
}

/** Live's Auto Filter. */
export function autoFilter(name = 'Auto Filter'): DeviceData {
  return {
    name,
    class_name: 'AutoFilter',
    type: 2,
    parameters: [
      deviceOn(),
      choice('Filter Type', ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'], 0),
      freq('Frequency', 0.7, 20, 18500),
      param('Resonance', 0.3, 0, 1.25, 'percent', { display_min: 0, display_max: 125 }),
      param('LFO Amount', 0, 0, 30, 'plain'),
      param('LFO Frequency', 1, 0.01, 40, 'hz'),
      param('Dry/Wet', 1, 0, 1, 'percent', { display_min: 0, display_max: 100 }),
    ],
  }
}

/** Live's Operator (a few of its many parameters). */
export function operator(name = 'Operator'): DeviceData {
  return {
    name,
    class_name: 'Operator',
    type: 1,
    parameters: [
      deviceOn(),
      choice('Algorithm', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'], 0),
      param('Oscillator A Level', 0.85, 0, 1, 'volume'),
      choice('Osc-A Wave', ['Sin', 'Sw3', 'Sw4', 'Sw6', 'Sw8', 'Sw16', 'Sw32', 'Sw64', 'SwD', 'Sq3'], 0),
      param('Ae Attack', 0, 0, 1, 'ms', { display_min: 0.1, display_max: 20000, log: true }),
      param('Ae Decay', 0.5, 0, 1, 'ms', { display_min: 1, display_max: 20000, log: true }),
      param('Ae Sustain', 0.85, 0, 1, 'volume'),
      param('Ae Release', 0.4, 0, 1, 'ms', { display_min: 1, display_max: 20000, log: true }),
      freq('Filter Freq', 0.8, 30, 18500),
      param('Filter Res', 0.2, 0, 1.25, 'percent', { display_min: 0, display_max: 125 }),
      param('Volume', 0, -36, 6, 'db'),
      param('Transpose', 0, -48, 48, 'semitones', { is_quantized: true }),
    ],
  }
}

/** Live's Wavetable (class name InstrumentVector). */
export function wavetable(name = 'Wavetable'): DeviceData {
  return {
    name,
    class_name: 'InstrumentVector',
    type: 1,
    parameters: [
      deviceOn(),
      param('Osc 1 Pos', 0.3, 0, 1, 'percent', { display_min: 0, display_max: 100 }),
      param('Osc 1 Gain', 0.85, 0, 1, 'volume'),
      param('Osc 2 Pos', 0.6, 0, 1, 'percent', { display_min: 0, display_max: 100 }),
      choice('Filter 1 Type', ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'], 0),
      freq('Filter 1 Freq', 0.55, 20, 20000),
      param('Filter 1 Res', 0.25, 0, 1, 'percent', { display_min: 0, display_max: 100 }),
      param('Amp Attack', 0.3, 0, 1, 'ms', { display_min: 0.1, display_max: 20000, log: true }),
      param('Amp Release', 0.6, 0, 1, 'ms', { display_min: 1, display_max: 20000, log: true }),
      param('Volume', -12, -70, 6, 'db'),
    ],
  }
}

/** A Simpler holding one drum sample (class OriginalSimpler). */
export function simpler(name: string): DeviceData {
  return {
    name,
    class_name: 'OriginalSimpler',
    type: 1,
    parameters: [
      deviceOn(),
      param('Ve Attack', 0, 0, 1, 'ms', { display_min: 0.1, display_max: 20000, log: true }),
      param('Ve Decay', 0.4, 0, 1, 'ms', { display_min: 1, display_max: 20000, log: true }),
      param('Transpose', 0, -48, 48, 'semitones', { is_quantized: true }),
      param('Volume', -12, -36, 36, 'db'),
    ],
  }
}

/** A Drum Rack with one chain per pad (kick, snare, hats...), with its eight macros. */
export function drumRack(pads: readonly string[], name = 'Drum Rack'): DeviceData {
  return {
    name,
    class_name: 'DrumGroupDevice',
    type: 1,
    can_have_drum_pads: true,
    parameters: [deviceOn(), ...Array.from({ length: 8 }, (_, i) => param(`Macro ${i + 1}`, 0, 0, 127, 'plain'))],
    chains: pads.map((pad, i) => ({
      name: pad,
      color: 0xff94a6 - i * 0x000500,
      mute: false,
      solo: false,
      devices: [simpler(pad)],
    })),
  }
}
