import type { DecodedOscMessage } from '../osc/types.js'
import { type Arg, argsOf, messageOf } from './arg.js'
import type { Ctx, DispatcherState, ListenerRecord } from './context.js'
import { flavourPolicies } from './flavourPolicy.js'
import { PyError, toPyError } from './pyError.js'
import type { ClientAddress, Destination, Dispatcher, DispatcherOptions } from './types.js'
import { wildcardMatches } from './wildcard.js'

/** AbletonOSC's handler classes, in the order its reload clears their listeners. */
const TABLES = ['song', 'application', 'clip', 'clip_slot', 'track', 'device', 'view', 'scene']

/**
 * Creates the server side of the protocol over a Live Object Model: AbletonOSC's behaviour, quirks
 * included (flavour 'abletonosc'), or our Max for Live bridge's (flavour 'bridge').
 *
 * @example
 * const dispatcher = createDispatcher({ model, flavour: 'abletonosc', send: (message, to) => socket.send(message, to) })
 * dispatcher.startup()
 * dispatcher.handle({ address: '/live/song/get/tempo', types: '', args: [] }, { address: '127.0.0.1', port: 50000 })
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { model, flavour, send } = options
  const policy = flavourPolicies[flavour]
  const registry = policy.registry()
  // scope (the policy's: server-wide or per client) → handler class → key → listener
  const scopes = new Map<string, Map<string, Map<string, ListenerRecord>>>()
  const state: DispatcherState = {
    logLevel: 'info',
    handlersCleared: false,
    version: options.version ?? '0.0.0',
    reload: (ctx) => policy.reload({ state, detachAll, sendStartup }, ctx),
  }

  const sendError = (text: string, client: ClientAddress) =>
    send({ address: '/live/error', types: 's', args: [text] }, policy.replyTo(client))

  function tablesOf(scope: string): Map<string, Map<string, ListenerRecord>> {
    let tables = scopes.get(scope)
    if (tables === undefined) {
      tables = new Map(TABLES.map((t) => [t, new Map()]))
      scopes.set(scope, tables)
    }
    return tables
  }

  function ctxFor(client: ClientAddress): Ctx {
    return {
      model,
      client,
      target: policy.replyTo(client),
      send,
      state,
      writeStructure: options.writeStructure,
      listeners(table) {
        const tables = tablesOf(policy.scopeOf(client))
        let listeners = tables.get(table)
        if (listeners === undefined) {
          listeners = new Map()
          tables.set(table, listeners)
        }
        return listeners
      },
    }
  }

  function sendStartup(to: Destination): void {
    send({ address: '/live/startup', types: '', args: [] }, to)
    send({ address: '/live/application/get/average_process_usage', types: '', args: [] }, to)
  }

  function detachAll(checkReloadable: boolean): void {
    for (const tables of scopes.values()) {
      for (const listeners of tables.values()) {
        for (const [key, record] of [...listeners]) {
          // AbletonOSC's bug: mixer and parameter listeners are missing from the table reload reads.
          if (checkReloadable && !record.reloadable) throw new PyError('KeyError', record.keyRepr)
          try {
            record.stop()
          } catch {}
          listeners.delete(key)
        }
      }
    }
  }

  function reply(address: string, rv: readonly Arg[] | undefined, from: ClientAddress): void {
    if (rv !== undefined) send(messageOf(address, rv), from)
  }

  function dispatch(message: DecodedOscMessage, from: ClientAddress): void {
    const ctx = ctxFor(from)
    const address = message.address
    const args: readonly Arg[] = argsOf(message)
    const handler = state.handlersCleared ? undefined : registry.get(address)
    // Aliases carry ids in the address, so no registered address is one: only an unknown address is tried.
    if (handler === undefined) {
      const alias = policy.alias(address, args)
      if (alias !== undefined) {
        const canonical = registry.get(alias.address)
        if (canonical === undefined) {
          sendError(`Unknown OSC address: ${address}`, from)
          return
        }
        const rv = canonical(ctx, alias.args)
        if (rv !== undefined) send(messageOf(address, alias.reply(rv)), from)
        return
      }
    }
    if (handler !== undefined) {
      reply(address, handler(ctx, args), from)
      return
    }
    if (address.includes('*')) {
      if (state.handlersCleared) return
      for (const candidate of wildcardMatches(registry, address)) {
        let rv: readonly Arg[] | undefined
        try {
          rv = registry.get(candidate)?.(ctx, args)
        } catch (error) {
          const py = toPyError(error)
          if (py.kind === 'ValueError' || py.kind === 'AttributeError') continue
          throw py
        }
        reply(candidate, rv, from)
      }
      return
    }
    sendError(`Unknown OSC address: ${address}`, from)
  }

  return {
    handle(message, from) {
      try {
        dispatch(message, from)
        return 'ok'
      } catch (error) {
        sendError(`Error handling OSC message: ${toPyError(error).message}`, from)
        return policy.afterError
      }
    },
    startup: () => sendStartup('remote'),
    dispose: () => detachAll(false),
  }
}
