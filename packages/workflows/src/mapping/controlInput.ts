import type { MidiEvent } from './controlKey.js'
import type { ControlMode, MappingLine } from './midiMapSchema.js'

/** What one message from a control means, before it meets its target. */
export type ControlInput =
  | { readonly type: 'position'; readonly x: number }
  | { readonly type: 'ticks'; readonly ticks: number }
  | { readonly type: 'press' }
  | { readonly type: 'release' }

/** What a target does with input: takes a value, switches, or fires. */
export type TargetCategory = 'continuous' | 'switch' | 'trigger'

/**
 * The mode a line's control is read in: its own, else what suits the control and the target (faders and knobs
 * absolute; buttons toggle switches and fire triggers; a note on a continuous target is momentary).
 *
 * @example
 * controlMode({ cc: 7 }, 'continuous') // 'absolute'
 */
export function controlMode(control: MappingLine['control'], category: TargetCategory): ControlMode {
  if (control.mode !== undefined) return control.mode
  if (control.pitchBend !== undefined) return 'absolute'
  if (control.program !== undefined) return 'trigger'
  if (category === 'switch') return 'toggle'
  if (category === 'trigger') return 'trigger'
  return control.note !== undefined ? 'momentary' : 'absolute'
}

/**
 * Decodes a relative encoder's value into signed ticks, in its form: two's complement (1 = +1, 127 = −1),
 * sign bit (1 = +1, 65 = −1) or binary offset (65 = +1, 63 = −1).
 *
 * @example
 * relativeTicks('relative-twos-complement', 126) // -2
 */
export function relativeTicks(mode: ControlMode, value: number): number {
  if (mode === 'relative-twos-complement') return value >= 64 ? value - 128 : value
  if (mode === 'relative-sign-bit') return value >= 64 ? -(value - 64) : value
  return value - 64
}

/** Reads one event in a mode: a position, ticks, or a press or release. */
export function readControl(mode: ControlMode, event: MidiEvent): ControlInput {
  if (mode === 'absolute') {
    const x = event.kind === 'pitchBend' ? event.value / 16383 : event.value / 127
    return { type: 'position', x }
  }
  if (mode === 'relative-twos-complement' || mode === 'relative-sign-bit' || mode === 'relative-bin-offset') {
    return { type: 'ticks', ticks: relativeTicks(mode, event.value) }
  }
  if (event.kind === 'program') return { type: 'press' }
  return event.value > 0 ? { type: 'press' } : { type: 'release' }
}
