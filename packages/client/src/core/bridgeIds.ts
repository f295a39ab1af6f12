import type { CatalogueEntry } from '@live/protocol'

/**
 * The Max for Live bridge addresses more devices than AbletonOSC: a device's track may be `'master'` or
 * `'return/<r>'`, and a device inside a rack is a chain path `'d/c/d'` (`'0/1/2'`: device 0, its chain 1,
 * that chain's device 2). The catalogue types those ids as ints (AbletonOSC's), so the client checks them
 * here and the rest of a message against the catalogue.
 */

/** A track id only the bridge takes. */
export type BridgeTrackId = 'master' | `return/${number}`

/** A device id only the bridge takes: a chain path into racks. */
export type BridgeDeviceId = `${number}/${number}/${number}` | `${number}/${number}/${number}/${number}/${number}`

const TRACK = /^(master|return\/\d+)$/
/** A device inside a rack, by chain path: device, chain, device... (`'0/1/2'`). */
export const CHAIN_PATH = /^\d+(\/\d+\/\d+)+$/

/** Addresses whose first two arguments are a device's track and device ids. */
const DEVICE_ADDRESS = /^\/live\/(device|bridge\/remote)\//

/** True when a device message (`/live/device/...`, `/live/bridge/remote/...`) uses ids only the bridge takes. */
export function usesBridgeIds(entry: CatalogueEntry, args: readonly unknown[]): boolean {
  if (!DEVICE_ADDRESS.test(entry.address)) return false
  const [track, device] = args
  return (typeof track === 'string' && TRACK.test(track)) || (typeof device === 'string' && CHAIN_PATH.test(device))
}

/** The message (or reply) with its bridge ids replaced by 0, for the catalogue's int checks and decoders. */
export function plainIds(values: readonly unknown[]): unknown[] {
  const plain = values.slice()
  if (typeof plain[0] === 'string' && TRACK.test(plain[0])) plain[0] = 0
  if (typeof plain[1] === 'string' && CHAIN_PATH.test(plain[1])) plain[1] = 0
  return plain
}

/** OSC type tags for a message with bridge ids: the catalogue's, with `s` where an id is a string. */
export function bridgeTypes(types: string, args: readonly unknown[]): string {
  return [...types].map((tag, i) => (i < 2 && typeof args[i] === 'string' ? 's' : tag)).join('')
}
