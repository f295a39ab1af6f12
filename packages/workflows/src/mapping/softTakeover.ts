/** Where an absolute control and its target stand, for soft takeover. */
export interface TakeoverState {
  /** The control moves the target (it has met Live's value since the last change from elsewhere). */
  engaged: boolean
  /** The control's last position 0..1, if it has moved. */
  control: number | undefined
  /** Where Live's value sits, 0..1, if known. */
  live: number | undefined
}

/** Positions closer than this (a little over one CC step) count as met. */
export const PICKUP_TOLERANCE = 1.5 / 127

/**
 * Soft takeover ("pick-up"): a control that is not engaged moves nothing until it reaches Live's value, or
 * crosses it between two messages; then it engages and moves the value from there. Returns whether this
 * position may be written; updates the state.
 *
 * @example
 * const state = { engaged: false, control: undefined, live: 0.5 }
 * pickUp(state, 0.2) // false: the fader is below Live's value
 * pickUp(state, 0.6) // true: it crossed 0.5 on the way up
 */
export function pickUp(state: TakeoverState, x: number): boolean {
  const previous = state.control
  state.control = x
  if (state.engaged) return true
  const live = state.live
  const met =
    live === undefined ||
    Math.abs(x - live) <= PICKUP_TOLERANCE ||
    (previous !== undefined && (previous - live) * (x - live) <= 0)
  if (met) state.engaged = true
  return met
}

/** Live's value moved: from this mapping's own write (an echo) it stays engaged; from elsewhere it lets go. */
export function liveMoved(state: TakeoverState, x: number, echo: boolean): void {
  state.live = x
  if (!echo && state.control !== undefined && Math.abs(state.control - x) > PICKUP_TOLERANCE) state.engaged = false
}
