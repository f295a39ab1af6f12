import type { BridgeDeviceId, BridgeTrackId, LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { requireTrack } from './setFacts.js'
import { requireReturn } from './strip.js'
import type { TrackOwner } from './trackRef.js'

/** Whose devices, resolved: the id the client takes, words for it, and its devices' names. */
export interface DeviceOwner {
  readonly id: number | BridgeTrackId
  readonly label: string
  readonly devices: string[]
}

/**
 * Checks that the owner exists and reads its device names. Return tracks and the master need the bridge
 * (the client's UNSUPPORTED says so on AbletonOSC).
 *
 * @example
 * const { id, label, devices } = await resolveOwner(live, parseTrackRef('master')) // { id: 'master', label: 'the master track', ... }
 */
export async function resolveOwner(live: LiveClient, owner: TrackOwner): Promise<DeviceOwner> {
  if ('track' in owner.owner) {
    const index = owner.owner.track
    const names = await requireTrack(live, index)
    const devices = (await live.track(index).devicesName.get()) as unknown as string[]
    return { id: index, label: `track ${index} (${names[index]})`, devices }
  }
  if ('return' in owner.owner) {
    const r = owner.owner.return
    const names = await requireReturn(live, r)
    const devices = (await live.returnTrack(r).devicesName.get()) as unknown as string[]
    return { id: owner.id, label: `return ${r} (${names[r]})`, devices }
  }
  const devices = (await live.masterTrack.devicesName.get()) as unknown as string[]
  return { id: 'master', label: 'the master track', devices }
}

/** A device's name: from the owner's list for an index, asked of the bridge for a chain path. */
export async function deviceName(
  live: LiveClient,
  owner: DeviceOwner,
  device: number | BridgeDeviceId,
): Promise<string> {
  return typeof device === 'number' ? owner.devices[device]! : String(await live.device(owner.id, device).name.get())
}

/** Checks a device of an owner: an index in range, or a chain path (checked by the bridge itself). */
export function requireOwnerDevice(owner: DeviceOwner, device: number | string): number | BridgeDeviceId {
  if (typeof device === 'string') return device as BridgeDeviceId
  if (device >= owner.devices.length) {
    throw new LiveError(
      'NOT_FOUND',
      `device ${device} does not exist on ${owner.label}; it has ${owner.devices.length === 0 ? 'no devices' : `devices ${owner.devices.map((n, i) => `${i} ${n}`).join(', ')}`}.`,
      { metaMessages: ['Devices count from 0, left to right.'], details: { what: 'device', device } },
    )
  }
  return device
}
