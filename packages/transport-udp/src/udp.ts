import { createSocket, type Socket as UdpSocket } from 'node:dgram'
import {
  decodePacket,
  encodePacket,
  isBundle,
  isLiveError,
  LiveError,
  type MessageHandler,
  messagesOf,
  type OscPacket,
  type PacketSource,
  type Transport,
  type TransportErrorHandler,
} from '@live/protocol'
import { notConnectedError, portInUseError, socketError } from './errors.js'
import { createPacer, defaultPacing, type Pacer } from './pacing/createPacer.js'
import { resolveUdpConfig, type UdpConfig, type UdpOptions } from './resolveUdpConfig.js'
import { bindUdp, closeUdp } from './sharing/replyHub.js'
import { flattenPacket } from './sharing/replyRouter.js'
import { openSharedReplyPort, type SharedReplyPort } from './sharing/sharedReplyPort.js'

/** How this transport receives replies right now. */
export type UdpReplyRole = 'hub' | 'member' | 'handing-over' | 'exclusive' | 'source' | 'closed'

/** The Transport `udp()` returns, plus what it knows about its sockets. */
export interface UdpTransport extends Transport {
  /** `hub` holds the shared reply port, `member` receives through the hub, `exclusive` holds it alone (`replySharing: 'off'`), `source` receives on its send socket. */
  readonly replyRole: UdpReplyRole
  /** The options after defaults and environment variables. */
  readonly config: UdpConfig
  /** The receive buffer in bytes of the socket replies arrive on, as the kernel reports it (Linux counts its per-datagram overhead in it); undefined before open() or when replies come through a shared hub. */
  readonly receiveBufferSize: number | undefined
  /** With `pacing: 'auto'`: paces per tick for AbletonOSC and an unknown server, not at all for the bridge (true: the client's window paces). */
  paceFor(server: 'abletonosc' | 'bridge' | 'unknown'): boolean
}

/** The largest UDP payload over IPv4. */
const maxDatagramBytes = 65_507

interface Session {
  readonly sendSocket: UdpSocket
  readonly replySocket: UdpSocket | undefined
  readonly shared: SharedReplyPort | undefined
  readonly pacer: Pacer
  chain: Promise<void>
  /** Sends still waiting on the chain. */
  queued: number
  closed: boolean
}

/**
 * The Transport over node:dgram: sends to AbletonOSC (or the bridge, or the simulator) and receives
 * its replies, sharing AbletonOSC's one reply port with the other @live processes of this machine.
 *
 * @example
 * const transport = udp({ host: '127.0.0.1', port: 11000 })
 * await transport.open()
 * transport.onMessage((message) => console.log(message.address, message.args))
 * await transport.send({ address: '/live/song/get/tempo', args: [] })
 */
