import { checkQuantisation, parseQuantisation } from './normaliseQuantisationName.js'

/**
 * Names of `Song.clip_trigger_quantization` (the transport bar's launch quantisation), indexed by Live's int
 * (Live Object Model: 0 = None, 1 = 8 Bars … 4 = 1 Bar, 5 = 1/2 … 13 = 1/32).
 */
export const CLIP_TRIGGER_QUANTISATION_NAMES = [
  'none',
  '8 bars',
  '4 bars',
  '2 bars',
  '1 bar',
  '1/2',
  '1/2T',
  '1/4',
  '1/4T',
  '1/8',
  '1/8T',
  '1/16',
  '1/16T',
  '1/32',
] as const

/** A canonical name of the song's clip trigger quantisation. */
export type ClipTriggerQuantisationName = (typeof CLIP_TRIGGER_QUANTISATION_NAMES)[number]

const WHAT = 'clip trigger quantisation'

/**
 * Live's int for a clip trigger quantisation written as a person would ("1 bar", "8bars", "1/16", "none"), or a checked int.
 *
 * @example
 * parseClipTriggerQuantisation('1 Bar') // 4
 * parseClipTriggerQuantisation('1/16T') // 12
 * parseClipTriggerQuantisation(4) // 4
 */
export function parseClipTriggerQuantisation(input: string | number): number {
  return parseQuantisation(input, CLIP_TRIGGER_QUANTISATION_NAMES, WHAT)
}

/**
 * The canonical name of Live's clip trigger quantisation int.
 *
 * @example
 * formatClipTriggerQuantisation(4) // "1 bar"
 */
export function formatClipTriggerQuantisation(value: number): ClipTriggerQuantisationName {
  return CLIP_TRIGGER_QUANTISATION_NAMES[
    checkQuantisation(value, CLIP_TRIGGER_QUANTISATION_NAMES, WHAT, 'INVALID_ARGUMENTS')
  ]!
}
