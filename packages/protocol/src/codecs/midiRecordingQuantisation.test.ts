import { describe, expect, it } from 'vitest'
import {
  formatMidiRecordingQuantisation,
  MIDI_RECORDING_QUANTISATION_NAMES,
  parseMidiRecordingQuantisation,
} from './midiRecordingQuantisation.js'

describe('MIDI recording quantisation', () => {
  it("matches the Live Object Model's Song.midi_recording_quantization table", () => {
    expect(MIDI_RECORDING_QUANTISATION_NAMES.map((name, i) => `${i}=${name}`)).toEqual([
      '0=none',
      '1=1/4',
      '2=1/8',
      '3=1/8T',
      '4=1/8+1/8T',
      '5=1/16',
      '6=1/16T',
      '7=1/16+1/16T',
      '8=1/32',
    ])
  })

  it('parses names forgivingly', () => {
    expect(parseMidiRecordingQuantisation('None')).toBe(0)
    expect(parseMidiRecordingQuantisation('off')).toBe(0)
    expect(parseMidiRecordingQuantisation('1/4')).toBe(1)
    expect(parseMidiRecordingQuantisation('1/8')).toBe(2)
    expect(parseMidiRecordingQuantisation('1/8t')).toBe(3)
    expect(parseMidiRecordingQuantisation('1/8 + 1/8T')).toBe(4)
    expect(parseMidiRecordingQuantisation('1/8+T')).toBe(4)
    expect(parseMidiRecordingQuantisation('1/16')).toBe(5)
    expect(parseMidiRecordingQuantisation('1/16 triplet')).toBe(6)
    expect(parseMidiRecordingQuantisation('1/16 + 1/16T')).toBe(7)
    expect(parseMidiRecordingQuantisation('1/16 + T')).toBe(7)
    expect(parseMidiRecordingQuantisation('1/32')).toBe(8)
    expect(parseMidiRecordingQuantisation(8)).toBe(8)
  })

  it('rejects values Live does not have', () => {
    expect(() => parseMidiRecordingQuantisation('1 bar')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "1 bar" is not a MIDI recording quantisation: expected one of none, 1/4, 1/8, 1/8T, 1/8+1/8T, 1/16, 1/16T, 1/16+1/16T, 1/32]`,
    )
    expect(() => parseMidiRecordingQuantisation(9)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: MIDI recording quantisation 9 is out of range: Live's values are 0..8 (0 none, 1 1/4, 2 1/8, 3 1/8T, 4 1/8+1/8T, 5 1/16, 6 1/16T, 7 1/16+1/16T, 8 1/32)]`,
    )
  })

  it('formats the canonical name and round-trips', () => {
    expect(formatMidiRecordingQuantisation(4)).toBe('1/8+1/8T')
    for (let i = 0; i < MIDI_RECORDING_QUANTISATION_NAMES.length; i++) {
      expect(parseMidiRecordingQuantisation(formatMidiRecordingQuantisation(i))).toBe(i)
    }
  })
})
