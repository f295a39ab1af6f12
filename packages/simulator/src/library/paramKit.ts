import type { ParameterData } from '../model/schema.js'
import { choice, freq, param } from '../sets/devices.js'

/**
 * Compact constructors for the native-device tables. Most continuous parameters of Live's own
 * devices are normalised 0..1 at the LOM (`min` 0, `max` 1) whatever the panel shows: measured on a
 * Reverb by fadebender (mantisbikr/fadebender backups/database_backups, Live 12) and on Drum Sampler
 * and Simpler ("continuous ones are normalized 0..1 at the LOM; Transpose is the exception at
 * −48..48"). The display range (what `str_for_value` shows) is given separately.
 */

const OFF_ON = ['Off', 'On'] as const

/** "Device On", every device's first parameter. */
export const on = (): ParameterData => choice('Device On', OFF_ON, 1)
/** An Off/On switch. */
export const sw = (name: string, isOn = false): ParameterData => choice(name, OFF_ON, isOn ? 1 : 0)
/** A quantised parameter with named steps. */
export const q = (name: string, items: readonly string[], index = 0): ParameterData => choice(name, items, index)
/** 0..1 shown as 0..`max` % (or `lo`..`max` %). */
export const pct = (name: string, value: number, max = 100, lo = 0): ParameterData =>
  param(name, value, 0, 1, 'percent', { display_min: lo, display_max: max })
/** 0..1 shown in Hz over `lo`..`hi` (log). */
export const hz = (name: string, value: number, lo = 20, hi = 20000): ParameterData => freq(name, value, lo, hi)
/** 0..1 shown in ms over `lo`..`hi` (log). */
export const ms = (name: string, value: number, lo: number, hi: number): ParameterData =>
  param(name, value, 0, 1, 'ms', { display_min: lo, display_max: hi, log: true })
/** A parameter in dB units at the LOM (`min`..`max` are dB). */
export const db = (name: string, value: number, min: number, max: number): ParameterData =>
  param(name, value, min, max, 'db')
/** 0..1 shown in dB over `lo`..`hi` (linear in dB). */
export const dbn = (name: string, value: number, lo: number, hi: number): ParameterData =>
  param(name, value, 0, 1, 'db', { display_min: lo, display_max: hi })
/** Whole semitones at the LOM, quantised. */
export const st = (name: string, value: number, min: number, max: number): ParameterData =>
  param(name, value, min, max, 'semitones', { is_quantized: true })
/** A plain number at the LOM. */
export const num = (name: string, value: number, min: number, max: number): ParameterData =>
  param(name, value, min, max)
/** A ratio shown as `x : 1`. */
export const ratio = (name: string, value: number, min: number, max: number): ParameterData =>
  param(name, value, min, max, 'ratio')
/** A mixer-style gain fader (0..1, 0.85 = 0 dB). */
export const vol = (name: string, value = 0.85): ParameterData => param(name, value, 0, 1, 'volume')
/** Eight (or sixteen) rack macros, 0..127 as Live's racks report them. */
export const macros = (count = 16): ParameterData[] =>
  Array.from({ length: count }, (_, i) => param(`Macro ${i + 1}`, 0, 0, 127))
/** Synced rates Live offers (1/64 .. 8 bars) [guess: the list's exact items]. */
export const SYNC_RATES = ['1/64', '1/32', '1/16', '1/8', '1/4', '1/2', '1', '2', '4', '8'] as const
/** A whole number at the LOM, quantised (steps, notes, counts). */
export const int = (name: string, value: number, min: number, max: number): ParameterData =>
  param(name, value, min, max, 'plain', { is_quantized: true })
