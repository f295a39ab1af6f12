import {
  type ClientAddress,
  type LomPath,
  type OscMessage,
  type OscValue,
  remoteParameterPath,
  remoteValueError,
} from '@live/protocol'
import type { MaxAtom } from './maxGlobals.js'
import type { MaxLiveObjectModel } from './maxLiveObjectModel.js'

/** How many `live.remote~` objects the device holds: parameters moved at once without undo entries. */
export const REMOTE_SLOTS = 8

/** What {@link createRemoteParameters} needs. */
export interface RemoteParametersOptions {
  /** The object model, for paths, ids and ranges. */
  model: MaxLiveObjectModel
  /** Sends one message to the pool (`<slot> id <n>` or `<slot> value <v>`, the patcher's `route 0 1 …`). */
  remote: (...atoms: MaxAtom[]) => void
  /** Sends an OSC message to a client. */
  send: (message: OscMessage, to: ClientAddress) => void
  /** Number of live.remote~ slots. @default REMOTE_SLOTS */
  slots?: number | undefined
}

/** The `/live/bridge/remote/...` addresses: parameter moves through live.remote~ (no undo steps, automation paused). */
export interface RemoteParameters {
  /** Handles `/live/bridge/remote/parameter t d p value` and `/live/bridge/remote/release [t d p]`; false for other addresses. */
  handle(address: string, args: readonly OscValue[], from: ClientAddress): boolean
}

/**
 * Routes parameter changes through a pool of `live.remote~` objects: a slot is given the parameter's
 * id once (`id n` into its right inlet), then takes values (left inlet). Live records no undo step
 * and disables the parameter's automation while a live.remote~ holds it, so `release` gives it back
 * (`id 0`). The least recently used slot is reassigned when all are taken.
 *
 * While a live.remote~ holds a parameter "the value in the Live set is not changed"
 * (https://docs.cycling74.com/reference/live.remote~): on release it would snap back to the stored value, and a
 * fade or LFO would end where it began. So a release (and a reassignment of the slot) writes the last value once
 * through LiveAPI after `id 0`: one undo step for the whole move, and the set keeps where it ended.
 *
 * @example
 * const remote = createRemoteParameters({ model, remote: (...a) => outlet(2, ...a), send })
 * remote.handle('/live/bridge/remote/parameter', [0, 0, 1, 0.5], client)
 */
export function createRemoteParameters(options: RemoteParametersOptions): RemoteParameters {
  const { model, remote, send } = options
  const size = options.slots ?? REMOTE_SLOTS
  // parameter path → slot, in least-recently-used order (a Map keeps insertion order)
  const held = new Map<LomPath, number>()
  // parameter path → the last value sent to its live.remote~
  const last = new Map<LomPath, number>()
  const fail = (to: ClientAddress, text: string) => send({ address: '/live/error', types: 's', args: [text] }, to)

  function slotFor(path: LomPath): number {
    const existing = held.get(path)
    if (existing !== undefined) {
      held.delete(path)
      held.set(path, existing)
      return existing
    }
    const used = new Set(held.values())
    let slot = [...Array(size).keys()].find((s) => !used.has(s))
    if (slot === undefined) {
      const [oldest, oldSlot] = held.entries().next().value as [LomPath, number]
      release(oldest)
      slot = oldSlot
    }
    held.set(path, slot)
    remote(slot, 'id', model.idOf(path))
    return slot
  }

  /** Hands the parameter back to Live and keeps the value it reached. */
  function release(path: LomPath): void {
    const slot = held.get(path)
    if (slot === undefined) return
    held.delete(path)
    remote(slot, 'id', 0)
    const value = last.get(path)
    last.delete(path)
    if (value !== undefined) {
      try {
        model.set(path, 'value', value)
      } catch {
        // The parameter went away (device deleted): nothing to keep.
      }
    }
  }

  return {
    handle(address, args, from) {
      if (address === '/live/bridge/remote/parameter') {
        const path = parameterPath(model, args, from, fail)
        if (path === undefined) return true
        const error = remoteValueError(model, path, args[3])
        if (error !== undefined) {
          fail(from, error)
          return true
        }
        remote(slotFor(path), 'value', args[3] as number)
        last.set(path, args[3] as number)
        return true
      }
      if (address === '/live/bridge/remote/release') {
        if (args.length === 0) for (const path of [...held.keys()]) release(path)
        else {
          const path = parameterPath(model, args, from, fail)
          if (path !== undefined) release(path)
        }
        return true
      }
      return false
    },
  }
}

/** `t d p` → the DeviceParameter's path (see `remoteParameterPath`), or undefined after answering the error. */
function parameterPath(
  model: MaxLiveObjectModel,
  args: readonly OscValue[],
  from: ClientAddress,
  fail: (to: ClientAddress, text: string) => void,
): LomPath | undefined {
  const target = remoteParameterPath(model, args)
  if ('error' in target) {
    fail(from, target.error)
    return undefined
  }
  return target.path
}
