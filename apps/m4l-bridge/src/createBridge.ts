import {
  type AudioExport,
  type ClientAddress,
  createAudioExport,
  createDispatcher,
  type DecodedOscMessage,
  type Destination,
  type Dispatcher,
  decodePacket,
  encodePacket,
  isLiveError,
  messagesOf,
  type OscMessage,
  runSelfTest,
  SELFTEST_ADDRESS,
  selfTestReply,
} from '@live/protocol'
import type { MaxAtom } from './maxGlobals.js'
import type { MaxLiveObjectModel } from './maxLiveObjectModel.js'
import { createRemoteParameters } from './remoteParameters.js'

/**
 * How an export starts when Live is stopped on the start bar's line: `transport` (the is_playing listener), because
 * a timepoint is only promised to bang while the clock moves forward (https://docs.cycling74.com/reference/timepoint/).
 * The self-test reports it next to the listener latency it costs.
 */
const START_FROM_STOP = 'transport' as 'transport' | 'timepoint'

/** The largest UDP payload over IPv4; a larger reply becomes a `/live/error`. */
export const MAX_DATAGRAM_BYTES = 65507

/** What {@link createBridge} needs: the model and the device's outlets. */
export interface BridgeOptions {
  /** Live's object model through Max's LiveAPI (or a stand-in in tests). */
  model: MaxLiveObjectModel
  /** Puts one datagram on the wire (through Node for Max). */
  transmit: (bytes: Uint8Array, to: ClientAddress) => void
  /** Messages to the recording chain (sfrecord~ and its timepoints). */
  recorder: (...atoms: MaxAtom[]) => void
  /** Messages to the live.remote~ pool. */
  remote: (...atoms: MaxAtom[]) => void
  /** The export folder set in the device. */
  folder: () => string | undefined
  /** Reported by `/live/bridge/hello`. @default '0.0.0' */
  version?: string | undefined
  /** Where problems are written (the Max window). @default nowhere */
  log?: ((text: string) => void) | undefined
  /** Where `/live/startup` goes before anyone has sent anything. @default 127.0.0.1:11001 */
  startupTo?: ClientAddress | undefined
  /** Max's version and OS, reported by `/live/bridge/selftest`. @default unknown */
  max?: { version: string; os: string } | undefined
}

/** The device's server: the shared dispatcher (flavour bridge) plus the device-only addresses. */
export interface Bridge {
  /** Handles one datagram on arrival, as the simulator's bridge flavour does. */
  receive(bytes: Uint8Array, from: ClientAddress): void
  /** Sends `/live/startup` (the device has loaded). */
  startup(): void
  /** The recording chain reports that recording began. */
  exportStarted(): void
  /** The recording chain reports that recording ended at the end bar. */
  exportStopped(): void
  /** Detaches every listener (device removed). */
  dispose(): void
}

/**
 * Creates the bridge: `/live/bridge/export/*` and `/live/bridge/remote/*` are the device's own
 * (audio files and live.remote~ exist only inside Max); everything else goes to
 * `createDispatcher({ flavour: 'bridge' })`, the same dispatcher the simulator's bridge flavour runs.
 *
 * @example
 * const bridge = createBridge({ model, transmit, recorder, remote, folder: () => folder })
 * bridge.receive(bytes, { address: '127.0.0.1', port: 50000 })
 */
export function createBridge(options: BridgeOptions): Bridge {
  const log = options.log ?? (() => {})
  let remoteClient: ClientAddress = options.startupTo ?? { address: '127.0.0.1', port: 11001 }

  const transmit = (message: OscMessage, to: ClientAddress): void => {
    let bytes: Uint8Array
    try {
      bytes = encodePacket(message)
    } catch (error) {
      log(`cannot encode ${message.address}: ${describe(error)}`)
      return
    }
    if (bytes.length > MAX_DATAGRAM_BYTES) {
      const text = `Socket error: reply ${message.address} is ${bytes.length} bytes, over the ${MAX_DATAGRAM_BYTES}-byte UDP limit`
      options.transmit(encodePacket({ address: '/live/error', types: 's', args: [text] }), to)
      return
    }
    options.transmit(bytes, to)
  }
  const send = (message: OscMessage, to: Destination) => transmit(message, to === 'remote' ? remoteClient : to)

  const dispatcher: Dispatcher = createDispatcher({
    model: options.model,
    flavour: 'bridge',
    send,
    version: options.version ?? '0.0.0',
  })
  const exporter: AudioExport = createAudioExport({
    model: options.model,
    folder: options.folder,
    // sfrecord~'s documented form is `open [file-type] filename`, type first
    // (https://docs.cycling74.com/max5/refpages/msp-ref/sfrecord~.html): the shared command is reordered here.
    recorder: (...command) =>
      command[0] === 'open' ? options.recorder('open', command[2], command[1]) : options.recorder(...command),
    send,
    // A timepoint bangs only while the clock moves forward (https://docs.cycling74.com/reference/timepoint/);
    // whether it bangs at the position the transport starts from is unproven, so a start from a stopped bar line
    // follows is_playing instead (see README, "Audio export from song time 0").
    startFromStop: START_FROM_STOP,
  })
  const remote = createRemoteParameters({ model: options.model, remote: options.remote, send })

  const handle = (message: DecodedOscMessage, from: ClientAddress): void => {
    const { address, args } = message
    try {
      if (address.startsWith('/live/bridge/export/') && exporter.handle(address, args, from)) return
      if (address.startsWith('/live/bridge/remote/') && remote.handle(address, args, from)) return
      if (address === SELFTEST_ADDRESS) {
        const max = options.max ?? { version: 'unknown', os: 'unknown' }
        const reply = selfTestReply(
          runSelfTest(options.model, {
            maxVersion: max.version,
            os: max.os,
            exportStartFromStop: `${START_FROM_STOP}: ${START_FROM_STOP === 'transport' ? 'on the is_playing listener, late by the listener latency above' : 'on a timepoint at the start bar'}`,
          }),
        )
        send({ address, types: reply.map((a) => a.tag).join(''), args: reply.map((a) => a.value) }, from)
        return
      }
    } catch (error) {
      send({ address: '/live/error', types: 's', args: [`Error handling OSC message: ${describe(error)}`] }, from)
      return
    }
    dispatcher.handle(message, from)
  }

  return {
    receive(bytes, from) {
      remoteClient = from
      let messages: readonly DecodedOscMessage[]
      try {
        messages = messagesOf(decodePacket(bytes))
      } catch (error) {
        const detail = isLiveError(error) ? error.shortMessage : describe(error)
        send({ address: '/live/error', types: 's', args: [`Error parsing OSC message: ${detail}`] }, from)
        return
      }
      for (const message of messages) handle(message, from)
    },
    startup: () => dispatcher.startup(),
    exportStarted: () => exporter.started(),
    exportStopped: () => exporter.stopped(),
    dispose: () => dispatcher.dispose(),
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
