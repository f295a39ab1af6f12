import {
  type Address,
  type CatalogueEntry,
  decodeReply,
  findEntry,
  LiveError,
  type OscMessage,
  type OscValue,
  oscTypesFor,
  type Transport,
  validateArgs,
} from '@live/protocol'
import { HELLO_ADDRESS, PROBE_ADDRESSES } from '../detect/probeAddresses.js'
import type { SetShape } from '../exists/createSetShape.js'
import { createWatchRegistry, type WatchRegistry } from '../watch/createWatchRegistry.js'
import { bridgeTypes, plainIds, usesBridgeIds } from './bridgeIds.js'
import type { CallOptions } from './callOptions.js'
import { abortedError } from './clientErrors.js'
import type { ClientEvents } from './clientEvents.js'
import { createEmitter, type Emitter } from './createEmitter.js'
import { createRequester, type Requester } from './createRequester.js'
import { argsPass, replyPasses } from './fastCheck.js'
import { minReplyValues, NO_ECHO, replyAddressOf, replyEcho } from './replyEcho.js'

/** How a bulk read goes out (sync): packed into bundles, with its own in-flight window. */
export interface BulkOptions {
  /** How many requests may be in flight when this one goes. */
  readonly window: number
  /** Packed into bundles with the other bulk reads of the same turn. @default true */
  readonly batch?: boolean | undefined
}

/** Which server answers: AbletonOSC, our Max for Live bridge, or our simulator. */
export type ServerKind = 'abletonosc' | 'bridge' | 'simulator' | 'unknown'

/** Internal flags of a request. */
export interface RequestFlags {
  /** A background probe: its timeout is not a lost connection. */
  readonly quiet?: boolean | undefined
  /** The set shape's own count reads: neither checked against it nor explained by it. */
  readonly unchecked?: boolean | undefined
}

/** The settings of the core, resolved. */
export interface CoreOptions {
  readonly transport: Transport
  readonly timeout: number | undefined
  readonly retries: number
  readonly maxInFlight: number
}

/** What every part of the client builds on: validated, typed requests and shared subscriptions. */
export interface ClientCore {
  readonly transport: Transport
  readonly events: Emitter<ClientEvents>
  readonly watches: WatchRegistry
  readonly requester: Requester
  /** The one rule for "does not exist" (set by createClient): checks indices before sending, explains Live's refusals. */
  existence: SetShape | undefined
  /** The server kind once detected (decides default timeouts and extension support). */
  server: { kind: ServerKind; name: string; version: string | undefined }
  /** Extension entries ask this before sending; it throws UNSUPPORTED when the server lacks them. */
  /** Rejects with UNSUPPORTED unless the server is the bridge; `bridgeIds`: a device message with ids only it takes. */
  checkExtension: (entry: CatalogueEntry, signal: AbortSignal | undefined, bridgeIds?: boolean) => Promise<void>
  /** Validates, sends and resolves with the decoded reply arguments. */
  request(
    address: string,
    args: readonly unknown[],
    options?: CallOptions,
    bulk?: BulkOptions,
    flags?: RequestFlags,
  ): Promise<unknown[]>
  /** Validates and sends with no reply expected. */
  send(address: string, args: readonly unknown[], options?: CallOptions): Promise<void>
  /** Sends an address outside the catalogue and resolves with the first reply on it. */
  raw(
    address: string,
    args: readonly OscValue[],
    options?: CallOptions,
    flags?: RequestFlags,
  ): Promise<readonly OscValue[]>
  /** Opens the transport once. */
  open(signal?: AbortSignal): Promise<void>
  /** Handlers run once the transport has opened. */
  readonly onOpen: Set<() => void>
  /** Tells the transport and the requester how to pace for `server.kind` (after detection, or a reset). */
  adaptPacing(): void
  /** Handlers run on `/live/startup` (cache invalidation). */
  readonly onStartup: Set<() => void>
  /** Handlers run after each message the client sends, with its address (cache invalidation). */
  readonly onSent: Set<(address: string) => void>
  /** The timeout a request gets when its call sets none. */
  defaultTimeout(): number
  close(): Promise<void>
}

/** AbletonOSC answers within a tick or two (100 ms each); the bridge answers on arrival. */
const TIMEOUTS: Record<ServerKind, number> = { abletonosc: 500, unknown: 500, simulator: 500, bridge: 250 }

// The type tags of fixed all-number layouts, by entry (the common case: ids and a value).
const fixedTypes = new WeakMap<CatalogueEntry, string | null>()

function fixedTypesOf(entry: CatalogueEntry): string | null {
  let types = fixedTypes.get(entry)
  if (types === undefined) {
    const simple = entry.params.every(
      (p) =>
        (p.type === 'int' || p.type === 'float') &&
        p.optional !== true &&
        p.variadic !== true &&
        p.nullable !== true &&
        p.wildcard === undefined,
    )
    types = simple ? entry.params.map((p) => (p.type === 'int' ? 'i' : 'f')).join('') : null
    fixedTypes.set(entry, types)
  }
  return types
}

