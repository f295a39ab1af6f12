import { LiveError } from '../errors/liveError.js'
import { CLIP_TRIGGER_QUANTISATION_NAMES } from './clipTriggerQuantisation.js'
import { checkQuantisation } from './normaliseQuantisationName.js'
import { checkSignature } from './parseSignature.js'

/*
 * Live counts song time in beats that are quarter notes whatever the time signature, so a bar lasts
 * numerator × 4 / denominator beats (6/8: 3 beats). Bar quantisations follow the bar; note-value
 * quantisations (1/2 … 1/32, T = triplet, 2/3 of the straight value) are fixed lengths in quarter notes.
 */

/** Length of each clip trigger quantisation in bars (`bars`) or in quarter-note beats (`beats`); `none` is 0. */
const LENGTHS: readonly ({ bars: number } | { beats: number })[] = [
  { beats: 0 },
  { bars: 8 },
  { bars: 4 },
  { bars: 2 },
  { bars: 1 },
  { beats: 2 },
  { beats: 4 / 3 },
  { beats: 1 },
  { beats: 2 / 3 },
  { beats: 1 / 2 },
  { beats: 1 / 3 },
  { beats: 1 / 4 },
  { beats: 1 / 6 },
  { beats: 1 / 8 },
]

/**
 * The grid, in beats (quarter notes), that a clip trigger quantisation snaps launches to under a time signature; 0 for none.
 *
 * @example
 * quantisationBeats(4, 4, 4) // 4 (1 bar of 4/4)
 * quantisationBeats(4, 6, 8) // 3 (1 bar of 6/8)
 * quantisationBeats(8, 4, 4) // 0.6666… (1/4T)
 */
export function quantisationBeats(value: number, numerator: number, denominator: number): number {
  checkQuantisation(value, CLIP_TRIGGER_QUANTISATION_NAMES, 'clip trigger quantisation', 'INVALID_ARGUMENTS')
  checkSignature(numerator, denominator)
  const length = LENGTHS[value]
  if (length === undefined) throw new LiveError('INTERNAL', `no length for clip trigger quantisation ${value}`)
  return 'bars' in length ? (length.bars * numerator * 4) / denominator : length.beats
}
