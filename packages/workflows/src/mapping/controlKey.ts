import type { Control } from './midiMapSchema.js'

/** One channel message, decoded: what a mapping line listens for. */
export interface MidiEvent {
  /** `cc`, `note` (on, or off with `value` 0), `pitchBend` or `program`. */
  readonly kind: 'cc' | 'note' | 'pitchBend' | 'program'
  /** Channel 1..16. */
  readonly channel: number
  /** CC or note number, program number (0 for pitch bend). */
  readonly number: number
  /** 0..127 (velocity, CC value; 0 for note off), 0..16383 for pitch bend, the program for a program change. */
  readonly value: number
}

/**
 * Decodes one MIDI message (`[status, data1, data2]`); undefined for what no mapping uses (clock, sysex, pressure).
 *
 * @example
 * decodeMidi([0xb0, 7, 100]) // { kind: 'cc', channel: 1, number: 7, value: 100 }
 */
export function decodeMidi(bytes: readonly number[]): MidiEvent | undefined {
  const status = bytes[0]
  if (status === undefined || status < 0x80 || status >= 0xf0) return undefined
  const channel = (status & 0x0f) + 1
  const a = (bytes[1] ?? 0) & 0x7f
  const b = (bytes[2] ?? 0) & 0x7f
  switch (status & 0xf0) {
    case 0x80:
      return { kind: 'note', channel, number: a, value: 0 }
    case 0x90:
      return { kind: 'note', channel, number: a, value: b }
    case 0xb0:
      return { kind: 'cc', channel, number: a, value: b }
    case 0xc0:
      return { kind: 'program', channel, number: a, value: a }
    case 0xe0:
      return { kind: 'pitchBend', channel, number: 0, value: a | (b << 7) }
    default:
      return undefined
  }
}

/** The key lines are looked up by: kind, channel, number (programs are told apart by the line). */
export function eventKey(kind: MidiEvent['kind'], channel: number, number: number): string {
  return kind === 'cc' || kind === 'note' ? `${kind}:${channel}:${number}` : `${kind}:${channel}`
}

/** The key of a control, its channel defaulted from the file's. */
export function controlKey(control: Control, fileChannel?: number | undefined): string {
  const channel = control.channel ?? fileChannel ?? 1
  if (control.cc !== undefined) return eventKey('cc', channel, control.cc)
  if (control.note !== undefined) return eventKey('note', channel, control.note)
  if (control.pitchBend !== undefined) return eventKey('pitchBend', channel, 0)
  return `${eventKey('program', channel, 0)}:${String(control.program)}`
}

/**
 * Words for a control: `CC 7/1`, `note 36/10`, `pitch bend/1`, `program 3/1` (number/channel).
 *
 * @example
 * describeControl({ cc: 7, channel: 2 }) // 'CC 7/2'
 */
export function describeControl(control: Control, fileChannel?: number | undefined): string {
  const channel = control.channel ?? fileChannel ?? 1
  if (control.cc !== undefined) return `CC ${control.cc}/${channel}`
  if (control.note !== undefined) return `note ${control.note}/${channel}`
  if (control.pitchBend !== undefined) return `pitch bend/${channel}`
  return `program ${String(control.program)}/${channel}`
}

/** Words for a decoded event: `CC 7/1 = 100`. */
export function describeEvent(event: MidiEvent): string {
  if (event.kind === 'cc') return `CC ${event.number}/${event.channel} = ${event.value}`
  if (event.kind === 'note')
    return `note ${event.number}/${event.channel} ${event.value > 0 ? `on ${event.value}` : 'off'}`
  if (event.kind === 'pitchBend') return `pitch bend/${event.channel} = ${event.value}`
  return `program ${event.number}/${event.channel}`
}

/** A message that sets a control's LED or motor fader: CC, note on (velocity 0 for off), pitch bend. */
export function encodeFeedback(control: Control, fileChannel: number | undefined, value: number): number[] | undefined {
  const status = (control.channel ?? fileChannel ?? 1) - 1
  const v = Math.max(0, Math.min(127, Math.round(value)))
  if (control.cc !== undefined) return [0xb0 | status, control.cc, v]
  if (control.note !== undefined) return [0x90 | status, control.note, v]
  return undefined
}

/** A pitch bend message at a 0..1 position (motor faders that take pitch bend). */
export function encodePitchBend(control: Control, fileChannel: number | undefined, x: number): number[] {
  const value = Math.max(0, Math.min(16383, Math.round(x * 16383)))
  return [0xe0 | ((control.channel ?? fileChannel ?? 1) - 1), value & 0x7f, value >> 7]
}
