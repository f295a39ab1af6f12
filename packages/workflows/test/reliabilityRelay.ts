import { createSocket, type RemoteInfo, type Socket } from 'node:dgram'

/** A seeded PRNG (mulberry32): the same seed drops the same datagrams. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A UDP relay between a client and a server that drops datagrams, and can play the bridge's export part. */
export interface Relay {
  /** Where the client sends. */
  readonly port: number
  /** The relay's socket towards the server: the abletonosc simulator's `replyPort`. */
  readonly upstreamPort: number
  /** Sets the server's port (the simulator is created after the relay). */
  setTarget(port: number): void
  /** Share of datagrams dropped each way from now on. */
  dropRate: number
  /** Datagrams dropped so far, each way. */
  readonly dropped: { up: number; down: number }
  close(): Promise<void>
}

/** What the relay does. */
export interface RelayOptions {
  /** Share of datagrams dropped each way. @default 0 */
  dropRate?: number
  /** PRNG seed. @default 1 */
  seed?: number
  /** Fixed port replies go to (the client's reply port in the abletonosc flavour); else the client's source. */
  replyTo?: number | undefined
}

const bind = (socket: Socket) => new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))

/** Starts a relay on two ephemeral ports of 127.0.0.1. */
export async function createRelay(options: RelayOptions = {}): Promise<Relay> {
  const random = seededRandom(options.seed ?? 1)
  const down = createSocket('udp4')
  const up = createSocket('udp4')
  await Promise.all([bind(down), bind(up)])
  let target = 0
  let client: RemoteInfo | undefined
  const dropped = { up: 0, down: 0 }
  const toClient = (bytes: Uint8Array) => {
    const port = options.replyTo ?? client?.port
    if (port !== undefined) down.send(bytes, port, '127.0.0.1')
  }
  down.on('message', (bytes, from) => {
    client = from
    if (random() < relay.dropRate) dropped.up++
    else up.send(bytes, target, '127.0.0.1')
  })
  up.on('message', (bytes) => {
    if (random() < relay.dropRate) dropped.down++
    else toClient(bytes)
  })
  const relay: Relay = {
    dropRate: options.dropRate ?? 0,
    port: down.address().port,
    upstreamPort: up.address().port,
    setTarget: (port) => {
      target = port
    },
    dropped,
    async close() {
      await Promise.all([down, up].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))))
    },
  }
  return relay
}
