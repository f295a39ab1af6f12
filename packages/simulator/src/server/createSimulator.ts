import { createRequire } from 'node:module'
import { type ClientAddress, createDispatcher, type Dispatcher } from '@live/protocol'
import { type Clock, createRealClock } from '../clock/clock.js'
import { createLiveSet, type LiveSet } from '../model/createLiveSet.js'
import { loadLiveSetFile } from '../model/liveSetFile.js'
import type { LiveSetData } from '../model/schema.js'
import { createDatagramServer, type SimulatorFlavour } from './datagramServer.js'
import { createSimulatedExport } from './simulatedExport.js'
import { quietLogger, type SimulatorLogger } from './simulatorLogger.js'
import { createSimulatorMidi } from './simulatorMidi.js'
import { pythonTempDir, writeSongStructureFile } from './songStructureFile.js'
import { openUdpSocket } from './udpSocket.js'

/** The address only the simulator answers, in both flavours: `/simulator/hello` → name, version, flavour. */
export const SIMULATOR_HELLO = '/simulator/hello'

/** The name `/simulator/hello` answers with. */
export const SIMULATOR_NAME = 'live-simulator'

/** This package's version, as `/simulator/hello` reports it: by name, so it also resolves from the CLI's and the MCP server's bundles. */
const simulatorVersion: string = (() => {
  try {
    return (createRequire(import.meta.url)('@live/simulator/package.json') as { version: string }).version
  } catch {
    return 'unknown'
  }
})()

/** How to run a simulator. */
export interface SimulatorOptions {
  /** Which server to imitate: AbletonOSC (ticks, reply port, quirks) or our Max for Live bridge (on arrival, source port). @default 'abletonosc' */
  flavour?: SimulatorFlavour | undefined
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string | undefined
  /** UDP port to listen on; 0 picks a free one (tests). @default 11000 */
  port?: number | undefined
  /** abletonosc flavour: the port replies go to, whatever port the request came from. @default 11001 */
  replyPort?: number | undefined
  /** The Live set to serve: an embedded one by name, a JSON set file (`saveLiveSetFile`'s format), or set data. @default 'default' */
  set?: 'default' | 'demo' | `${string}.json` | LiveSetData | undefined
  /** Time for ticks and the engine; pass a virtual clock in tests. @default createRealClock() */
  clock?: Clock | undefined
  /** abletonosc flavour: how often the receive queue is drained (Live's control-surface timer). @default 100 */
  tickMs?: number | undefined
  /** How often the model's engine advances song time; passed to createLiveSet. @default createLiveSet's own default */
  engineMs?: number | undefined
  /** Encoded replies larger than this fail with `/live/error "Socket error: …"` (9216 imitates macOS). @default 65507 */
  maxDatagramBytes?: number | undefined
  /** Datagrams buffered between ticks; beyond it the oldest are dropped, as a full kernel buffer would. @default 4096 */
  maxQueuedDatagrams?: number | undefined
  /** Where lifecycle lines, warnings and (with `traffic`) each message go. @default warnings to stderr only */
  logger?: SimulatorLogger | undefined
  /**
   * bridge flavour: the export folder set in the device, where `/live/bridge/export/start` writes its files
   * (silent ones: the simulator has no audio). Unset, every export is refused, as the device refuses. @default unset
   */
  exportFolder?: string | undefined
  /**
   * Where `/live/song/export/structure` writes `abletonosc-song-structure.json` (both flavours), as
   * AbletonOSC writes it into Python's temp folder. @default pythonTempDir() (`/tmp` on Linux and macOS)
   */
  structureFolder?: string | undefined
}

/** A running simulator: a Live set behind a UDP socket. */
export interface Simulator {
  /** The port actually bound. */
  readonly port: number
  /** The interface it listens on. */
  readonly host: string
  /** The port replies go to in the abletonosc flavour. */
  readonly replyPort: number
  /** Which server it imitates. */
  readonly flavour: SimulatorFlavour
  /** The tick period in ms (abletonosc flavour). */
  readonly tickMs: number
  /** The clock driving ticks and the engine. */
  readonly clock: Clock
  /** The Live set being served (replaced by `reset()`). */
  readonly model: LiveSet
  /** The protocol dispatcher over the model (replaced by `reset()`). */
  readonly dispatcher: Dispatcher
  /** Datagrams waiting for the next tick (abletonosc flavour). */
  readonly queuedDatagrams: number
  /** Datagrams dropped because the receive queue was full. */
  readonly droppedDatagrams: number
  /** Datagrams received since the start (dropped ones included): tests wait on it instead of on time. */
  readonly receivedDatagrams: number
  /** Restores the initial set and drops every listener, keeping the socket (no new `/live/startup`). */
  reset(): Promise<void>
  /** Releases the socket and timers and disposes the dispatcher and the model; idempotent. */
  close(): Promise<void>
}

