import { LiveError } from '@live/protocol'

/** How fast `udp()` may send: a token bucket of `maxDatagrams` refilled evenly over `windowMs`. */
export interface PacingOptions {
  /**
   * Datagrams allowed per window, and the largest burst. A bundle is one datagram.
   * @default 64
   */
  maxDatagrams?: number | undefined
  /**
   * The window in ms: AbletonOSC reads its socket once per ~100 ms tick.
   * @default 100
   */
  windowMs?: number | undefined
}

/** Default pacing for AbletonOSC (and a server not yet known): 64 datagrams per 100 ms tick (see the README for why). */
export const defaultPacing = { maxDatagrams: 64, windowMs: 100 } as const

/** Hands out send slots in order; `cancel` rejects everyone waiting. */
export interface Pacer {
  /** Resolves when the next datagram may go. Call it for one datagram at a time. */
  take(): Promise<void>
  /** Rejects the waiting `take()` with `error` and stops the timer. */
  cancel(error: Error): void
  /** Lets the waiting `take()` through at once (pacing was lifted while it waited). */
  release(): void
}

/**
 * A token bucket: a burst of up to `maxDatagrams` goes at once, then one datagram every
 * `windowMs / maxDatagrams` ms. `false` turns pacing off.
 *
 * @example
 * const pacer = createPacer({ maxDatagrams: 64, windowMs: 100 })
 * await pacer.take()
 * socket.send(bytes)
 */
export function createPacer(options: PacingOptions | false, now: () => number = () => performance.now()): Pacer {
  if (options === false) return { take: () => Promise.resolve(), cancel: () => {}, release: () => {} }
  const capacity = options.maxDatagrams ?? defaultPacing.maxDatagrams
  const windowMs = options.windowMs ?? defaultPacing.windowMs
  if (!(capacity >= 1) || !(windowMs > 0)) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `pacing needs maxDatagrams >= 1 and windowMs > 0, got ${capacity} and ${windowMs}`,
      {
        metaMessages: ['Pass e.g. { maxDatagrams: 64, windowMs: 100 }, or pacing: false to send without pacing.'],
      },
    )
  }
  const msPerToken = windowMs / capacity
  let tokens = capacity
  let last = now()
  let waiting: { timer: ReturnType<typeof setTimeout>; resolve: () => void; reject: (error: Error) => void } | undefined

  function refill(): void {
    const time = now()
    tokens = Math.min(capacity, tokens + (time - last) / msPerToken)
    last = time
  }

  return {
    take() {
      refill()
      if (tokens >= 1) {
        tokens -= 1
        return Promise.resolve()
      }
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => {
            waiting = undefined
            refill()
            tokens = Math.max(0, tokens - 1)
            resolve()
          },
          Math.ceil((1 - tokens) * msPerToken),
        )
        waiting = { timer, resolve, reject }
      })
    },
    cancel(error) {
      if (!waiting) return
      clearTimeout(waiting.timer)
      waiting.reject(error)
      waiting = undefined
    },
    release() {
      if (!waiting) return
      clearTimeout(waiting.timer)
      waiting.resolve()
      waiting = undefined
    },
  }
}
