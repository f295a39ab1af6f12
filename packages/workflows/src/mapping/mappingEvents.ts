import type { LiveError } from '@live/protocol'

/** What a running mapping reports: controls moving targets, buttons firing, banks and pages, problems. */
export type MappingEvent =
  | {
      readonly type: 'moved'
      /** The line's index in `mappings`. */
      readonly index: number
      readonly name: string
      readonly control: string
      readonly target: string
      /** The value written, in the target's units. */
      readonly value: number | boolean
      /** The value in words: `-6.0 dB`. */
      readonly display: string
    }
  | {
      readonly type: 'fired'
      readonly index: number
      readonly name: string
      readonly control: string
      readonly target: string
    }
  /** An absolute control that has not reached Live's value yet (soft takeover): positions 0..1. */
  | {
      readonly type: 'pickup'
      readonly index: number
      readonly name: string
      readonly control: number
      readonly live: number
    }
  | { readonly type: 'bank'; readonly tracks: number; readonly scenes: number }
  | { readonly type: 'page'; readonly page: number }
  /** A message no line listens to (what `live map learn` listens for). */
  | { readonly type: 'unmapped'; readonly message: string; readonly bytes: readonly number[] }
  | {
      readonly type: 'error'
      readonly index?: number | undefined
      readonly name?: string | undefined
      readonly error: LiveError
    }

/** One line's state, for a live table. */
export interface MappingRow {
  readonly index: number
  readonly name: string
  /** `CC 7/1`. */
  readonly control: string
  /** `track 8 volume` (at the current bank). */
  readonly target: string
  /** The last value in words. */
  readonly value: string
  /** `binding`, `idle`, `moved`, `pickup` (waiting for the control to reach Live's value), `error`, `off-page`. */
  readonly state: 'binding' | 'idle' | 'moved' | 'pickup' | 'error' | 'off-page'
  /** Why (the error, which way to move for pickup). */
  readonly detail?: string | undefined
  /** When it last moved, in the mapping's clock (ms). */
  readonly movedAt?: number | undefined
}
