import type { ClientAddress, LomPath, OscMessage, OscValue } from '@live/protocol'
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
 * @example
 * const remote = createRemoteParameters({ model, remote: (...a) => outlet(2, ...a), send })
 * remote.handle('/live/bridge/remote/parameter', [0, 0, 1, 0.5], client)
 */
export function createRemoteParameters(options: RemoteParametersOptions): RemoteParameters {
  const { model, remote, send } = options
  const size = options.slots ?? REMOTE_SLOTS
  // parameter path → slot, in least-recently-used order (a Map keeps insertion order)
  const held = new Map<LomPath, number>()
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
      held.delete(oldest)
      slot = oldSlot
    }
    held.set(path, slot)
    remote(slot, 'id', model.idOf(path))
    return slot
  }

  function release(path: LomPath): void {
    const slot = held.get(path)
    if (slot === undefined) return
    held.delete(path)
    remote(slot, 'id', 0)
  }

  return {
    handle(address, args, from) {
      if (address === '/live/bridge/remote/parameter') {
        const path = parameterPath(model, args, from, fail)
        if (path === undefined) return true
        const value = args[3]
        if (typeof value !== 'number') {
          fail(from, `${address} needs a number as value, got ${String(value)}`)
          return true
        }
        const min = Number(model.get(path, 'min'))
        const max = Number(model.get(path, 'max'))
        if (value < min || value > max) {
          fail(from, `${address} value ${value} is out of range: this parameter takes ${min} to ${max}`)
          return true
        }
        remote(slotFor(path), 'value', value)
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

/** `t d p` → the DeviceParameter's path: t is a track index, `master` or `return/<r>`; d an index or a chain path `d/c/d`. */
function parameterPath(
  model: MaxLiveObjectModel,
  args: readonly OscValue[],
  from: ClientAddress,
  fail: (to: ClientAddress, text: string) => void,
): LomPath | undefined {
  const [t, d, p] = args
  let owner: LomPath
  if (t === 'master') owner = 'live_set master_track'
  else if (typeof t === 'string' && /^return\/\d+$/.test(t)) owner = `live_set return_tracks ${t.slice(7)}`
  else if (typeof t === 'number' && Number.isInteger(t) && t >= 0) owner = `live_set tracks ${t}`
  else {
    fail(from, `track id ${String(t)} is not a track index, "master" or "return/<r>"`)
    return undefined
  }
  const steps = typeof d === 'number' ? [d] : typeof d === 'string' ? d.split('/').map(Number) : []
  if (steps.length === 0 || steps.length % 2 === 0 || steps.some((s) => !Number.isInteger(s) || s < 0)) {
    fail(from, `device id ${String(d)} is not a device index or a chain path like "0/1/2"`)
    return undefined
  }
  const device = steps.reduce((path, step, i) => `${path} ${i % 2 === 0 ? 'devices' : 'chains'} ${step}`, owner)
  const path = `${device} parameters ${String(p)}`
  if (typeof p !== 'number' || !Number.isInteger(p) || !model.exists(path)) {
    fail(from, `no parameter ${String(p)} on device ${String(d)} of track ${String(t)}`)
    return undefined
  }
  return path
}