/** `oscTypesFor`, cached for fixed number-only layouts once the arguments passed validation. */
function typesFor(entry: CatalogueEntry, args: readonly unknown[]): string {
  const fixed = fixedTypesOf(entry)
  if (fixed !== null && args.length === fixed.length) return fixed
  return oscTypesFor(entry, args)
}

function entryOf(address: string): CatalogueEntry {
  const entry = findEntry(address)
  if (entry === undefined) validateArgs(address as Address, [])
  return entry!
}

/**
 * The barrier of the bridge's send window: answered by the bridge itself (no call into Live), and only
 * ever sent to the bridge.
 */
const BARRIER_ADDRESS = HELLO_ADDRESS

/** `/live/error "Unknown OSC address: <a detection probe>"`. */
function isProbeRefusal(error: LiveError): boolean {
  const text = error.details.text
  return typeof text === 'string' && PROBE_REFUSALS.has(text)
}

const PROBE_REFUSALS = new Set(PROBE_ADDRESSES.map((address) => `Unknown OSC address: ${address}`))

/** The longest close() waits for the stop_listen messages of the listeners it ends. */
const CLOSE_DRAIN_MS = 250

/**
 * Creates the client's core over a transport: message routing, the requester, the watch registry,
 * lifecycle events.
 *
 * @example
 * const core = createCore({ transport, timeout: undefined, retries: 1, maxInFlight: 64 })
 */
