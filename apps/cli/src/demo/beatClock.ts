import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'

/** Follows Live's beat listener and wakes waiters when a beat arrives. */
export interface BeatClock {
  /** The last beat Live reported (-1 before the first). */
  readonly beat: number
  /** Resolves once Live's song time reaches `beat` (a quarter note count from 0). */
  until(beat: number, signal: AbortSignal): Promise<void>
  /** Calls `onBeat` on every beat; returns the unsubscribe. */
  onBeat(handler: (beat: number) => void): () => void
  /** Stops listening. */
  stop(): void
}

/**
 * Watches `/live/song/get/beat` through the client, so the demo acts on Live's clock, not its own.
 *
 * @example
 * const clock = createBeatClock(live)
 * await clock.until(8, signal)
 */
export function createBeatClock(live: LiveClient): BeatClock {
  let beat = -1
  const waiters = new Set<{ beat: number; resolve: () => void }>()
  const handlers = new Set<(beat: number) => void>()
  const unwatch = live.song.beat.watch((value) => {
    beat = value
    for (const handler of handlers) handler(value)
    for (const waiter of [...waiters]) {
      if (value >= waiter.beat) {
        waiters.delete(waiter)
        waiter.resolve()
      }
    }
  })
  return {
    get beat() {
      return beat
    },
    until(target, signal) {
      if (beat >= target) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const waiter = {
          beat: target,
          resolve: () => {
            signal.removeEventListener('abort', onAbort)
            resolve()
          },
        }
        const onAbort = () => {
          waiters.delete(waiter)
          reject(new LiveError('ABORTED', 'the demo was stopped'))
        }
        if (signal.aborted) return onAbort()
        signal.addEventListener('abort', onAbort, { once: true })
        waiters.add(waiter)
      })
    },
    onBeat(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    stop: () => unwatch(),
  }
}
