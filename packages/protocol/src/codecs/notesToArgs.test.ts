import { describe, expect, it } from 'vitest'
import { argsToNotes, type Note, notesToArgs, sortNotes } from './notesToArgs.js'

const c3: Note = { pitch: 60, start: 0, duration: 0.5, velocity: 100, mute: false }
const kick: Note = { pitch: 36, start: 1, duration: 0.25, velocity: 127, mute: true }

describe('notesToArgs', () => {
  it("writes five values per note in AbletonOSC's order", () => {
    expect(notesToArgs([c3, kick])).toEqual([60, 0, 0.5, 100, false, 36, 1, 0.25, 127, true])
    expect(notesToArgs([])).toEqual([])
  })

  it('accepts what Live accepts: negative starts, velocity 0 and 127, pitch 0 and 127, float velocity', () => {
    expect(notesToArgs([{ pitch: 0, start: -2, duration: 0.001, velocity: 0, mute: false }])).toEqual([
      0,
      -2,
      0.001,
      0,
      false,
    ])
    expect(notesToArgs([{ pitch: 127, start: 3.75, duration: 16, velocity: 64.5, mute: true }])).toEqual([
      127,
      3.75,
      16,
      64.5,
      true,
    ])
  })

  it('names the note, field, value and range it rejects', () => {
    expect(() => notesToArgs([c3, { ...c3, pitch: 128 }])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: note 1: pitch 128 is out of range: an integer 0..127]`,
    )
    expect(() => notesToArgs([{ ...c3, pitch: 60.5 }])).toThrow('note 0: pitch 60.5 is out of range')
    expect(() => notesToArgs([{ ...c3, pitch: -1 }])).toThrow('note 0: pitch -1 is out of range')
    expect(() => notesToArgs([{ ...c3, duration: 0 }])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: note 0: duration 0 is out of range: a number of beats above 0]`,
    )
    expect(() => notesToArgs([{ ...c3, duration: -1 }])).toThrow('note 0: duration -1 is out of range')
    expect(() => notesToArgs([{ ...c3, velocity: 128 }])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: note 0: velocity 128 is out of range: 0..127]`,
    )
    expect(() => notesToArgs([{ ...c3, velocity: -1 }])).toThrow('note 0: velocity -1 is out of range')
    expect(() => notesToArgs([{ ...c3, start: Number.NaN }])).toThrowErrorMatchingInlineSnapshot(
      `[LiveError: INVALID_ARGUMENTS: note 0: start NaN is out of range: a finite number of beats]`,
    )
    expect(() => notesToArgs([{ ...c3, mute: 0 as unknown as boolean }])).toThrow(
      'note 0: mute 0 is out of range: true or false',
    )
  })
})

describe('argsToNotes', () => {
  it('reads groups of five, with T/F or 0/1 for mute', () => {
    expect(argsToNotes([60, 0, 0.5, 100, false, 36, 1, 0.25, 127, true])).toEqual([c3, kick])
    expect(argsToNotes([60, 0, 0.5, 100, 0])).toEqual([c3])
    expect(argsToNotes([36, 1, 0.25, 127, 1])).toEqual([kick])
    expect(argsToNotes([])).toEqual([])
  })

  it('keeps the float32 values the server sent', () => {
    expect(argsToNotes([64, 0.3333333432674408, 0.10000000149011612, 64, false])).toEqual([
      { pitch: 64, start: 0.3333333432674408, duration: 0.10000000149011612, velocity: 64, mute: false },
    ])
  })

  it('round-trips notesToArgs', () => {
    expect(argsToNotes(notesToArgs([c3, kick]))).toEqual([c3, kick])
  })

  it('fails on a partial group', () => {
    expect(() => argsToNotes([60, 0, 0.5, 100, false, 61])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: DECODE_FAILED: notes reply has 6 values, which is not a whole number of 5-value notes
        Expected groups of 5: pitch (int), start (float), duration (float), velocity (float), mute (T/F).]
    `)
  })

  it('fails on a value of the wrong type', () => {
    expect(() => argsToNotes([60, '0', 0.5, 100, false])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: DECODE_FAILED: note 0: start is "0", expected a number
        Expected groups of 5: pitch (int), start (float), duration (float), velocity (float), mute (T/F).]
    `)
    expect(() => argsToNotes([60, 0, 0.5, 100, false, 60.5, 0, 1, 100, false])).toThrow(
      'note 1: pitch 60.5 is out of range: expected an integer 0..127',
    )
    expect(() => argsToNotes([200, 0, 0.5, 100, false])).toThrow('note 0: pitch 200 is out of range')
    expect(() => argsToNotes([60, 0, null, 100, false])).toThrow('note 0: duration is nil, expected a number')
    expect(() => argsToNotes([60, 0, 0.5, true, false])).toThrow('note 0: velocity is true, expected a number')
    expect(() => argsToNotes([60, 0, 0.5, 100, 'F'])).toThrow('note 0: mute is "F", expected T/F')
  })
})

describe('sortNotes', () => {
  it('orders by pitch, then start, as Live returns them, without touching the input', () => {
    const notes: Note[] = [
      { ...c3, start: 2 },
      { ...kick, start: 3 },
      { ...c3, start: 1 },
      { ...kick, start: 0 },
      { ...c3, pitch: 48, start: 5 },
    ]
    const sorted = sortNotes(notes)
    expect(sorted.map((n) => [n.pitch, n.start])).toEqual([
      [36, 0],
      [36, 3],
      [48, 5],
      [60, 1],
      [60, 2],
    ])
    expect(notes.map((n) => n.pitch)).toEqual([60, 36, 60, 36, 48])
  })

  it('keeps equal notes in their original order', () => {
    const a = { pitch: 60, start: 0, tag: 'a' }
    const b = { pitch: 60, start: 0, tag: 'b' }
    expect(sortNotes([b, a]).map((n) => n.tag)).toEqual(['b', 'a'])
  })
})
