/** A map from event name to the arguments its handlers receive. */
export type EventMap = Record<string, readonly unknown[]>

/** A tiny typed event emitter: `on()` returns its unsubscribe, `emit()` says whether anyone listened. */
export interface Emitter<E extends EventMap> {
  /** Subscribes `handler` to `event`; returns the unsubscribe. */
  on<K extends keyof E & string>(event: K, handler: (...args: E[K]) => void): () => void
  /** Calls every handler of `event`; returns false when there were none. */
  emit<K extends keyof E & string>(event: K, ...args: E[K]): boolean
  /** Drops every handler. */
  clear(): void
}

/**
 * Creates an {@link Emitter}. A throwing handler does not stop the others.
 *
 * @example
 * const events = createEmitter<{ tick: [number] }>()
 * const off = events.on('tick', (n) => console.log(n))
 */
export function createEmitter<E extends EventMap>(): Emitter<E> {
  const handlers = new Map<keyof E, Set<(...args: never[]) => void>>()
  return {
    on(event, handler) {
      let set = handlers.get(event)
      if (set === undefined) {
        set = new Set()
        handlers.set(event, set)
      }
      const fn = handler as unknown as (...args: never[]) => void
      set.add(fn)
      return () => {
        set.delete(fn)
      }
    },
    emit(event, ...args) {
      const set = handlers.get(event)
      if (set === undefined || set.size === 0) return false
      for (const handler of [...set]) {
        try {
          ;(handler as unknown as (...a: E[typeof event]) => void)(...args)
        } catch (error) {
          queueMicrotask(() => {
            throw error
          })
        }
      }
      return true
    },
    clear() {
      handlers.clear()
    },
  }
}