export function udp(options: UdpOptions = {}): UdpTransport {
  const config = resolveUdpConfig(options)
  const description = `udp ${config.host}:${config.port}`
  const messageHandlers = new Set<MessageHandler>()
  let handlerList: MessageHandler[] | undefined
  const errorHandlers = new Set<TransportErrorHandler>()
  let session: Session | undefined
  // With `pacing: 'auto'`: per tick until the client says the server answers on arrival (the bridge).
  let onArrival = false
  const unpaced = () => config.pacing === false || (config.pacing === 'auto' && onArrival)
  let opening: Promise<void> | undefined
  let closing: Promise<void> | undefined

  function emitError(error: LiveError): void {
    for (const handler of [...errorHandlers]) {
      try {
        handler(error)
      } catch {
        // An error handler that throws must not take the socket down with it.
      }
    }
  }

  function deliver(datagram: Uint8Array, source: PacketSource): void {
    let messages: ReturnType<typeof messagesOf>
    try {
      messages = messagesOf(decodePacket(datagram))
    } catch (error) {
      emitError(receiveError(error, datagram.length, source))
      return
    }
    for (const message of messages) {
      // A snapshot, so a handler may add or remove handlers; rebuilt only when they change.
      handlerList ??= [...messageHandlers]
      for (const handler of handlerList) {
        try {
          handler(message, source)
        } catch (error) {
          emitError(
            new LiveError('INTERNAL', `a message handler of ${description} threw on ${message.address}`, {
              metaMessages: ['Handlers must not throw: catch inside the handler.'],
              cause: error,
            }),
          )
        }
      }
    }
  }

  async function start(): Promise<Session> {
    const sendSocket = await bound(
      0,
      `cannot bind a socket on ${config.bindAddress} to send to ${config.host}:${config.port}`,
      config.replyPort === 'source',
    )
    sendSocket.on('message', (datagram: Buffer, remote) =>
      deliver(datagram, { address: remote.address, port: remote.port }),
    )
    sendSocket.on('error', (error) => emitError(socketError(`${description} send socket failed`, error)))
    try {
      let replySocket: UdpSocket | undefined
      let shared: SharedReplyPort | undefined
      if (config.replyPort === 'source') {
        // The bridge replies to the request's own port: the send socket is the reply socket.
      } else if (config.replySharing === 'off') {
        replySocket = await bound(
          config.replyPort,
          `cannot bind reply port ${config.bindAddress}:${config.replyPort}`,
          true,
        )
        replySocket.on('message', (datagram: Buffer, remote) =>
          deliver(datagram, { address: remote.address, port: remote.port }),
        )
        replySocket.on('error', (error) => emitError(socketError(`${description} reply socket failed`, error)))
      } else {
        shared = await openSharedReplyPort({
          replyPort: config.replyPort,
          bindAddress: config.bindAddress,
          handoverTimeoutMs: config.handoverTimeoutMs,
          onDatagram: deliver,
          onError: emitError,
        })
      }
      return {
        sendSocket,
        replySocket,
        shared,
        pacer: createPacer(config.pacing === 'auto' ? defaultPacing : config.pacing),
        chain: Promise.resolve(),
        queued: 0,
        closed: false,
      }
    } catch (error) {
      await closeUdp(sendSocket)
      throw error
    }
  }

  async function bound(port: number, what: string, receives: boolean): Promise<UdpSocket> {
    const socket = createSocket({ type: 'udp4' })
    try {
      await bindUdp(socket, port, config.bindAddress)
      // An open socket keeps nobody alive: sends in progress and the client's pending requests and watches do.
      socket.unref()
      if (receives) {
        try {
          socket.setRecvBufferSize(config.recvBufferSize)
        } catch {
          // Refused (e.g. above a hard limit on some systems): keep the OS default, readable from receiveBufferSize.
        }
      }
      return socket
    } catch (error) {
      await closeUdp(socket)
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUseError(port, config.bindAddress, error)
      throw socketError(what, error)
    }
  }

  function sendDatagram(socket: UdpSocket, datagram: Uint8Array, address: string): Promise<void> {
    return new Promise((resolve, reject) => {
      socket.send(datagram, config.port, config.host, (error) => {
        if (!error) return resolve()
        if ((error as NodeJS.ErrnoException).code === 'EMSGSIZE') reject(tooLargeError(address, datagram.length, error))
        else reject(socketError(`cannot send ${address} to ${config.host}:${config.port}`, error))
      })
    })
  }

  const transport: UdpTransport = {
    description,
    config,
    replyRouting: config.replyPort === 'source' ? 'source-port' : 'shared-port',
    get receiveBufferSize(): number | undefined {
      const socket = session?.replySocket ?? (config.replyPort === 'source' ? session?.sendSocket : undefined)
      if (socket === undefined) return undefined
      try {
        return socket.getRecvBufferSize()
      } catch {
        return undefined
      }
    },
    get replyRole(): UdpReplyRole {
      if (!session) return 'closed'
      if (session.shared) return session.shared.role
      return config.replyPort === 'source' ? 'source' : 'exclusive'
    },
    async open(openOptions = {}) {
      const { signal } = openOptions
      if (signal?.aborted) throw abortedError(description)
      if (closing) await closing
      if (session) return
      opening ??= start()
        .then((started) => {
          session = started
        })
        .finally(() => {
          opening = undefined
        })
      await opening
      if (signal?.aborted) {
        await transport.close()
        throw abortedError(description)
      }
    },
    // Not `async`: the common path hands back the socket's own promise, a turn of the microtask queue sooner.
    send(packet: OscPacket): Promise<void> {
      const current = session
      const address = addressOf(packet)
      if (!current || current.closed) return Promise.reject(notConnectedError(description, `send ${address}`))
      let datagram: Uint8Array
      try {
        datagram = encodePacket(packet)
      } catch (error) {
        return Promise.reject(
          isLiveError(error)
            ? error
            : new LiveError('ENCODE_FAILED', `cannot encode ${address} for ${description}`, { cause: error }),
        )
      }
      if (datagram.length > maxDatagramBytes) return Promise.reject(tooLargeError(address, datagram.length))
      // Nothing to pace, announce or wait behind: straight to the socket (the kernel keeps the order).
      // A server that answers on arrival (the bridge) replies to the sending socket: the reply port's hub never
      // sees its replies, so there is nothing to announce.
      const shared = onArrival ? undefined : current.shared
      if (unpaced() && shared === undefined && current.queued === 0) {
        return sendDatagram(current.sendSocket, datagram, address)
      }
      const announced = shared?.announce(datagram, flattenPacket(packet)) ?? Promise.resolve()
      current.queued++
      const step = current.chain.then(async () => {
        current.queued--
        if (!unpaced()) await current.pacer.take()
        await announced
        if (current.closed) throw notConnectedError(description, `send ${address}`)
        await sendDatagram(current.sendSocket, datagram, address)
      })
      current.chain = step.catch(() => {})
      return step
    },
    paceFor(server) {
      if (config.pacing !== 'auto') return false
      onArrival = server === 'bridge'
      if (onArrival) session?.pacer.release()
      return onArrival
    },
    onMessage(handler) {
      messageHandlers.add(handler)
      handlerList = undefined
      return () => {
        handlerList = undefined
        return messageHandlers.delete(handler)
      }
    },
    onError(handler) {
      errorHandlers.add(handler)
      return () => errorHandlers.delete(handler)
    },
    async close() {
      if (opening) await opening.catch(() => {})
      const current = session
      if (current && !closing) {
        closing = (async () => {
          current.closed = true
          current.pacer.cancel(notConnectedError(description, 'send: closed while waiting to send'))
          await current.shared?.close()
          if (current.replySocket) await closeUdp(current.replySocket)
          await closeUdp(current.sendSocket)
          session = undefined
        })().finally(() => {
          closing = undefined
        })
      }
      await closing
      messageHandlers.clear()
      handlerList = undefined
      errorHandlers.clear()
    },
  }
  return transport
}

