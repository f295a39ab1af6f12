import { isLiveError } from '@live/protocol'
import { defaultNow, defaultSleep, throwIfAborted } from '../shared/workflow.js'
import { DEFAULT_SPIN_MS } from './preciseTimer.js'

/** How to build a scheduler. */
export interface SchedulerOptions {
  /** The monotonic time source in ms. @default performance.now */
  now?: (() => number) | undefined
  /** Waits `ms` or until aborted; inject a virtual one in tests. @default a setTimeout sleep with a precise tail */
  sleep?: ((ms: number, signal?: AbortSignal | undefined) => Promise<void>) | undefined
  /** Milliseconds before each deadline where the default sleep stops trusting timers and yields turn by turn. @default 1 with the default sleep, 0 with an injected one */
  spinMs?: number | undefined
}

/** Options of {@link Scheduler.every}. */
export interface EveryOptions {
  /** Milliseconds between ticks. */
  periodMs: number
  /** Ticks in all (tick 0 runs at `startMs`). @default Infinity (until aborted) */
  count?: number | undefined
  /** When tick 0 is due, on the scheduler's clock. @default now() */
  startMs?: number | undefined
  /** Stops the ticks; `every` then resolves with `stoppedEarly: true`. */
  signal?: AbortSignal | undefined
}

/** How a run of ticks ended. */
export interface EveryResult {
  /** Ticks that ran. */
  readonly ticks: number
  /** The index of the last tick run (ticks are never skipped, so `ticks − 1`), −1 when none. */
  readonly lastIndex: number
  /** True when the signal stopped it before `count`. */
  readonly stoppedEarly: boolean
}

/** A drift-free scheduler: each deadline is start + n × period on one monotonic clock, never a chain of sleeps. */
export interface Scheduler {
  /** The scheduler's clock. */
  readonly now: () => number
  /** Resolves at `atMs` on the scheduler's clock; rejects ABORTED when the signal fires first. */
  sleepUntil(atMs: number, signal?: AbortSignal | undefined): Promise<void>
  /** Runs `tick(n, dueMs)` at start + n × period; a late tick runs at once (never skipped) and the next keeps its own deadline. */
  every(options: EveryOptions, tick: (n: number, dueMs: number) => void | Promise<void>): Promise<EveryResult>
}

const yieldTurn: () => Promise<void> =
  typeof globalThis.setImmediate === 'function'
    ? () => new Promise((resolve) => globalThis.setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Creates a drift-free scheduler over a time source: deadlines never accumulate the lateness of timers.
 *
 * @example
 * const scheduler = createScheduler()
 * await scheduler.every({ periodMs: 10, count: 100 }, (n) => live.track(0).volume.set(n / 100))
 */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const now = options.now ?? defaultNow
  const sleep = options.sleep ?? defaultSleep
  const spinMs = options.spinMs ?? (options.sleep === undefined ? DEFAULT_SPIN_MS : 0)

  async function sleepUntil(atMs: number, signal?: AbortSignal | undefined): Promise<void> {
    throwIfAborted(signal, 'scheduler')
    if (spinMs <= 0) {
      const left = atMs - now()
      if (left > 0) await sleep(left, signal)
      return
    }
    // Timers wake up to ~1 ms off: sleep until spinMs before the deadline, then yield turn by turn. The yielding
    // tail is bounded: a wake more than spinMs + 1 ms early sleeps again rather than spinning.
    for (;;) {
      const left = atMs - now()
      if (left <= 0) return
      if (left > spinMs + 1) await sleep(left - spinMs, signal)
      else {
        throwIfAborted(signal, 'scheduler')
        await yieldTurn()
      }
    }
  }

  async function every(
    options: EveryOptions,
    tick: (n: number, dueMs: number) => void | Promise<void>,
  ): Promise<EveryResult> {
    const { periodMs, signal } = options
    const count = options.count ?? Number.POSITIVE_INFINITY
    const start = options.startMs ?? now()
    let ticks = 0
    for (let n = 0; n < count; n++) {
      if (signal?.aborted) return { ticks, lastIndex: ticks - 1, stoppedEarly: true }
      // Deadlines come from the start, never from the previous wake: a late tick runs at once and the next one
      // still falls on the grid (or at once too, when it is already due). Nothing is skipped.
      const dueMs = start + n * periodMs
      try {
        await sleepUntil(dueMs, signal)
      } catch (error) {
        if (isLiveError(error, 'ABORTED')) return { ticks, lastIndex: ticks - 1, stoppedEarly: true }
        throw error
      }
      await tick(n, dueMs)
      ticks++
    }
    return { ticks, lastIndex: ticks - 1, stoppedEarly: false }
  }

  return { now, sleepUntil, every }
}
