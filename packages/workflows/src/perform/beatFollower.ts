import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'

/** Follows Live's song position through the beat listener (`/live/song/start_listen/beat`). */
export interface BeatFollower {
  /** The last beat Live reported (−Infinity before the first). */
  readonly beat: number
  /** Resolves once Live reports a beat ≥ `beat`; rejects ABORTED on the signal. */
  until(beat: number, signal?: AbortSignal | undefined): Promise<void>
  /** Calls `handler` with every beat Live reports; returns the unsubscribe. */
  onBeat(handler: (beat: number) => void): () => void
  /** Stops listening. */
  stop(): void
}

/**
 * Watches Live's beat: never a wall-clock sleep, so a tempo change or a slow machine cannot push launches off the bar.
 *
 * @example
 * const beats = followBeats(live)
 * await beats.until(16)
 */
export function followBeats(client: LiveClient, startBeat = Number.NEGATIVE_INFINITY): BeatFollower {
  let beat = startBeat
  const waiters = new Set<{ beat: number; resolve: () => void }>()
  const handlers = new Set<(beat: number) => void>()
  const unwatch = client.song.beat.watch((value) => {
    beat = Number(value)
    for (const handler of handlers) handler(beat)
    for (const waiter of waiters) {
      if (beat >= waiter.beat) {
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
        const onAbort = () => {
          waiters.delete(waiter)
          reject(new LiveError('ABORTED', `stopped while waiting for beat ${target}`, { cause: signal?.reason }))
        }
        const waiter = {
          beat: target,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort)
            resolve()
          },
        }
        if (signal?.aborted) return onAbort()
        waiters.add(waiter)
        signal?.addEventListener('abort', onAbort, { once: true })
      })
    },
    onBeat(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    stop: unwatch,
  }
}
