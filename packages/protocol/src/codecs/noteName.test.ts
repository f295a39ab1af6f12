import { describe, expect, it } from 'vitest'
import { noteName, parseNoteName } from './noteName.js'

describe('noteName', () => {
  it("names notes in Live's convention (60 = C3) with sharps", () => {
    expect(noteName(60)).toBe('C3')
    expect(noteName(61)).toBe('C#3')
    expect(noteName(69)).toBe('A3')
    expect(noteName(59)).toBe('B2')
    expect(noteName(36)).toBe('C1')
    expect(noteName(24)).toBe('C0')
    expect(noteName(12)).toBe('C-1')
    expect(noteName(0)).toBe('C-2')
    expect(noteName(11)).toBe('B-2')
    expect(noteName(127)).toBe('G8')
  })

  it('rejects numbers outside MIDI', () => {
    expect(() => noteName(128)).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: pitch 128 is out of range: MIDI notes are integers 0..127 (C-2..G8)]`,
    )
    expect(() => noteName(60.5)).toThrow('pitch 60.5 is out of range')
  })
})

describe('parseNoteName', () => {
  it('reads names with sharps, flats and negative octaves in any case', () => {
    expect(parseNoteName('C3')).toBe(60)
    expect(parseNoteName('c3')).toBe(60)
    expect(parseNoteName('C#3')).toBe(61)
    expect(parseNoteName('Db3')).toBe(61)
    expect(parseNoteName('C♯3')).toBe(61)
    expect(parseNoteName('D♭3')).toBe(61)
    expect(parseNoteName('Cb3')).toBe(59)
    expect(parseNoteName('B#2')).toBe(60)
    expect(parseNoteName('C-2')).toBe(0)
    expect(parseNoteName('Bb-1')).toBe(22)
    expect(parseNoteName('G8')).toBe(127)
    expect(parseNoteName(' A3 ')).toBe(69)
  })

  it('accepts plain note numbers', () => {
    expect(parseNoteName('64')).toBe(64)
    expect(parseNoteName('0')).toBe(0)
  })

  it('round-trips noteName for every MIDI note', () => {
    for (let pitch = 0; pitch <= 127; pitch++) expect(parseNoteName(noteName(pitch))).toBe(pitch)
  })

  it('rejects other text and notes outside MIDI', () => {
    expect(() => parseNoteName('H3')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: "H3" is not a note: expected a name like C3 (= 60), F#1, Bb-1, or 0..127]`,
    )
    expect(() => parseNoteName('G#8')).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: note "G#8" is out of range: MIDI notes run from C-2 (0) to G8 (127)]`,
    )
    expect(() => parseNoteName('Cb-2')).toThrow('note "Cb-2" is out of range')
    expect(() => parseNoteName('128')).toThrow('note "128" is out of range')
    expect(() => parseNoteName('C')).toThrow('"C" is not a note')
  })
})
