import { type OscValue, validateArgs } from '@live/protocol'
import { plainIds } from '../core/bridgeIds.js'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore } from '../core/createCore.js'
import { matchesEcho, minReplyValues, replyAddressOf, replyEcho } from '../core/replyEcho.js'
import type { Unwatch, WatchHandlers } from '../watch/createWatchRegistry.js'
import { type WatchIterableOptions, watchIterable } from '../watch/watchIterable.js'
import type { PropertySpec } from './namespaceTable.js'
import { replyValue } from './replyValue.js'
import { shapeValue, valueShape } from './valueOf.js'

/** A watcher: a function called with each value, or handlers with an error callback. */
export type Watcher<V> = ((value: V) => void) | WatchHandlers<V>

/** The runtime form of a property handle (typed by `PropertyHandle` in apiTypes.ts). */
export interface RuntimeProperty {
  get?: (options?: CallOptions) => Promise<unknown>
  set?: (value: unknown, options?: CallOptions) => Promise<void>
  watch?: (watcher: Watcher<unknown>) => Unwatch
  values?: (options?: WatchIterableOptions) => AsyncIterable<unknown>
}

/** Turns a set value into the setter's arguments after the indices: one value, or a spread tuple or list. */
function setArgs(spec: PropertySpec, indexCount: number, value: unknown): unknown[] {
  const rest = spec.set!.params.slice(indexCount)
  const single = rest.length === 1 && rest[0]!.variadic !== true
  return !single && Array.isArray(value) ? value : [value]
}

/**
 * The get/set/watch handle of one property of one object, from its catalogue entries.
 *
 * @example
 * const volume = createProperty(core, namespaceTable('track').properties.get('volume')!, [0])
 * await volume.get?.() // 0.85
 */
export function createProperty(core: ClientCore, spec: PropertySpec, indices: readonly unknown[]): RuntimeProperty {
  const handle: RuntimeProperty = {}
  const { get, set, start, stop, updates } = spec
  if (get !== undefined) {
    handle.get = (options) =>
      core.request(get.address, indices, options).then((reply) => replyValue(get, indices, reply))
  }
  if (set !== undefined) {
    handle.set = async (value, options) => {
      await core.send(set.address, [...indices, ...setArgs(spec, indices.length, value)], options)
    }
  }
  if (start !== undefined && updates !== undefined) {
    const args = indices as readonly OscValue[]
    const watch = (watcher: Watcher<unknown>): Unwatch => {
      validateArgs(start.address as never, plainIds(args) as never)
      const echo = replyEcho(start, args)
      const idsEcho = replyEcho(updates, args)
      const shape = valueShape(updates, idsEcho.prefix.length)
      const minValues = minReplyValues(start, echo)
      // AbletonOSC's device listeners send their updates without the ids (BEHAVIOUR §8), but the getter's
      // replies on the same address carry them, and so do the bridge's updates: take either layout, and
      // only this object's when the ids are there.
      const withIds =
        echo.prefix.length === 0 && idsEcho.prefix.length > 0
          ? (reply: readonly OscValue[]) => matchesEcho(idsEcho, reply, minReplyValues(updates, idsEcho))
          : undefined
      const handlers = typeof watcher === 'function' ? { onValue: watcher } : watcher
      return core.watches.watch(
        {
          startAddress: start.address,
          stopAddress: stop?.address,
          args,
          replyAddress: replyAddressOf(start),
          echo,
          minValues,
          decode: (reply) =>
            shapeValue(shape, reply.slice(withIds?.(reply) === true ? idsEcho.prefix.length : echo.prefix.length)),
          accepts:
            withIds === undefined
              ? undefined
              : (reply) => withIds(reply) || (reply.length === minValues && matchesEcho(echo, reply, minValues)),
        },
        handlers,
      )
    }
    handle.watch = watch
    handle.values = (options) => watchIterable((handlers) => watch(handlers), options)
  }
  return handle
}
