import type { StateValue } from '../shared/keys.js'
import type { StateStore } from './createStateStore.js'

/**
 * One generation of watchers writing into the store. Until every first value it waits for has arrived
 * (or `maxWaitMs` passed), values are held back; then they replace the keys the stage owns in one patch,
 * so a page never sees a half-built set after a change of shape or a restart of Live. After that, values
 * go straight to the store.
 */
export interface Stage {
  /** Writes a key (held back until the stage goes live). */
  put(key: string, value: StateValue): void
  /** Removes a key. */
  remove(key: string): void
  /** Counts one more first value to wait for; call the returned function when it arrived (or failed). */
  expect(): () => void
  /** Every watcher is registered: go live once the expected values are in. */
  arm(): void
  /** Whether values go straight to the store. */
  readonly live: boolean
  /** Resolves when the stage went live (or was disposed first). */
  readonly ready: Promise<void>
  /** Stops writing: the generation was replaced. */
  dispose(): void
}

/** Options of {@link createStage}. */
export interface StageOptions {
  /** The store the stage writes into. */
  readonly store: StateStore
  /** Which keys the stage owns: those of the store it replaces when it goes live. */
  readonly owns: (key: string) => boolean
  /** The longest the stage holds values back (a lost datagram must not hold the page forever). @default 2000 */
  readonly maxWaitMs?: number | undefined
}

/**
 * Creates a stage over the store.
 *
 * @example
 * const stage = createStage({ store, owns: (key) => key.startsWith('d.') })
 * const arrived = stage.expect()
 * stage.put('d.0.name', 'Operator'); arrived()
 * stage.arm()
 */
export function createStage(options: StageOptions): Stage {
  const { store, owns } = options
  const staged = new Map<string, StateValue>()
  let waiting = 0
  let armed = false
  let live = false
  let disposed = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let resolveReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve
  })

  function goLive(): void {
    if (live || disposed) return
    live = true
    if (timer !== undefined) clearTimeout(timer)
    store.replace(owns, staged)
    staged.clear()
    resolveReady()
  }

  return {
    put(key, value) {
      if (disposed) return
      if (live) store.set(key, value)
      else staged.set(key, value)
    },
    remove(key) {
      if (disposed) return
      if (live) store.delete(key)
      else staged.delete(key)
    },
    expect() {
      if (live || disposed) return () => {}
      waiting++
      let done = false
      return () => {
        if (done) return
        done = true
        waiting--
        if (armed && waiting === 0) goLive()
      }
    },
    arm() {
      if (armed || disposed) return
      armed = true
      if (waiting === 0) {
        goLive()
        return
      }
      timer = setTimeout(goLive, options.maxWaitMs ?? 2000)
    },
    get live() {
      return live
    },
    ready,
    dispose() {
      disposed = true
      if (timer !== undefined) clearTimeout(timer)
      resolveReady()
    },
  }
}
