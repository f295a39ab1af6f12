import { type BridgeDeviceId, type BridgeTrackId, CHAIN_PATH, type LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { deviceIndex, trackIndex } from './schemas.js'
import { requireTrack } from './setFacts.js'

/** Whose devices: a track, or (bridge only) a return track or the master. */
export const ownerArgs = {
  track: trackIndex
    .optional()
    .describe('The track (from 0). Give exactly one of track, return_track (bridge only) or master (bridge only).'),
  return_track: z.number().int().min(0).optional().describe('Bridge only: a return track (0 is A) instead of track.'),
  master: z.boolean().optional().describe('Bridge only: true for the master track instead of track.'),
}

/** A device: its index, or (bridge only) a chain path into a rack. */
export const deviceArg = z
  .union([deviceIndex, z.string().regex(CHAIN_PATH)])
  .describe(
    "The device: its index from 0, left to right; or (bridge only) a chain path into a rack, '0/1/2' = device 0, its chain 1, that chain's device 2 (ableton_list_devices with rack lists them).",
  )

/** The owner arguments as a tool received them. */
export interface OwnerArgs {
  track?: number | undefined
  return_track?: number | undefined
  master?: boolean | undefined
}

/** Whose devices, resolved: the id the client takes, words for it, and its devices' names. */
export interface DeviceOwner {
  readonly id: number | BridgeTrackId
  readonly label: string
  readonly devices: string[]
}

function invalid(message: string, hint: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', message, { metaMessages: [hint] })
}

/** Exactly one owner, as the workflows take it (`{ track }`, `{ return }`, `{ master: true }`), its client id and short words. */
export function ownerOf(
  args: OwnerArgs,
  noneGiven: string,
): {
  readonly owner: { readonly track: number } | { readonly return: number } | { readonly master: true }
  readonly id: number | BridgeTrackId
  readonly label: string
} {
  const given = [args.track !== undefined, args.return_track !== undefined, args.master === true].filter(Boolean)
  if (given.length !== 1) {
    throw invalid(
      given.length === 0 ? noneGiven : 'give one of track, return_track or master',
      'track is a track index; return_track (0 is A) and master: true need the @live bridge.',
    )
  }
  if (args.track !== undefined) return { owner: { track: args.track }, id: args.track, label: `track ${args.track}` }
  if (args.return_track !== undefined) {
    const r = args.return_track
    return { owner: { return: r }, id: `return/${r}`, label: `return ${r}` }
  }
  return { owner: { master: true }, id: 'master', label: 'master' }
}

/**
 * Checks that exactly one owner is given and that it exists; reads its device names. Return tracks and the
 * master need the bridge (the client's UNSUPPORTED says so on AbletonOSC).
 *
 * @example
 * const { id, label, devices } = await resolveOwner(live, { master: true }) // { id: 'master', label: 'the master track', ... }
 */
export async function resolveOwner(live: LiveClient, args: OwnerArgs): Promise<DeviceOwner> {
  const { id } = ownerOf(args, 'say whose devices: give track, return_track or master')
  if (typeof id === 'number') {
    const names = await requireTrack(live, id)
    const devices = (await live.track(id).devicesName.get()) as unknown as string[]
    return { id, label: `track ${id} (${names[id]})`, devices }
  }
  if (id !== 'master') {
    const r = Number(id.slice(7))
    const devices = (await live.returnTrack(r).devicesName.get()) as unknown as string[]
    return { id, label: `return track ${r} (${String.fromCharCode(65 + (r % 26))})`, devices }
  }
  const devices = (await live.masterTrack.devicesName.get()) as unknown as string[]
  return { id, label: 'the master track', devices }
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
