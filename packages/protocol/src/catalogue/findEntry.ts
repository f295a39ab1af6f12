import { type ExtensionArgsMap, type ExtensionReplyMap, extensionEntries } from './extensions.js'
import { type AbletonOscArgsMap, type AbletonOscReplyMap, abletonOscEntries } from './generated.js'
import type { CatalogueEntry } from './types.js'

/** The argument tuple of every address, AbletonOSC's and our extensions', by address. */
export interface AddressArgsMap extends AbletonOscArgsMap, ExtensionArgsMap {}

/** The reply tuple of every address (`undefined` when nothing is sent back), by address. */
export interface AddressReplyMap extends AbletonOscReplyMap, ExtensionReplyMap {}

/** Every address of the protocol (the pseudo `#bundle` entry is not one). */
export type Address = keyof AddressArgsMap & string

/** The arguments an address takes, as a labelled tuple (`[trackId: number, volume: number]`). */
export type AddressArgs<A extends Address> = AddressArgsMap[A]

/** The values a reply to (or event on) an address carries, `undefined` when nothing is sent back. */
export type AddressReply<A extends Address> = AddressReplyMap[A]

/** Every entry: AbletonOSC's, in its catalogue's order, then our extensions. */
export const catalogue: readonly CatalogueEntry[] = Object.freeze([...abletonOscEntries, ...extensionEntries])

const byAddress: ReadonlyMap<string, CatalogueEntry> = new Map(catalogue.map((entry) => [entry.address, entry]))

/**
 * The entry of an address, or undefined when no server of the protocol handles it.
 *
 * @example
 * findEntry('/live/track/set/volume')?.kind // 'set'
 */
export function findEntry(address: string): CatalogueEntry | undefined {
  return byAddress.get(address)
}
