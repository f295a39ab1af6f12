import { checkQuantisation, parseQuantisation } from './normaliseQuantisationName.js'

/**
 * Names of `Song.midi_recording_quantization` (Edit > Record Quantization), indexed by Live's int
 * (Live Object Model: 0 = None, 1 = 1/4, 2 = 1/8, 3 = 1/8T, 4 = 1/8 + 1/8T … 8 = 1/32).
 */
export const MIDI_RECORDING_QUANTISATION_NAMES = [
  'none',
  '1/4',
  '1/8',
  '1/8T',
  '1/8+1/8T',
  '1/16',
  '1/16T',
  '1/16+1/16T',
  '1/32',
] as const

/** A canonical name of the MIDI recording quantisation. */
export type MidiRecordingQuantisationName = (typeof MIDI_RECORDING_QUANTISATION_NAMES)[number]

const WHAT = 'MIDI recording quantisation'

/** "1/8 + T" is how Live's menu abbreviates "1/8 + 1/8T". */
const aliases: Readonly<Record<string, number>> = { '1/8+t': 4, '1/16+t': 7 }

/**
 * Live's int for a MIDI recording quantisation written as a person would ("1/16", "1/8 + 1/8T", "off"), or a checked int.
 *
 * @example
 * parseMidiRecordingQuantisation('1/16') // 5
 * parseMidiRecordingQuantisation('1/8 + 1/8T') // 4
 */
export function parseMidiRecordingQuantisation(input: string | number): number {
  return parseQuantisation(input, MIDI_RECORDING_QUANTISATION_NAMES, WHAT, aliases)
}

/**
 * The canonical name of Live's MIDI recording quantisation int.
 *
 * @example
 * formatMidiRecordingQuantisation(5) // "1/16"
 */
export function formatMidiRecordingQuantisation(value: number): MidiRecordingQuantisationName {
  return MIDI_RECORDING_QUANTISATION_NAMES[
    checkQuantisation(value, MIDI_RECORDING_QUANTISATION_NAMES, WHAT, 'INVALID_ARGUMENTS')
  ]!
}
