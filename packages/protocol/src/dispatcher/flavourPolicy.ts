import type { Arg } from './arg.js'
import { type Alias, bridgeRegistry, rewriteAlias } from './bridge.js'
import type { Ctx, DispatcherState, Registry } from './context.js'
import { abletonOscRegistry } from './registry.js'
import type { ClientAddress, Destination, Flavour } from './types.js'

/** What the dispatcher core lends a policy's `reload`. */
export interface ReloadMeans {
  readonly state: DispatcherState
  /** Detaches every listener; with `checkReloadable`, raises AbletonOSC's KeyError on the first one its reload cannot find. */
  detachAll(checkReloadable: boolean): void
  /** Sends /live/startup and the empty average_process_usage. */
  sendStartup(to: Destination): void
}

/** Everything that differs between the servers the dispatcher imitates; the core asks it, never the flavour. */
export interface FlavourPolicy {
  readonly flavour: Flavour
  /** A fresh table of the addresses this server registers, in registration order. */
  registry(): Registry
  /** The listener scope of a client: one for the whole server, or one per client. */
  scopeOf(client: ClientAddress): string
  /** Where errors and unsolicited output started by a client's request go. */
  replyTo(client: ClientAddress): Destination
  /** A canonical address for one the registry lacks (the bridge's path-indexed aliases), or undefined. */
  alias(address: string, args: readonly Arg[]): Alias | undefined
  /** What `/live/api/reload` does. */
  reload(means: ReloadMeans, ctx: Ctx): void
  /** What `handle()` returns after a handler raised: `'abort'` drops the rest of AbletonOSC's tick. */
  readonly afterError: 'ok' | 'abort'
}

/**
 * AbletonOSC: listeners and errors are server-wide (errors go to the last sender), no aliases, a reload
 * that trips over mixer and parameter listeners (every address unknown after), and an error ends the tick.
 */
export const abletonOscPolicy: FlavourPolicy = {
  flavour: 'abletonosc',
  registry: abletonOscRegistry,
  scopeOf: () => '',
  replyTo: () => 'remote',
  alias: () => undefined,
  reload({ state, detachAll, sendStartup }) {
    state.handlersCleared = true
    detachAll(true)
    state.handlersCleared = false
    sendStartup('remote')
  },
  afterError: 'abort',
}

/**
 * Our Max for Live bridge: listeners per client, errors to the client that caused them, path-indexed
 * aliases, a reload that detaches everything and tells only the asking client, and an error ends nothing.
 */
export const bridgePolicy: FlavourPolicy = {
  flavour: 'bridge',
  registry: bridgeRegistry,
  scopeOf: (client) => `${client.address}:${client.port}`,
  replyTo: (client) => client,
  alias: rewriteAlias,
  reload({ detachAll, sendStartup }, ctx) {
    detachAll(false)
    sendStartup(ctx.client)
  },
  afterError: 'ok',
}

/** The policy of each flavour. */
export const flavourPolicies: Readonly<Record<Flavour, FlavourPolicy>> = {
  abletonosc: abletonOscPolicy,
  bridge: bridgePolicy,
}
