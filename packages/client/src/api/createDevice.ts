import { LiveError } from '@live/protocol'
import type { BridgeDeviceId, BridgeTrackId } from '../core/bridgeIds.js'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore } from '../core/createCore.js'
import { watchIterable } from '../watch/watchIterable.js'
import { createNamespace } from './createNamespace.js'
import { createProperty, type RuntimeProperty } from './createProperty.js'
import { namespaceTable } from './namespaceTable.js'

/** One parameter of a device, addressed by name or index. */
export interface RuntimeParameter extends RuntimeProperty {
  /** Resolves the parameter's index (looking its name up, cached until devices change). */
  index(options?: CallOptions): Promise<number>
}

/** A device's track: an index, or (bridge only) `'master'` or `'return/<r>'`. */
export type DeviceTrackId = number | BridgeTrackId

/** A device: an index on its track, or (bridge only) a chain path into racks, `'d/c/d'`. */
export type DeviceId = number | BridgeDeviceId

/** Parameter names per device, cleared on `/live/startup` and whenever a track's devices change. */
export type ParameterNameCache = Map<string, Promise<string[]>>

/** The cache key of a device. */
export function deviceKey(trackId: DeviceTrackId, deviceId: DeviceId): string {
  return `${trackId}/${deviceId}`
}

/**
 * The names of a device's parameters, fetched once with `/live/device/get/parameters/name` and cached.
 *
 * @example
 * await parameterNames(core, cache, 0, 1) // ['Device On', 'Filter Freq', ...]
 */
export function parameterNames(
  core: ClientCore,
  cache: ParameterNameCache,
  trackId: DeviceTrackId,
  deviceId: DeviceId,
  options?: CallOptions,
): Promise<string[]> {
  const key = deviceKey(trackId, deviceId)
  let names = cache.get(key)
  if (names === undefined) {
    names = core
      // Bridge ids ('master', 'return/0', '0/1/2') are checked by the core, not by these int types.
      .request('/live/device/get/parameters/name', [trackId, deviceId] as [number, number], options)
      .then((reply) => reply.slice(2).map(String))
    names.catch(() => cache.delete(key))
    cache.set(key, names)
  }
  return names
}

/** The NOT_FOUND error for a parameter name a device does not have, listing the names it has. */
export function parameterNameError(
  trackId: DeviceTrackId,
  deviceId: DeviceId,
  parameter: string,
  names: readonly string[],
): LiveError {
  return new LiveError('NOT_FOUND', `device ${trackId}/${deviceId} has no parameter named "${parameter}"`, {
    metaMessages: [`Its parameters are: ${names.map((n) => `"${n}"`).join(', ')}.`],
    details: { what: 'parameter', trackId, deviceId, parameter, names },
  })
}

/**
 * `live.device(t, d)`: the device's properties and calls, plus `parameter(nameOrIndex)` whose
 * `value` handle gets, sets and watches by name.
 *
 * @example
 * await live.device(0, 1).parameter('Filter Freq').set(0.5)
 */
export function createDevice(
  core: ClientCore,
  cache: ParameterNameCache,
  trackId: DeviceTrackId,
  deviceId: DeviceId,
): object {
  const device = createNamespace(core, 'device', [trackId, deviceId]) as Record<string, unknown>
  const table = namespaceTable('device')
  const resolve = async (parameter: string | number, options?: CallOptions): Promise<number> => {
    if (typeof parameter === 'number') return parameter
    const names = await parameterNames(core, cache, trackId, deviceId, options)
    const index = names.indexOf(parameter)
    if (index >= 0) return index
    cache.delete(deviceKey(trackId, deviceId))
    throw parameterNameError(trackId, deviceId, parameter, names)
  }
  device.parameter = (parameter: string | number): RuntimeParameter => {
    const bound = async (options?: CallOptions) => {
      const index = await resolve(parameter, options)
      return createProperty(core, table.properties.get('parameterValue')!, [trackId, deviceId, index])
    }
    const parameterHandle: RuntimeParameter = {
      index: (options) => resolve(parameter, options),
      get: async (options) => (await bound(options)).get!(options),
      set: async (value, options) => (await bound(options)).set!(value, options),
      values: (options) => watchIterable((handlers) => parameterHandle.watch!(handlers), options),
      watch(watcher) {
        let unwatch: (() => void) | undefined
        let stopped = false
        bound().then(
          (property) => {
            if (!stopped) unwatch = property.watch!(watcher)
          },
          (error: LiveError) =>
            typeof watcher === 'function' ? core.events.emit('error', error) : watcher.onError?.(error),
        )
        return () => {
          stopped = true
          unwatch?.()
        }
      },
    }
    return parameterHandle
  }
  return device
}
