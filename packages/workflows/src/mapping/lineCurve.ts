import { dbToVolume, MIN_VOLUME_DB, volumeToDb } from '@live/protocol'
import type { MappingLine } from './midiMapSchema.js'

/** How a line turns a control's 0..1 position into the target's value and back. */
export interface LineCurve {
  /** The value for a position 0..1 (quantised targets rounded). */
  toValue(x: number): number
  /** The position 0..1 a value sits at. */
  toX(value: number): number
  /** The target units one relative tick moves. */
  readonly step: number
  /** The lowest and highest value the line reaches. */
  readonly low: number
  readonly high: number
}

/**
 * The curve of a line on a bound target: its range (default the target's), `db` (even in decibels, the bottom
 * being silence, for volume faders), `invert`, and rounding for quantised parameters.
 *
 * @example
 * lineCurve({ curve: 'db', range: [-60, 6] }, { min: 0, max: 1, quantized: false }).toValue(1) // 1 (+6 dB)
 */
export function lineCurve(
  line: Pick<MappingLine, 'range' | 'curve' | 'invert' | 'step'>,
  target: { readonly min: number; readonly max: number; readonly quantized: boolean; readonly label?: string },
): LineCurve {
  const flip = (x: number) => (line.invert === true ? 1 - x : x)
  const clamp01 = (x: number) => Math.min(1, Math.max(0, x))
  const clampValue = (v: number) => Math.min(target.max, Math.max(target.min, v))
  if (line.curve === 'db') {
    const [lo, hi] = line.range ?? [MIN_VOLUME_DB, volumeToDb(target.max)]
    return {
      toValue: (x) => {
        const p = flip(clamp01(x))
        return p <= 0 ? 0 : clampValue(dbToVolume(lo + p * (hi - lo)))
      },
      toX: (value) => (value <= 0 ? flip(0) : flip(clamp01((volumeToDb(value) - lo) / (hi - lo)))),
      step: line.step ?? (hi - lo) / 127,
      low: 0,
      high: clampValue(dbToVolume(hi)),
    }
  }
  const [lo, hi] = line.range ?? [target.min, target.max]
  const round = (v: number) => (target.quantized ? Math.round(v) : v)
  return {
    toValue: (x) => clampValue(round(lo + flip(clamp01(x)) * (hi - lo))),
    toX: (value) => (hi === lo ? 0 : flip(clamp01((value - lo) / (hi - lo)))),
    step: line.step ?? (target.label === 'tempo' ? 1 : target.quantized ? 1 : (hi - lo) / 127),
    low: Math.min(lo, hi),
    high: Math.max(lo, hi),
  }
}
