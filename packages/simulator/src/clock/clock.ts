/** A source of time and timers, so the engine runs the same on real time and in tests. */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences matter). */
  now(): number
  /** Runs `fn` once after `delayMs`; returns the function that cancels it. */
  setTimer(fn: () => void, delayMs: number): () => void
}

/**
 * The wall clock: `performance.now()` and `setTimeout`, for the UDP server.
 *
 * @example
 * const clock = createRealClock()
 * const cancel = clock.setTimer(() => console.log(clock.now()), 10)
 */
export function createRealClock(): Clock {
  return {
    now: () => performance.now(),
    setTimer(fn, delayMs) {
      const handle = setTimeout(fn, Math.max(0, delayMs))
      // A pending engine timer must not keep a CLI process alive on its own.
      if (typeof handle === 'object' && handle !== null && 'unref' in handle) handle.unref()
      return () => clearTimeout(handle)
    },
  }
}
