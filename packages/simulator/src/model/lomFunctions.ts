import type { LomValue } from '@live/protocol'
import { toInt } from './lomNode.js'

/** An object's LOM functions by name, as `LomNode.fns` holds them. */
export type LomFunctions = Record<string, (args: readonly LomValue[]) => LomValue>

/**
 * A LOM function that returns None: runs `fn` and answers `null`, as Live's Python functions do.
 *
 * @example
 * const fns = { stop_playing: returnsNone(() => song.setPlaying(false)) }
 */
export function returnsNone(fn: (args: readonly LomValue[]) => void): (args: readonly LomValue[]) => LomValue {
  return (args) => {
    fn(args)
    return null
  }
}

/** The `index` argument of a Song function (`delete_track(index)`), required. */
export const indexArg = (args: readonly LomValue[]): number => toInt('Song', 'index', args[0] ?? null)

/** The optional `index` argument of a Song function (`create_scene(index=-1)`): −1 when left out. */
export const optionalIndexArg = (args: readonly LomValue[]): number => (args[0] === undefined ? -1 : indexArg(args))
