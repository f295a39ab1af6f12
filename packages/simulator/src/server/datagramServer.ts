import {
  type DecodedOscMessage,
  type Destination,
  type Dispatcher,
  decodePacket,
  encodePacket,
  isLiveError,
  messagesOf,
  type OscMessage,
} from '@live/protocol'
import { formatOscMessage } from './formatOscMessage.js'
import { looksLikeBundle, messageTooLong, parseErrorText, socketErrorText } from './pythonTraceback.js'
import type { SimulatorLogger } from './simulatorLogger.js'
import type { UdpPeer } from './udpSocket.js'

/** Which server the simulator imitates. */
export type SimulatorFlavour = 'abletonosc' | 'bridge'

/** Where the dispatcher sends: a client, or AbletonOSC's single "default remote". */
export type ReplyTarget = Destination

/** The part of the protocol dispatcher the server drives. */
export type ServerDispatcher = Pick<Dispatcher, 'handle' | 'startup' | 'dispose'>

/** What {@link createDatagramServer} needs. */
export interface DatagramServerOptions {
  /** Tick-driven AbletonOSC or on-arrival bridge. */
  flavour: SimulatorFlavour
  /** The port AbletonOSC replies to, whatever the source port. */
  replyPort: number
  /** Larger encoded replies fail with `Socket error`. */
  maxDatagramBytes: number
  /** Receive queue bound; the oldest datagrams are dropped beyond it, as a full kernel buffer would. */
  maxQueuedDatagrams: number
  /** Where problems and traffic are reported. */
  logger: SimulatorLogger
  /** Puts bytes on the wire. */
  transmit(bytes: Uint8Array, to: UdpPeer): void
  /** The dispatcher in use now (it changes on reset). */
  dispatcher(): ServerDispatcher
}

/** The socket-independent core of the simulator's server: queue, ticks, routing, size limit. */
export interface DatagramServer {
  /** The `send` given to the dispatcher. */
  send(message: OscMessage, to: ReplyTarget): void
  /** Takes one datagram from the socket: queued (abletonosc) or handled now (bridge). */
  receive(bytes: Uint8Array, from: UdpPeer): void
  /** One AbletonOSC tick: drains the queue in arrival order, stopping at the first abort. */
  tick(): void
  /** Datagrams waiting for the next tick. */
  readonly queued: number
  /** Datagrams dropped because the queue was full. */
  readonly dropped: number
  /** Datagrams taken from the socket since the start, dropped ones included. */
  readonly received: number
}

interface Datagram {
  readonly bytes: Uint8Array
  readonly from: UdpPeer
}

/**
 * Builds the server core. AbletonOSC's loop is per datagram, so when a message of a bundle aborts
 * the tick, the bundle's remaining messages are lost (its datagram was already read), while the
 * datagrams still queued wait for the next tick (BEHAVIOUR §2).
 *
 * @example
 * const server = createDatagramServer({ flavour: 'abletonosc', replyPort: 11001, maxDatagramBytes: 65507, maxQueuedDatagrams: 4096, logger, transmit, dispatcher: () => dispatcher })
 */