/**
 * Serves an in-memory Live set over UDP with AbletonOSC's protocol; rejects with `PORT_IN_USE` when the port is taken.
 *
 * @example
 * const sim = await createSimulator({ port: 0 })
 * console.log(`send to 127.0.0.1:${sim.port}`)
 * await sim.close()
 */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const flavour = options.flavour ?? 'abletonosc'
  const host = options.host ?? '127.0.0.1'
  const replyPort = options.replyPort ?? 11001
  const tickMs = options.tickMs ?? 100
  const clock = options.clock ?? createRealClock()
  const logger = options.logger ?? quietLogger
  const requested = options.set ?? 'default'
  const setOption: 'default' | 'demo' | LiveSetData =
    requested === 'default' || requested === 'demo' || typeof requested !== 'string'
      ? requested
      : await loadLiveSetFile(requested)
  if (!(tickMs > 0)) throw new RangeError(`tickMs must be a positive number of ms, got ${tickMs}`)

  const newModel = (): LiveSet =>
    createLiveSet({ set: setOption, clock, ...(options.engineMs === undefined ? {} : { engineMs: options.engineMs }) })

  let socket: Awaited<ReturnType<typeof openUdpSocket>> | undefined
  let model = newModel()
  let dispatcher: Dispatcher
  const server = createDatagramServer({
    flavour,
    replyPort,
    maxDatagramBytes: options.maxDatagramBytes ?? 65507,
    maxQueuedDatagrams: options.maxQueuedDatagrams ?? 4096,
    logger,
    transmit: (bytes, to) => socket?.send(bytes, to),
    dispatcher: () => dispatcher,
  })
  // The simulator's own address, outside AbletonOSC's `/live/...` space (so no reply AbletonOSC gives changes):
  // who answers, in either flavour. AbletonOSC and the bridge answer it with "Unknown OSC address".
  const hello = (from: ClientAddress): 'ok' => {
    server.send({ address: SIMULATOR_HELLO, types: 'sss', args: [SIMULATOR_NAME, simulatorVersion, flavour] }, from)
    return 'ok'
  }
  const newDispatcher = (): Dispatcher => {
    const inner = createDispatcher({
      model,
      flavour,
      send: server.send,
      writeStructure: (structure) => {
        writeSongStructureFile(options.structureFolder ?? pythonTempDir(), structure)
      },
    })
    if (flavour !== 'bridge') {
      return {
        handle: (message, from) => (message.address === SIMULATOR_HELLO ? hello(from) : inner.handle(message, from)),
        startup: () => inner.startup(),
        dispose: () => inner.dispose(),
      }
    }
    // The device answers its export addresses itself, before the shared dispatcher: so does this.
    const exporter = createSimulatedExport({ model, folder: options.exportFolder, send: server.send, logger })
    return {
      handle(message, from) {
        if (message.address === SIMULATOR_HELLO) return hello(from)
        if (!message.address.startsWith('/live/bridge/export/')) return inner.handle(message, from)
        try {
          if (exporter.handle(message.address, message.args, from)) return 'ok'
        } catch (error) {
          const text = `Error handling OSC message: ${error instanceof Error ? error.message : String(error)}`
          server.send({ address: '/live/error', types: 's', args: [text] }, from)
          return 'ok'
        }
        return inner.handle(message, from)
      },
      startup: () => inner.startup(),
      dispose() {
        exporter.dispose()
        inner.dispose()
      },
    }
  }
  dispatcher = newDispatcher()
  const midi = createSimulatorMidi({ model: () => model, send: server.send })

  try {
    socket = await openUdpSocket({
      host,
      port: options.port ?? 11000,
      onDatagram(bytes, from) {
        try {
          if (midi.receive(bytes, from)) return
          server.receive(bytes, from)
        } catch (error) {
          logger.warn(`datagram from ${from.address}:${from.port} failed: ${describe(error)}`)
        }
      },
      onError: (error) => logger.warn(`socket error: ${error.message}`),
    })
  } catch (error) {
    dispatcher.dispose()
    model.dispose()
    throw error
  }

  let closed = false
  let cancelTick: (() => void) | undefined
  if (flavour === 'abletonosc') {
    // Like Manager.tick(): handle what is queued, then re-schedule for the next control-surface tick.
    const tick = () => {
      cancelTick = clock.setTimer(tick, tickMs)
      try {
        server.tick()
      } catch (error) {
        logger.warn(`tick failed: ${describe(error)}`)
      }
    }
    cancelTick = clock.setTimer(tick, tickMs)
  }
  try {
    dispatcher.startup()
  } catch (error) {
    logger.warn(`startup failed: ${describe(error)}`)
  }

  return {
    port: socket.port,
    host,
    replyPort,
    flavour,
    tickMs,
    clock,
    get model() {
      return model
    },
    get dispatcher() {
      return dispatcher
    },
    get queuedDatagrams() {
      return server.queued
    },
    get droppedDatagrams() {
      return server.dropped
    },
    get receivedDatagrams() {
      return server.received
    },
    async reset() {
      if (closed) return
      dispatcher.dispose()
      model.dispose()
      model = newModel()
      dispatcher = newDispatcher()
    },
    async close() {
      if (closed) return
      closed = true
      cancelTick?.()
      try {
        dispatcher.dispose()
      } finally {
        model.dispose()
        await socket?.close()
      }
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
