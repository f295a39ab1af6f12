import { isFastKey, type StateValue } from '../shared/keys.js'

/** The changes of one flush: keys set to new values, and keys removed. */
export interface StatePatch {
  readonly entries: Record<string, StateValue>
  readonly removed: string[]
}

/** The server's copy of the latest value of every key, and the patches that bring pages up to date. */
export interface StateStore {
  /** The value of a key, or undefined. */
  get(key: string): StateValue | undefined
  /** How many keys it holds. */
  readonly size: number
  /** Every key and its value, as the `state` message carries them. */
  snapshot(): Record<string, StateValue>
  /** Sets a key; a value equal to the current one changes nothing. */
  set(key: string, value: StateValue): void
  /** Removes a key. */
  delete(key: string): void
  /** Replaces every key `owns` accepts with `entries` (one patch: the new values, and the owned keys that are gone). */
  replace(owns: (key: string) => boolean, entries: ReadonlyMap<string, StateValue>): void
  /** Calls `listener` with each flushed patch; returns the unsubscribe. */
  onPatch(listener: (patch: StatePatch) => void): () => void
  /** Sends what is pending now and stops the timers. */
  close(): void
}

/** How often fast keys (meters, song time) are flushed at most. */
const FAST_FLUSH_MS = 33

function same(a: StateValue | undefined, b: StateValue): boolean {
  if (a === b) return true
  if (a === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Creates the store behind the surface: changes are gathered and flushed as one patch per turn of the
 * event loop (so a burst of replies makes one message), and fast keys at most every 33 ms.
 *
 * @example
 * const store = createStateStore()
 * store.onPatch((patch) => broadcast({ type: 'patch', ...patch }))
 * store.set('song.tempo', 124)
 */
export function createStateStore(): StateStore {
  const values = new Map<string, StateValue>()
  const pending = new Map<string, StateValue>()
  const removed = new Set<string>()
  const listeners = new Set<(patch: StatePatch) => void>()
  let immediate: ReturnType<typeof setImmediate> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let fastOnly = true

  function flush(): void {
    if (immediate !== undefined) clearImmediate(immediate)
    if (timer !== undefined) clearTimeout(timer)
    immediate = undefined
    timer = undefined
    fastOnly = true
    if (pending.size === 0 && removed.size === 0) return
    const patch: StatePatch = { entries: Object.fromEntries(pending), removed: [...removed] }
    pending.clear()
    removed.clear()
    for (const listener of listeners) listener(patch)
  }

  function schedule(key: string): void {
    if (!isFastKey(key)) fastOnly = false
    if (!fastOnly) {
      immediate ??= setImmediate(flush)
      return
    }
    timer ??= setTimeout(flush, FAST_FLUSH_MS)
  }

  const store: StateStore = {
    get: (key) => values.get(key),
    get size() {
      return values.size
    },
    snapshot: () => Object.fromEntries(values),
    set(key, value) {
      if (values.has(key) && same(values.get(key), value)) return
      values.set(key, value)
      removed.delete(key)
      pending.set(key, value)
      schedule(key)
    },
    delete(key) {
      if (!values.delete(key)) return
      pending.delete(key)
      removed.add(key)
      schedule(key)
    },
    replace(owns, entries) {
      for (const key of [...values.keys()]) if (owns(key) && !entries.has(key)) store.delete(key)
      for (const [key, value] of entries) store.set(key, value)
      // A replacement is one change the pages should see at once, meters included.
      if (pending.size > 0 || removed.size > 0) {
        fastOnly = false
        immediate ??= setImmediate(flush)
      }
    },
    onPatch(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      flush()
      listeners.clear()
    },
  }
  return store
}
