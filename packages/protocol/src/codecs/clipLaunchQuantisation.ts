import { CLIP_TRIGGER_QUANTISATION_NAMES } from './clipTriggerQuantisation.js'
import { checkQuantisation, parseQuantisation } from './normaliseQuantisationName.js'

/**
 * Names of a clip's own `Clip.launch_quantization` (Live 11+), indexed by Live's int: 0 = Global (follow the
 * song's clip trigger quantisation), then the song's table shifted by one (1 = None … 14 = 1/32).
 */
export const CLIP_LAUNCH_QUANTISATION_NAMES = ['global', ...CLIP_TRIGGER_QUANTISATION_NAMES] as const

/** A canonical name of a clip's launch quantisation. */
export type ClipLaunchQuantisationName = (typeof CLIP_LAUNCH_QUANTISATION_NAMES)[number]

const WHAT = 'clip launch quantisation'

/**
 * Live's int for a clip's launch quantisation written as a person would ("global", "1 bar", "1/4"), or a checked int.
 *
 * @example
 * parseClipLaunchQuantisation('global') // 0
 * parseClipLaunchQuantisation('1 bar') // 5
 */
export function parseClipLaunchQuantisation(input: string | number): number {
  return parseQuantisation(input, CLIP_LAUNCH_QUANTISATION_NAMES, WHAT)
}

/**
 * The canonical name of a clip's launch quantisation int.
 *
 * @example
 * formatClipLaunchQuantisation(0) // "global"
 * formatClipLaunchQuantisation(5) // "1 bar"
 */
export function formatClipLaunchQuantisation(value: number): ClipLaunchQuantisationName {
  return CLIP_LAUNCH_QUANTISATION_NAMES[
    checkQuantisation(value, CLIP_LAUNCH_QUANTISATION_NAMES, WHAT, 'INVALID_ARGUMENTS')
  ]!
}

/**
 * The song-level clip trigger quantisation a clip launches with: the song's when the clip says Global, else the clip's own.
 *
 * @example
 * resolveClipLaunchQuantisation(0, 4) // 4 (global → the song's 1 bar)
 * resolveClipLaunchQuantisation(8, 4) // 7 (the clip's 1/4)
 */
export function resolveClipLaunchQuantisation(clipValue: number, songValue: number): number {
  checkQuantisation(clipValue, CLIP_LAUNCH_QUANTISATION_NAMES, WHAT, 'INVALID_ARGUMENTS')
  if (clipValue === 0)
    return checkQuantisation(
      songValue,
      CLIP_TRIGGER_QUANTISATION_NAMES,
      'clip trigger quantisation',
      'INVALID_ARGUMENTS',
    )
  return clipValue - 1
}