export function createCore(options: CoreOptions): ClientCore {
  const { transport } = options
  const events = createEmitter<ClientEvents>()
  let opening: Promise<void> | undefined
  let lost = false
  let closed = false
  const unsubscribers: (() => void)[] = []

  // Sockets and timers are unreferenced, so a script that forgets close() ends once nothing is pending; a
  // watcher is something to wait for, so while one is active this timer keeps the process alive (Node; a
  // no-op elsewhere).
  let alive: ReturnType<typeof setInterval> | undefined
  function keepAlive(active: boolean): void {
    if (active) alive ??= setInterval(() => {}, 1 << 30)
    else if (alive !== undefined) {
      clearInterval(alive)
      alive = undefined
    }
  }

  const report = (error: LiveError) => {
    if (!events.emit('error', error)) console.warn(`@live/client: ${error.message}`)
  }

  const requester = createRequester({
    send: (message) => transport.send(message),
    description: transport.description,
    maxInFlight: options.maxInFlight,
    sendWindow: 1000,
    barrier: () => ({
      address: BARRIER_ADDRESS,
      args: [],
      types: '',
      replyAddress: BARRIER_ADDRESS,
      echo: NO_ECHO,
      minValues: 0,
      timeout: core.defaultTimeout(),
      retries: 0,
      quiet: true,
    }),
    onUnattributed: (error, candidates) => {
      // Another process's detection, answered to every process sharing the reply port: not ours to report.
      if (isProbeRefusal(error)) return
      if (candidates.length === 1 && core.watches.handleError(candidates[0]!, error)) return
      report(error)
    },
    onTimeout: (error) => {
      if (lost) return
      lost = true
      events.emit('connection:lost', error)
    },
  })

  const onMessage = (message: OscMessage) => {
    if (lost) {
      lost = false
      events.emit('connection:restored')
    }
    events.emit('message', message)
    if (message.address === '/live/error') {
      requester.handleError(message.args.map(String).join(' '))
      return
    }
    if (message.address === '/live/startup') {
      for (const handler of core.onStartup) handler()
      core.watches.resubscribe()
      events.emit('server:startup')
      return
    }
    requester.handleMessage(message)
    core.watches.handleMessage(message)
  }

  let opened = false
  let closing: Promise<void> | undefined

  async function shutDown(): Promise<void> {
    // Stop this client's listeners in Live first (AbletonOSC keeps a listener until told, and would go on
    // sending its updates to a port nobody reads), bounded so a stuck transport cannot hold close() up.
    if (opened && !closed) {
      let timer: ReturnType<typeof setTimeout> | undefined
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_DRAIN_MS)
      })
      await Promise.race([core.watches.close(), bound])
      clearTimeout(timer)
    }
    closed = true
    opened = false
    requester.close()
    for (const off of unsubscribers.splice(0)) off()
    events.clear()
    await transport.close()
  }

  /** `prepare` without a turn of the microtask queue, when nothing needs awaiting (open, no extension); else undefined. */
  function prepareNow(address: string, args: readonly unknown[], signal: AbortSignal | undefined) {
    if (!opened || closed) return undefined
    const entry = findEntry(address)
    if (entry === undefined || entry.extension === true || !argsPass(entry, args)) return undefined
    if (signal?.aborted === true) throw abortedError(address, signal.reason)
    for (const handler of core.onSent) handler(address)
    return { entry, values: args as readonly OscValue[], types: typesFor(entry, args) }
  }

  async function prepare(address: string, args: readonly unknown[], signal: AbortSignal | undefined) {
    const entry = entryOf(address)
    const bridged = usesBridgeIds(entry, args)
    const checked = bridged ? plainIds(args) : args
    if (!argsPass(entry, checked)) validateArgs(address as Address, checked)
    if (signal?.aborted === true) throw abortedError(address, signal.reason)
    if (entry.extension === true || bridged) await core.checkExtension(entry, signal, bridged)
    if (!opened || closed) await core.open(signal)
    for (const handler of core.onSent) handler(address)
    const types = bridged ? bridgeTypes(typesFor(entry, checked), args) : typesFor(entry, args)
    return { entry, values: args as readonly OscValue[], types }
  }

  const core: ClientCore = {
    transport,
    events,
    requester,
    server: { kind: 'unknown', name: 'an unidentified server', version: undefined },
    checkExtension: async () => {},
    existence: undefined,
    onStartup: new Set(),
    onSent: new Set(),
    watches: createWatchRegistry({
      send: (address, args) => core.send(address, args),
      onError: report,
      onActive: keepAlive,
    }),
    defaultTimeout: () => options.timeout ?? TIMEOUTS[core.server.kind],
    async request(address, args, callOptions = {}, bulk, flags) {
      const { entry, values, types } =
        prepareNow(address, args, callOptions.signal) ?? (await prepare(address, args, callOptions.signal))
      const shape = flags?.unchecked === true ? undefined : core.existence
      if (shape !== undefined) {
        const doubt = shape.guard(entry, values, callOptions)
        if (doubt !== undefined) await doubt
      }
      if (entry.reply === null) {
        await requester.send({ address, args: values, types, signal: callOptions.signal })
        return []
      }
      const echo = replyEcho(entry, values)
      let reply: readonly OscValue[]
      try {
        reply = await requester.request({
          address,
          args: values,
          types,
          signal: callOptions.signal,
          replyAddress: replyAddressOf(entry),
          echo,
          minValues: minReplyValues(entry, echo),
          timeout: callOptions.timeout ?? core.defaultTimeout(),
          retries: entry.kind === 'get' ? (callOptions.retries ?? options.retries) : 0,
          ...(bulk === undefined ? {} : { batch: bulk.batch !== false, window: bulk.window }),
          quiet: flags?.quiet,
        })
      } catch (error) {
        if (shape === undefined) throw error
        return await shape.explain(error, entry, values, callOptions)
      }
      let decoded: unknown[]
      if (replyPasses(entry, reply)) decoded = reply.slice()
      else if (usesBridgeIds(entry, values)) {
        // The bridge echoes its string ids: decode with plain ones, then give the ids back.
        const plain = decodeReply(address as Address, plainIds(reply)) as unknown[]
        decoded = [...reply.slice(0, 2), ...plain.slice(2)]
      } else decoded = decodeReply(address as Address, reply) as unknown[]
      core.existence?.learn(address, values, decoded)
      return decoded
    },
    async send(address, args, callOptions = {}) {
      const { entry, values, types } = await prepare(address, args, callOptions.signal)
      const doubt = core.existence?.guard(entry, values, callOptions)
      if (doubt !== undefined) await doubt
      await requester.send({ address, args: values, types, signal: callOptions.signal })
    },
    async raw(address, args, callOptions = {}, flags) {
      await core.open(callOptions.signal)
      return requester.request({
        address,
        args,
        types: args.map((v) => (typeof v === 'string' ? 's' : Number.isInteger(v) ? 'i' : 'f')).join(''),
        signal: callOptions.signal,
        replyAddress: address,
        echo: NO_ECHO,
        minValues: 0,
        timeout: callOptions.timeout ?? core.defaultTimeout(),
        retries: callOptions.retries ?? 0,
        quiet: flags?.quiet,
      })
    },
    onOpen: new Set(),
    adaptPacing() {
      const kind = core.server.kind === 'simulator' ? 'bridge' : core.server.kind
      requester.windowSends(transport.paceFor?.(kind) === true)
    },
    open(signal) {
      if (closed) return Promise.reject(new LiveError('NOT_CONNECTED', 'the client is closed'))
      if (opening === undefined) {
        unsubscribers.push(transport.onMessage(onMessage), transport.onError(report))
        opening = transport.open({ signal }).then(
          () => {
            opened = !closed
            if (opened) for (const handler of core.onOpen) handler()
          },
          (error: unknown) => {
            opening = undefined
            for (const off of unsubscribers.splice(0)) off()
            throw error
          },
        )
      }
      return opening
    },
    close() {
      closing ??= shutDown()
      return closing
    },
  }
  return core
}
