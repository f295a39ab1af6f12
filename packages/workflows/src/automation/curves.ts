import { dbToVolume, MIN_VOLUME_DB, volumeToDb } from '@live/protocol'
import { seededRandom } from '../scheduler/seededRandom.js'

/** Fade curves: `exponential` is linear in dB on volume faders, geometric elsewhere. */
export const FADE_CURVES = ['linear', 'equal-power', 'exponential'] as const
/** One of {@link FADE_CURVES}. */
export type FadeCurve = (typeof FADE_CURVES)[number]

/** LFO wave shapes; `random` is a seeded sample-and-hold, one value per period. */
export const LFO_SHAPES = ['sine', 'triangle', 'square', 'saw', 'random'] as const
/** One of {@link LFO_SHAPES}. */
export type LfoShape = (typeof LFO_SHAPES)[number]

const toDb = (volume: number) => Math.max(MIN_VOLUME_DB, volumeToDb(volume))

/**
 * The value of a fade at progress `p` (0..1) from `from` to `to`.
 *
 * @example
 * fadeValue('linear', 0, 1, 0.5, false) // 0.5
 * fadeValue('exponential', 0.85, 0.7, 0.5, true) // the fader value at -3 dB
 */
export function fadeValue(curve: FadeCurve, from: number, to: number, p: number, isVolume: boolean): number {
  if (p >= 1) return to
  if (p <= 0) return from
  if (curve === 'equal-power') {
    const shape = to >= from ? Math.sin((p * Math.PI) / 2) : 1 - Math.cos((p * Math.PI) / 2)
    return from + (to - from) * shape
  }
  if (curve === 'exponential') {
    if (isVolume) {
      const db = toDb(from) + (toDb(to) - toDb(from)) * p
      return db <= MIN_VOLUME_DB && (from === 0 || to === 0) ? 0 : dbToVolume(db)
    }
    if (from * to > 0) return from * (to / from) ** p
  }
  return from + (to - from) * p
}

/**
 * An LFO wave at `phase` (in periods since the start), in −1..1.
 *
 * @example
 * lfoWave('sine', 0.25, 1) // 1
 * lfoWave('square', 0.75, 1) // -1
 */
export function lfoWave(shape: LfoShape, phase: number, seed: number): number {
  const cycle = Math.floor(phase)
  const f = phase - cycle
  switch (shape) {
    case 'sine':
      return Math.sin(2 * Math.PI * f)
    case 'triangle':
      return f < 0.25 ? 4 * f : f < 0.75 ? 2 - 4 * f : 4 * f - 4
    case 'square':
      return f < 0.5 ? 1 : -1
    case 'saw':
      return 2 * f - 1
    case 'random':
      return seededRandom(seed * 7919 + cycle * 104729 + 1)() * 2 - 1
  }
}
