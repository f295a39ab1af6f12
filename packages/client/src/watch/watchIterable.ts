import type { LiveError } from '@live/protocol'
import { abortedError } from '../core/clientErrors.js'
import type { Unwatch, WatchHandlers } from './createWatchRegistry.js'

/** Options of {@link watchIterable}. */
export interface WatchIterableOptions {
  /** Ends the iteration (the loop throws ABORTED). */
  signal?: AbortSignal | undefined
  /** How many unread values to keep; older ones are dropped first. @default 1024 */
  bufferSize?: number | undefined
}

/**
 * Adapts a `watch(handlers) → unwatch` function to an AsyncIterable for `for await`; leaving the
 * loop unwatches.
 *
 * @example
 * for await (const tempo of watchIterable((h) => live.song.tempo.watch(h))) console.log(tempo)
 */
export function watchIterable<V>(
  watch: (handlers: WatchHandlers<V>) => Unwatch,
  options: WatchIterableOptions = {},
): AsyncIterable<V> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<V> {
      const buffer: V[] = []
      const limit = options.bufferSize ?? 1024
      let failure: unknown
      let ended = false
      let wake: (() => void) | undefined
      const notify = () => {
        const w = wake
        wake = undefined
        w?.()
      }
      const unwatch = watch({
        onValue(value) {
          buffer.push(value)
          if (buffer.length > limit) buffer.shift()
          notify()
        },
        onError(error: LiveError) {
          failure = error
          notify()
        },
      })
      const signal = options.signal
      const onAbort = () => {
        failure = abortedError('watch', signal?.reason)
        notify()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      if (signal?.aborted === true) onAbort()
      const stop = () => {
        if (ended) return
        ended = true
        unwatch()
        signal?.removeEventListener('abort', onAbort)
      }
      return {
        async next() {
          while (!ended) {
            if (buffer.length > 0) return { value: buffer.shift()!, done: false }
            if (failure !== undefined) {
              stop()
              throw failure
            }
            await new Promise<void>((resolve) => {
              wake = resolve
            })
          }
          return { value: undefined, done: true }
        },
        async return() {
          stop()
          notify()
          return { value: undefined, done: true }
        },
      }
    },
  }
}
