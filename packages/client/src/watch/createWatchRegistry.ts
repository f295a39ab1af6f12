import type { LiveError, OscMessage, OscValue } from '@live/protocol'
import { matchesEcho, type ReplyEcho } from '../core/replyEcho.js'

/** One listenable property of one object, as the wire knows it. */
export interface WatchTarget<V = unknown> {
  /** The `start_listen` address. */
  readonly startAddress: string
  /** The `stop_listen` address, when there is one. */
  readonly stopAddress: string | undefined
  /** The listener's arguments (index arguments). */
  readonly args: readonly OscValue[]
  /** Where updates arrive (the getter address). */
  readonly replyAddress: string
  /** What updates start with. */
  readonly echo: ReplyEcho
  /** How many values an update carries at least besides the echo. */
  readonly minValues: number
  /** Turns an update's arguments into the value handed to watchers. */
  readonly decode: (args: readonly OscValue[]) => V
  /** Decides which updates are this subscription's instead of `echo` (updates that come in two layouts). */
  readonly accepts?: ((args: readonly OscValue[]) => boolean) | undefined
}

/** What a watcher is told. */
export interface WatchHandlers<V> {
  /** Called with the current value at once, then with every change. */
  readonly onValue: (value: V) => void
  /** Called when the subscription fails (Live refused it, the transport failed). */
  readonly onError?: ((error: LiveError) => void) | undefined
}

/** Stops watching; the last watcher of a property sends `stop_listen`. */
export type Unwatch = () => void

/** Shares one `start_listen` between every watcher of the same property. */
export interface WatchRegistry {
  /** Adds a watcher; returns its unwatch. */
  watch<V>(target: WatchTarget<V>, handlers: WatchHandlers<V>): Unwatch
  /** Offers an incoming message; true when a subscription took it. */
  handleMessage(message: OscMessage): boolean
  /** Tells the watchers of a subscription started at `startAddress` about an error; false when there are none. */
  handleError(startAddress: string, error: LiveError): boolean
  /** Sends `start_listen` again for every subscription (after `/live/startup`). */
  resubscribe(): void
  /**
   * Sends `stop_listen` for every subscription and forgets them all; resolves once those, and the
   * `stop_listen`s of earlier unwatches, have gone out (the client calls it before it closes, so Live does
   * not keep sending updates to a client that is gone). Errors are dropped: the client is closing.
   */
  close(): Promise<void>
  /** How many properties are watched. */
  readonly size: number
}

interface Subscription {
  readonly key: string
  readonly target: WatchTarget
  readonly watchers: Set<WatchHandlers<unknown>>
}

/** How subscriptions reach the wire. */
export interface WatchRegistryOptions {
  /** Sends a listen/unlisten message. */
  readonly send: (address: string, args: readonly OscValue[]) => Promise<void>
  /** An error no watcher handles. */
  readonly onError: (error: LiveError) => void
  /** Called when the first property starts being watched (true) and when the last stops (false). */
  readonly onActive?: ((active: boolean) => void) | undefined
}

/**
 * Creates the registry behind every `watch()`: one `start_listen` per (address, arguments), fanned
 * out to every watcher; the last unwatch sends `stop_listen`.
 *
 * @example
 * const registry = createWatchRegistry({ send: (address, args) => client.send(address, args), onError })
 */
export function createWatchRegistry(options: WatchRegistryOptions): WatchRegistry {
  const subscriptions = new Map<string, Subscription>()

  function report(subscription: Subscription, error: LiveError): void {
    let handled = false
    for (const watcher of subscription.watchers) {
      if (watcher.onError !== undefined) {
        watcher.onError(error)
        handled = true
      }
    }
    if (!handled) options.onError(error)
  }

  // stop_listen messages on their way out: close() waits for them.
  const stopping = new Set<Promise<void>>()

  function stop(target: WatchTarget, onError: (error: LiveError) => void): void {
    if (target.stopAddress === undefined) return
    const sent: Promise<void> = options
      .send(target.stopAddress, target.args)
      .catch(onError)
      .finally(() => stopping.delete(sent))
    stopping.add(sent)
  }

  function start(subscription: Subscription): void {
    const { startAddress, args } = subscription.target
    options.send(startAddress, args).catch((error: LiveError) => report(subscription, error))
  }

  return {
    watch(target, handlers) {
      const key = `${target.startAddress} ${JSON.stringify(target.args)}`
      let subscription = subscriptions.get(key)
      const fresh = subscription === undefined
      if (subscription === undefined) {
        subscription = { key, target: target as WatchTarget, watchers: new Set() }
        subscriptions.set(key, subscription)
        if (subscriptions.size === 1) options.onActive?.(true)
      }
      const watcher = handlers as WatchHandlers<unknown>
      subscription.watchers.add(watcher)
      if (fresh) start(subscription)
      let done = false
      const owner = subscription
      return () => {
        if (done) return
        done = true
        owner.watchers.delete(watcher)
        if (owner.watchers.size > 0 || subscriptions.get(key) !== owner) return
        subscriptions.delete(key)
        stop(owner.target, options.onError)
        if (subscriptions.size === 0) options.onActive?.(false)
      }
    },
    handleMessage(message) {
      let taken = false
      for (const subscription of subscriptions.values()) {
        const { target } = subscription
        if (target.replyAddress !== message.address) continue
        if (!(target.accepts?.(message.args) ?? matchesEcho(target.echo, message.args, target.minValues))) continue
        taken = true
        let value: unknown
        try {
          value = target.decode(message.args)
        } catch (error) {
          report(subscription, error as LiveError)
          continue
        }
        for (const watcher of [...subscription.watchers]) watcher.onValue(value)
      }
      return taken
    },
    handleError(startAddress, error) {
      const matching = [...subscriptions.values()].filter((s) => s.target.startAddress === startAddress)
      for (const subscription of matching) report(subscription, error)
      return matching.length > 0
    },
    async close() {
      for (const subscription of subscriptions.values()) stop(subscription.target, () => {})
      const active = subscriptions.size > 0
      subscriptions.clear()
      if (active) options.onActive?.(false)
      await Promise.all([...stopping].map((sent) => sent.catch(() => {})))
    },
    resubscribe() {
      for (const subscription of subscriptions.values()) start(subscription)
    },
    get size() {
      return subscriptions.size
    },
  }
}
