/** Milliseconds before a deadline where the precise waits stop trusting timers (Node timers fire up to ~1 ms early or late). */
export const DEFAULT_SPIN_MS = 1

const immediate: (fn: () => void) => void =
  typeof globalThis.setImmediate === 'function'
    ? (fn) => {
        globalThis.setImmediate(fn)
      }
    : (fn) => {
        setTimeout(fn, 0)
      }

/**
 * A one-shot timer that fires within a fraction of a millisecond on an idle machine: setTimeout until `spinMs` before
 * the deadline, then turn-by-turn setImmediate yields (I/O keeps flowing) until it is due. The yielding tail is
 * bounded: a timer that wakes more than `spinMs` + 1 ms early sleeps again instead of spinning. A deadline already
 * past fires synchronously. Returns the cancel.
 *
 * @example
 * const cancel = preciseTimer(() => output.send([0xf8]), 20.833)
 */
export function preciseTimer(fn: () => void, delayMs: number, spinMs = DEFAULT_SPIN_MS): () => void {
  const due = performance.now() + delayMs
  let cancelled = false
  let handle: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    handle = undefined
    if (cancelled) return
    const left = due - performance.now()
    if (left <= 0) fn()
    else if (left > spinMs + 1) handle = setTimeout(check, left - spinMs)
    else immediate(check)
  }
  check()
  return () => {
    cancelled = true
    if (handle !== undefined) clearTimeout(handle)
  }
}
