import { isLiveError } from '@live/protocol'
import { defaultNow, defaultSleep, throwIfAborted } from '../shared/workflow.js'

/** How to build a scheduler. */
export interface SchedulerOptions {
  /** The monotonic time source in ms. @default performance.now */
  now?: (() => number) | undefined
  /** Waits `ms` or until aborted; inject a virtual one in tests. @default a setTimeout sleep with a precise tail */
  sleep?: ((ms: number, signal?: AbortSignal | undefined) => Promise<void>) | undefined
  /** Milliseconds before each deadline where the default sleep stops trusting timers and yields turn by turn. @default 2 with the default sleep, 0 with an injected one */
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
  /** The index of the last tick run (ticks can be skipped when the process falls behind), −1 when none. */
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
  /** Runs `tick(n, dueMs)` at start + n × period; late ticks are skipped to the latest due one, the last is never skipped. */
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
  const spinMs = options.spinMs ?? (options.sleep === undefined ? 2 : 0)

  async function sleepUntil(atMs: number, signal?: AbortSignal | undefined): Promise<void> {
    throwIfAborted(signal, 'scheduler')
    const coarse = atMs - now() - spinMs
    if (coarse > 0) await sleep(coarse, signal)
    if (spinMs <= 0) {
      const left = atMs - now()
      if (left > 0) await sleep(left, signal)
      return
    }
    while (now() < atMs) {
      throwIfAborted(signal, 'scheduler')
      await yieldTurn()
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
    let lastIndex = -1
    for (let n = 0; n < count; n++) {
      if (signal?.aborted) return { ticks, lastIndex, stoppedEarly: true }
      try {
        await sleepUntil(start + n * periodMs, signal)
      } catch (error) {
        if (isLiveError(error, 'ABORTED')) return { ticks, lastIndex, stoppedEarly: true }
        throw error
      }
      // Fallen behind by whole periods: jump to the latest tick already due (but never past the last one).
      const behind = Math.floor((now() - start) / periodMs)
      if (behind > n) n = Math.min(behind, count - 1)
      await tick(n, start + n * periodMs)
      ticks++
      lastIndex = n
    }
    return { ticks, lastIndex, stoppedEarly: false }
  }

  return { now, sleepUntil, every }
}
