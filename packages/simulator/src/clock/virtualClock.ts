import type { Clock } from './clock.js'

/** A clock that only moves when told to: tests advance it by hand and get the same result every run. */
export interface VirtualClock extends Clock {
  /** Moves time forward by `ms`, running every timer that falls due, in time order, including timers they schedule. */
  advance(ms: number): void
}

interface Timer {
  at: number
  seq: number
  fn: () => void
}

/**
 * A deterministic {@link Clock} for tests: timers run only inside `advance()`, ordered by due time then creation.
 *
 * @example
 * const clock = createVirtualClock()
 * clock.setTimer(() => console.log('tick'), 10)
 * clock.advance(10) // logs 'tick'
 */
export function createVirtualClock(startMs = 0): VirtualClock {
  let now = startMs
  let seq = 0
  let timers: Timer[] = []
  return {
    now: () => now,
    setTimer(fn, delayMs) {
      const timer: Timer = { at: now + Math.max(0, delayMs), seq: seq++, fn }
      timers.push(timer)
      return () => {
        timers = timers.filter((t) => t !== timer)
      }
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`advance() needs a non-negative number of ms, got ${ms}`)
      const end = now + ms
      for (;;) {
        let next: Timer | undefined
        for (const t of timers) {
          if (t.at <= end && (next === undefined || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t
        }
        if (next === undefined) break
        const due = next
        timers = timers.filter((t) => t !== due)
        now = due.at
        due.fn()
      }
      now = end
    },
  }
}
