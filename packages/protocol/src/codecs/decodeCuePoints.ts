import { LiveError } from '../errors/liveError.js'
import type { OscValue } from '../osc/types.js'

/** A cue point (locator) of the arrangement. */
export interface CuePoint {
  /** The cue point's name. */
  readonly name: string
  /** Its position in beats from the song start. */
  readonly time: number
}

/**
 * A `/live/song/get/cue_points` reply (name, time, name, time, …; empty when there are none) as cue points.
 *
 * @example
 * decodeCuePoints(['Intro', 0, 'Drop', 64]) // [{ name: 'Intro', time: 0 }, { name: 'Drop', time: 64 }]
 */
export function decodeCuePoints(values: readonly OscValue[]): CuePoint[] {
  if (values.length % 2 !== 0) {
    throw new LiveError('DECODE_FAILED', `cue_points reply has ${values.length} values: expected name, time pairs`, {
      details: { length: values.length },
    })
  }
  const cues: CuePoint[] = []
  for (let i = 0; i < values.length; i += 2) {
    const name = values[i]
    const time = values[i + 1]
    if (typeof name !== 'string' || typeof time !== 'number' || !Number.isFinite(time)) {
      throw new LiveError(
        'DECODE_FAILED',
        `cue_points reply: cue ${i / 2} is (${String(name)}, ${String(time)}), expected a name (string) and a time (number)`,
        { details: { index: i / 2, name, time } },
      )
    }
    cues.push({ name, time })
  }
  return cues
}
