import { createSocket, type Socket as UdpSocket } from 'node:dgram'
import { unlinkSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { decodePacket, type LiveError, type OscMessage, type PacketSource } from '@live/protocol'
import { controlSocketError, socketError } from '../errors.js'
import { controlMagic, createFrameReader, encodeFrame, FrameKind, packetPayload } from './controlFrames.js'
import { createReplyRouter, flattenPacket, type RouteTargets } from './replyRouter.js'

/** What the hub needs to know. */
export interface ReplyHubOptions {
  /** The shared reply port, e.g. 11001. */
  readonly replyPort: number
  /** The interface the reply port is bound on. */
  readonly bindAddress: string
  /** The control channel's path (see `controlPath`). */
  readonly path: string
  /** Delivers a datagram meant for the hub's own process. */
  readonly onDatagram: (datagram: Uint8Array, source: PacketSource) => void
  /** Reports socket errors of the reply port. */
  readonly onError: (error: LiveError) => void
}

/** The process that holds the reply port and fans replies out to the other processes. */
export interface ReplyHub {
  /** Records what the hub's own process sends, so its replies come back to it. */
  noteSent(messages: readonly OscMessage[]): void
  /** Member processes connected right now. */
  readonly memberCount: number
  /** Closes the control channel first (so the socket path is never unlinked under a successor), then the port. */
  close(): Promise<void>
}

/** The hub's own process in the routing table. */
const self = 'self'
/** A member that does not read its frames gets cut off rather than grow the hub's memory. */
const maxBufferedBytes = 8 * 1024 * 1024

/**
 * Binds the reply port and opens the control channel; resolves undefined when the port is taken.
 *
 * @example
 * const hub = await startReplyHub({ replyPort: 11001, bindAddress: '0.0.0.0', path, onDatagram, onError })
 */
export async function startReplyHub(options: ReplyHubOptions): Promise<ReplyHub | undefined> {
  const socket = createSocket({ type: 'udp4' })
  try {
    await bindUdp(socket, options.replyPort, options.bindAddress)
  } catch (error) {
    socket.close()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return undefined
    throw socketError(`cannot bind the reply port ${options.bindAddress}:${options.replyPort}`, error)
  }

  const router = createReplyRouter()
  const members = new Map<string, Socket>()
  const connections = new Set<Socket>()
  let nextId = 0

  function onConnection(connection: Socket): void {
    const id = `member-${++nextId}`
    connections.add(connection)
    // A member's connection does not keep this process alive: when its own work is done it exits, and the
    // members take the port over (as when it dies).
    connection.unref()
    let registered = false
    const read = createFrameReader((kind, payload) => {
      if (!registered) {
        if (kind !== FrameKind.hello || !payload.toString('utf8').startsWith(controlMagic)) {
          connection.destroy()
          return
        }
        registered = true
        members.set(id, connection)
        connection.write(encodeFrame(FrameKind.welcome, Buffer.from(controlMagic)))
        return
      }
      if (kind !== FrameKind.announce || payload.length < 4) return
      try {
        router.noteSent(id, flattenPacket(decodePacket(payload.subarray(4))), Date.now())
      } catch {
        // An undecodable announce routes nothing; the member still gets its ack and sends.
      }
      connection.write(encodeFrame(FrameKind.ack, payload.subarray(0, 4)))
    })
    connection.on('data', (chunk: Buffer) => {
      try {
        read(chunk)
      } catch {
        connection.destroy()
      }
    })
    connection.on('error', () => connection.destroy())
    connection.on('close', () => {
      connections.delete(connection)
      members.delete(id)
      router.removeMember(id)
    })
  }

  const server = createServer(onConnection)
  try {
    await listen(server, options.path)
  } catch (error) {
    await closeUdp(socket)
    throw controlSocketError(options.path, options.replyPort, error)
  }
  // Holding the port keeps nobody alive: a script ends when its own requests and watches are done.
  server.unref()
  socket.unref()

  socket.on('message', (datagram: Buffer, remote) => {
    let targets: RouteTargets = 'all'
    try {
      targets = router.route(flattenPacket(decodePacket(datagram)), Date.now())
    } catch {
      // Undecodable: every process gets the bytes and reports DECODE_FAILED itself.
    }
    const source = { address: remote.address, port: remote.port }
    if (targets === 'all' || targets.has(self)) options.onDatagram(new Uint8Array(datagram), source)
    if (members.size === 0) return
    const frame = encodeFrame(FrameKind.packet, packetPayload(source, datagram))
    for (const [id, member] of members) {
      if (targets !== 'all' && !targets.has(id)) continue
      if (member.writableLength > maxBufferedBytes) member.destroy()
      else member.write(frame)
    }
  })
  socket.on('error', (error) => {
    options.onError(socketError(`reply port ${options.bindAddress}:${options.replyPort} failed`, error))
  })

  let closing: Promise<void> | undefined
  return {
    noteSent: (messages) => router.noteSent(self, messages, Date.now()),
    get memberCount() {
      return members.size
    },
    close() {
      closing ??= (async () => {
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
        for (const connection of connections) connection.destroy()
        await serverClosed
        await closeUdp(socket)
      })()
      return closing
    },
  }
}

/** Binds a UDP socket, rejecting with the system error (EADDRINUSE, EACCES...). */
export function bindUdp(socket: UdpSocket, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject)
    socket.bind(port, address, () => {
      socket.off('error', reject)
      resolve()
    })
  })
}

/** Closes a UDP socket, whatever state it is in. */
export function closeUdp(socket: UdpSocket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve())
    } catch {
      resolve() // already closed
    }
  })
}

function listen(server: Server, path: string): Promise<void> {
  // We hold the reply port, so no live hub can own this path: whatever is there is stale.
  if (process.platform !== 'win32') {
    try {
      unlinkSync(path)
    } catch {
      // ENOENT: nothing stale.
    }
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
