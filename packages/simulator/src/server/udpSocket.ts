import { createSocket } from 'node:dgram'
import { LiveError } from '@live/protocol'

/** Where a datagram came from or goes to. */
export interface UdpPeer {
  /** IPv4 address, e.g. `127.0.0.1`. */
  readonly address: string
  /** UDP port. */
  readonly port: number
}

/** What {@link openUdpSocket} needs: where to listen and whom to tell. */
export interface UdpSocketOptions {
  /** Interface to bind. */
  host: string
  /** Port to bind; 0 picks a free one. */
  port: number
  /** Called for every datagram, in arrival order. */
  onDatagram: (bytes: Uint8Array, from: UdpPeer) => void
  /** Called for socket errors after the bind; they are never fatal. */
  onError: (error: Error) => void
}

/** A bound UDP socket: the simulator's only contact with the network. */
export interface UdpSocket {
  /** The port actually bound. */
  readonly port: number
  /** Sends one datagram; failures go to `onError`, never thrown. */
  send(bytes: Uint8Array, to: UdpPeer): void
  /** Releases the socket; idempotent. */
  close(): Promise<void>
}

/**
 * Binds an IPv4 UDP socket, rejecting with `PORT_IN_USE` when the port is held by another program.
 *
 * @example
 * const socket = await openUdpSocket({ host: '127.0.0.1', port: 0, onDatagram: console.log, onError: console.error })
 */
export function openUdpSocket(options: UdpSocketOptions): Promise<UdpSocket> {
  const socket = createSocket({ type: 'udp4', reuseAddr: false })
  let closed = false
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      if (closed) return resolve()
      closed = true
      try {
        socket.close(() => resolve())
      } catch {
        resolve()
      }
    })

  return new Promise((resolve, reject) => {
    const onBindError = (error: NodeJS.ErrnoException) => {
      closed = true
      reject(bindError(error, options.host, options.port))
    }
    socket.once('error', onBindError)
    socket.on('message', (message, rinfo) => {
      options.onDatagram(new Uint8Array(message.buffer, message.byteOffset, message.byteLength), {
        address: rinfo.address,
        port: rinfo.port,
      })
    })
    socket.bind({ port: options.port, address: options.host, exclusive: true }, () => {
      socket.off('error', onBindError)
      socket.on('error', (error) => options.onError(error))
      resolve({
        port: socket.address().port,
        send(bytes, to) {
          if (closed) return
          try {
            // No callback: a failed send reaches the 'error' listener, and the socket skips a completion callback per reply.
            socket.send(bytes, to.port, to.address)
          } catch (error) {
            options.onError(error instanceof Error ? error : new Error(String(error)))
          }
        },
        close,
      })
    })
  })
}

function bindError(error: NodeJS.ErrnoException, host: string, port: number): LiveError {
  if (error.code === 'EADDRINUSE') {
    return new LiveError('PORT_IN_USE', `UDP port ${port} on ${host} is already in use`, {
      metaMessages: [
        'Another AbletonOSC (Live with AbletonOSC selected) or another simulator is listening there.',
        'Stop it, or choose another port with --port (and point your client at it).',
      ],
      details: { host, port },
      cause: error,
    })
  }
  return new LiveError('NOT_CONNECTED', `cannot listen on UDP ${host}:${port} (${error.code ?? error.message})`, {
    metaMessages: ['Check --host: it must be an IPv4 address of this machine, e.g. 127.0.0.1 or 0.0.0.0.'],
    details: { host, port },
    cause: error,
  })
}
