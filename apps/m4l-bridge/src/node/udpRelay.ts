import { createSocket, type Socket } from 'node:dgram'

/** A datagram's sender or receiver. */
export interface UdpPeer {
  /** IPv4 address. */
  readonly address: string
  /** UDP port. */
  readonly port: number
}

/** What {@link createUdpRelay} needs. */
export interface UdpRelayOptions {
  /** Interface to bind. @default '127.0.0.1' */
  host?: string | undefined
  /** Port to bind; 0 picks a free one. */
  port: number
  /** Called with each datagram and its sender's own address and port. */
  onDatagram: (from: UdpPeer, bytes: Uint8Array) => void
  /** Called for socket errors after the bind. */
  onError: (error: Error) => void
}

/** The Node-for-Max half of the device: a UDP socket that shuttles datagrams to and from Max. */
export interface UdpRelay {
  /** The port actually bound. */
  readonly port: number
  /** Sends one datagram to a client's own address and port. */
  send(to: UdpPeer, bytes: Uint8Array): void
  /** Releases the socket; idempotent. */
  close(): Promise<void>
}

/**
 * Binds the bridge's UDP socket. Node's `dgram` reports each sender's port (`rinfo.port`), which
 * Max's `udpreceive` does not; that is why the socket lives in Node for Max. Datagrams cross to
 * Max as lists of byte values (see bytes.ts); the `v8` object decodes them.
 *
 * @example
 * const relay = await createUdpRelay({ port: 11002, onDatagram: (from, bytes) => console.log(from, bytes.length), onError: console.error })
 */
export function createUdpRelay(options: UdpRelayOptions): Promise<UdpRelay> {
  const host = options.host ?? '127.0.0.1'
  // A client's burst (sync() keeps 64 requests in flight) must not overflow the kernel's default buffer while
  // Max is busy; the OS may grant less.
  const socket: Socket = createSocket({ type: 'udp4', reuseAddr: false, recvBufferSize: 4 * 1024 * 1024 })
  let closed = false
  return new Promise((resolve, reject) => {
    const onBindError = (error: Error) => {
      closed = true
      reject(error)
    }
    socket.once('error', onBindError)
    socket.on('message', (message, rinfo) => {
      options.onDatagram({ address: rinfo.address, port: rinfo.port }, message)
    })
    socket.bind({ port: options.port, address: host, exclusive: true }, () => {
      socket.off('error', onBindError)
      socket.on('error', options.onError)
      resolve({
        port: socket.address().port,
        send(to, bytes) {
          if (closed) return
          socket.send(bytes, to.port, to.address, (error) => {
            if (error) options.onError(error)
          })
        },
        close: () =>
          new Promise<void>((done) => {
            if (closed) return done()
            closed = true
            socket.close(() => done())
          }),
      })
    })
  })
}
