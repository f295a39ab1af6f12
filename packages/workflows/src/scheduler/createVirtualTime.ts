import { LiveError } from '@live/protocol'

/** A time source that only moves when every sleeper is waiting: deterministic timing for tests and dry runs. */
export interface VirtualTime {
  /** Virtual milliseconds. */
  now(): number
  /** Resolves when virtual time reaches now + ms (time jumps there once the event loop is idle). */
  sleep(ms: number, signal?: AbortSignal | undefined): Promise<void>
  /** Runs `fn` after `delayMs` virtual ms; returns the cancel. */
  schedule(fn: () => void, delayMs: number): () => void
}

interface Timer {
  at: number
  seq: number
  fn: () => void
}

/**
 * Creates a virtual time source: sleeps and timers fire in time order, and time jumps straight to the next one
 * after a few idle turns of the event loop (so real I/O in between still completes). `onAdvance` mirrors each jump
 * (e.g. onto the simulator's VirtualClock).
 *
 * @example
 * const time = createVirtualTime()
 * await fade(live, { target, to: 0, durationMs: 1000 }, { now: time.now, sleep: time.sleep })
 */
export function createVirtualTime(
  startMs = 0,
  options: { onAdvance?: ((ms: number) => void) | undefined; idleTurns?: number | undefined } = {},
): VirtualTime {
  let now = startMs
  let seq = 0
  let timers: Timer[] = []
  let pumping = false
  const idleTurns = options.idleTurns ?? 3
  const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

  async function pump(): Promise<void> {
    if (pumping) return
    pumping = true
    try {
      while (timers.length > 0) {
        for (let i = 0; i < idleTurns; i++) await turn()
        let next: Timer | undefined
        for (const t of timers)
          if (next === undefined || t.at < next.at || (t.at === next.at && t.seq < next.seq)) next = t
        if (next === undefined) break
        const due = next
        timers = timers.filter((t) => t !== due)
        if (due.at > now) {
          options.onAdvance?.(due.at - now)
          now = due.at
        }
        due.fn()
      }
    } finally {
      pumping = false
    }
  }

  function schedule(fn: () => void, delayMs: number): () => void {
    const timer: Timer = { at: now + Math.max(0, delayMs), seq: seq++, fn }
    timers.push(timer)
    void pump()
    return () => {
      timers = timers.filter((t) => t !== timer)
    }
  }

  function sleep(ms: number, signal?: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const aborted = () => new LiveError('ABORTED', 'stopped while waiting', { cause: signal?.reason })
      if (signal?.aborted) {
        reject(aborted())
        return
      }
      const onAbort = () => {
        cancel()
        reject(aborted())
      }
      const cancel = schedule(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  return { now: () => now, sleep, schedule }
}