export function createDatagramServer(options: DatagramServerOptions): DatagramServer {
  const { flavour, replyPort, maxDatagramBytes, maxQueuedDatagrams, logger } = options
  // AbletonOSC's default remote starts as 127.0.0.1:11001 and follows every datagram's sender.
  let remote: UdpPeer = { address: '127.0.0.1', port: replyPort }
  let queue: Datagram[] = []
  let head = 0
  let dropped = 0
  let received = 0
  // Set while one message is being handled: a failed send aborts it like a Python exception would.
  let handling = false
  let failure: string | undefined

  const route = (to: ReplyTarget): UdpPeer => {
    if (to === 'remote') return remote
    return flavour === 'abletonosc' ? { address: to.address, port: replyPort } : to
  }

  const transmit = (message: OscMessage, target: UdpPeer, limit = maxDatagramBytes): 'sent' | string => {
    let bytes: Uint8Array
    try {
      bytes = encodePacket(message)
    } catch (error) {
      return `Error handling OSC message: ${isLiveError(error) ? error.shortMessage : String(error)}`
    }
    if (bytes.length > limit) {
      logger.warn(`reply ${message.address} is ${bytes.length} bytes, over the ${limit}-byte limit`)
      return socketErrorText(messageTooLong)
    }
    logger.traffic?.(`→ ${target.address}:${target.port} ${formatOscMessage(message)}`)
    options.transmit(bytes, target)
    return 'sent'
  }

  // The server's own errors are exempt from a (test-sized) limit: at the OS's limit they always fit.
  const sendError = (text: string, to: UdpPeer) => {
    const outcome = transmit({ address: '/live/error', types: 's', args: [text] }, to, 65507)
    if (outcome !== 'sent') logger.warn(`could not send /live/error: ${outcome.split('\n')[0]}`)
  }

  const send = (message: OscMessage, to: ReplyTarget): void => {
    if (handling && failure !== undefined) return
    const target = route(to)
    const outcome = transmit(message, target)
    if (outcome === 'sent') return
    if (handling) failure = outcome
    else sendError(outcome, flavour === 'abletonosc' ? remote : target)
  }

  const handleMessage = (message: DecodedOscMessage, from: UdpPeer): 'ok' | 'abort' => {
    logger.traffic?.(`← ${from.address}:${from.port} ${formatOscMessage(message)}`)
    handling = true
    failure = undefined
    let outcome: 'ok' | 'abort'
    try {
      outcome = options.dispatcher().handle(message, from)
    } catch (error) {
      // The dispatcher never throws; should it, answer as AbletonOSC answers a failing handler.
      logger.warn(`handler for ${message.address} threw: ${error instanceof Error ? error.stack : String(error)}`)
      failure ??= `Error handling OSC message: ${error instanceof Error ? error.message : String(error)}`
      outcome = 'abort'
    } finally {
      handling = false
    }
    if (failure !== undefined) {
      const text = failure
      failure = undefined
      sendError(text, flavour === 'abletonosc' ? remote : from)
      return 'abort'
    }
    return outcome
  }

  const handleDatagram = (datagram: Datagram): 'ok' | 'abort' => {
    const { bytes, from } = datagram
    if (flavour === 'abletonosc') remote = { address: from.address, port: replyPort }
    else remote = from
    let messages: readonly DecodedOscMessage[]
    try {
      messages = messagesOf(decodePacket(bytes))
    } catch (error) {
      const detail = isLiveError(error) ? error.shortMessage : error instanceof Error ? error.message : String(error)
      logger.traffic?.(`← ${from.address}:${from.port} <${bytes.length} undecodable bytes: ${detail}>`)
      sendError(parseErrorText(looksLikeBundle(bytes), detail), flavour === 'abletonosc' ? remote : from)
      return 'ok'
    }
    for (const message of messages) {
      if (handleMessage(message, from) === 'abort' && flavour === 'abletonosc') return 'abort'
    }
    return 'ok'
  }

  return {
    send,
    receive(bytes, from) {
      received++
      if (flavour === 'bridge') {
        handleDatagram({ bytes, from })
        return
      }
      queue.push({ bytes, from })
      if (queue.length - head > maxQueuedDatagrams) {
        head++
        dropped++
        if (dropped === 1 || dropped % 1000 === 0) logger.warn(`receive queue full: ${dropped} datagram(s) dropped`)
      }
    },
    tick() {
      while (head < queue.length) {
        const datagram = queue[head]!
        head++
        if (handleDatagram(datagram) === 'abort') break
      }
      // Compact so the array does not grow without bound.
      if (head > 0 && (head === queue.length || head > 1024)) {
        queue = queue.slice(head)
        head = 0
      }
    },
    get queued() {
      return queue.length - head
    },
    get dropped() {
      return dropped
    },
    get received() {
      return received
    },
  }
}