function addressOf(packet: OscPacket): string {
  if (!isBundle(packet)) return packet.address
  const first = flattenPacket(packet)[0]
  return first === undefined ? 'an empty bundle' : first.address
}

function abortedError(description: string): LiveError {
  return new LiveError('ABORTED', `opening ${description} was aborted`)
}

function tooLargeError(address: string, bytes: number, cause?: unknown): LiveError {
  return new LiveError('ENCODE_FAILED', `${address} is ${bytes} bytes, too large for one UDP datagram`, {
    metaMessages: [
      'Send fewer messages per bundle, or split the data over several requests (macOS allows only 9216 bytes by default).',
    ],
    details: { address, bytes },
    cause,
  })
}

function receiveError(error: unknown, bytes: number, source: PacketSource): LiveError {
  const from = `${source.address}:${source.port}`
  if (isLiveError(error)) {
    return new LiveError(error.code, `${error.shortMessage} (${bytes} bytes from ${from})`, {
      metaMessages: error.metaMessages,
      details: { ...error.details, source: from },
      cause: error,
    })
  }
  return new LiveError('DECODE_FAILED', `undecodable packet of ${bytes} bytes from ${from}`, {
    metaMessages: ['Is another program sending non-OSC data to this port?'],
    details: { source: from },
    cause: error,
  })
}
