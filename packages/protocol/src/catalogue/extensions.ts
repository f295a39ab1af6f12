/**
 * EXTENSIONS: addresses only our own servers (the simulator's `bridge` flavour and the Max for Live
 * bridge) answer; AbletonOSC does not. Candidates: return and master tracks, devices nested in
 * racks, a send listener, hello/version. Each entry must carry `extension: true`, use an address
 * AbletonOSC does not register, and be written inside the `as const` array below so its argument
 * and reply tuples flow into `Address`, `AddressArgs` and `AddressReply` (see {@link ParamsTuple}).
 *
 * @example
 * export const extensionEntries = [
 *   {
 *     address: '/live/return_track/get/volume',
 *     object: 'return_track',
 *     kind: 'get',
 *     params: [{ name: 'return_id', type: 'int' }],
 *     reply: [{ name: 'return_id', type: 'int' }, { name: 'volume', type: 'float' }],
 *     replyAddress: '/live/return_track/get/volume',
 *     notes: 'bridge only: return tracks are not addressable in AbletonOSC',
 *     source: 'bridge',
 *     inReadme: false,
 *     extension: true,
 *   },
 * ] as const satisfies readonly ExtensionEntry[]
 */
import type { ExtensionEntry, ParamsTuple, ReplyTuple } from './types.js'

/** The addresses only our own servers answer (empty until the bridge defines them). */
export const extensionEntries = [] as const satisfies readonly ExtensionEntry[]

type ExtensionEntries = (typeof extensionEntries)[number]

/** The argument tuple of every extension address. */
export type ExtensionArgsMap = {
  [E in ExtensionEntries as E['address']]: ParamsTuple<E['params']>
}

/** The reply tuple of every extension address, `undefined` when nothing is sent back. */
export type ExtensionReplyMap = {
  [E in ExtensionEntries as E['address']]: ReplyTuple<E['reply']>
}
