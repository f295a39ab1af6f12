import { createSocket } from 'node:dgram'
import { type DecodedOscMessage, decodePacket, encodePacket, messagesOf, type OscPacket } from '@live/protocol'

/** A received message and the order it came in. */
export type Received = DecodedOscMessage

/** Options of {@link openOscTestClient}. */
export interface OscTestClientOptions {
  /** The server's host. */
  host: string
  /** The server's port. */
  port: number
  /** Local interface to bind (127.0.0.2 lets a test be a second host on Linux). @default '127.0.0.1' */
  bindHost?: string | undefined
  /** Local port to bind (AbletonOSC's reply port), or 0 for an ephemeral one. @default 0 */
  bindPort?: number | undefined
  /** Moves a virtual-clock server on by `ms` (one tick); absent for servers on real time. */
  advance?: ((ms: number) => Promise<void>) | undefined
}

/** How long {@link OscTestClient.waitFor} tries. */
export interface WaitOptions {
  /** How many matching messages to wait for. @default 1 */
  count?: number | undefined
  /** Words for the failure message, e.g. `the reply to /live/song/get/tempo`. */
  what?: string | undefined
}

/** A tiny OSC-over-UDP client for tests: send packets, collect what comes back. */
export interface OscTestClient {
  /** The local port it is bound to. */
  readonly port: number
  /** Messages received and not yet taken, in arrival order. */
  readonly inbox: readonly Received[]
  /** Sends a message or bundle to the server. */
  send(packet: OscPacket): void
  /** Datagrams handed to the socket and not yet sent (a flood waits on it). */
  pendingSends(): number
  /** Points the client at another server (a reply socket is bound before the server exists). */
  setServer(host: string, port: number): void
  /** Sends raw bytes to the server (garbage, on purpose). */
  sendBytes(bytes: Uint8Array): void
  /** Waits (advancing ticks when it can) until `count` messages match, removes them from the inbox and returns them. */
  waitFor(match: string | ((message: Received) => boolean), options?: WaitOptions): Promise<Received[]>
  /** Sends `/live/test` and waits for its "ok": everything sent before it has been handled by then. */
  sync(): Promise<void>
  /** Empties the inbox. */
  clear(): void
  /** Closes the socket. */
  close(): Promise<void>
}

/** Virtual-clock rounds (one tick each) before waitFor gives up. */
const maxTicks = 200
/** Real-time limit of waitFor for servers without a virtual clock. */
const realTimeoutMs = 3000
const tickMs = 100

/**
 * Binds a UDP socket (on 127.0.0.1 by default) to talk to a server of the protocol.
 *
 * @example
 * const client = await openOscTestClient({ host: '127.0.0.1', port: 11000, bindPort: 11001 })
 * client.send({ address: '/live/test', args: [] })
 * const [reply] = await client.waitFor('/live/test')
 */
export async function openOscTestClient(options: OscTestClientOptions): Promise<OscTestClient> {
  const socket = createSocket('udp4')
  const inbox: Received[] = []
  socket.on('message', (bytes) => {
    try {
      inbox.push(...messagesOf(decodePacket(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))))
    } catch (error) {
      inbox.push({ address: '<undecodable>', types: 's', args: [String(error)] })
    }
  })
  socket.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject)
    socket.bind({ port: options.bindPort ?? 0, address: options.bindHost ?? '127.0.0.1', exclusive: true }, () => {
      socket.off('error', reject)
      resolve()
    })
  })
  const port = socket.address().port
  let server = { host: options.host, port: options.port }
  const sendBytes = (bytes: Uint8Array) => socket.send(bytes, server.port, server.host)

  const waitFor: OscTestClient['waitFor'] = async (match, waitOptions = {}) => {
    const count = waitOptions.count ?? 1
    const predicate = typeof match === 'string' ? (m: Received) => m.address === match : match
    const deadline = Date.now() + realTimeoutMs
    for (let round = 0; ; round++) {
      const hits = inbox.filter(predicate)
      if (hits.length >= count) {
        const taken = hits.slice(0, count)
        for (const hit of taken) inbox.splice(inbox.indexOf(hit), 1)
        return taken
      }
      const exhausted = options.advance ? round >= maxTicks : Date.now() > deadline
      if (exhausted) {
        const what = waitOptions.what ?? (typeof match === 'string' ? match : 'matching messages')
        const seen = inbox.map((m) => `${m.address} ,${m.types} ${JSON.stringify(m.args)}`).join('\n    ')
        throw new Error(
          `waited for ${count} × ${what} on port ${port}, got ${hits.length} ` +
            `(${options.advance ? `${maxTicks} ticks` : `${realTimeoutMs} ms`}); inbox:\n    ${seen || '(empty)'}`,
        )
      }
      if (options.advance) await options.advance(tickMs)
      else await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  return {
    port,
    inbox,
    send: (packet) => sendBytes(encodePacket(packet)),
    pendingSends: () => socket.getSendQueueCount(),
    setServer(host, serverPort) {
      server = { host, port: serverPort }
    },
    sendBytes,
    waitFor,
    async sync() {
      sendBytes(encodePacket({ address: '/live/test', types: '', args: [] }))
      await waitFor((m) => m.address === '/live/test' && m.args[0] === 'ok', { what: '/live/test "ok"' })
    },
    clear: () => {
      inbox.length = 0
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}
