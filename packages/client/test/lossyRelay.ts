import { createSocket, type Socket } from 'node:dgram'

/** How the relay mistreats datagrams. */
export interface LossyRelayOptions {
  /** Seed of the PRNG that decides every drop and hold-back. */
  readonly seed: number
  /** Fraction of datagrams dropped in each direction. @default 0.1 */
  readonly dropRate?: number | undefined
  /** Fraction held back and released after the next datagram in the same direction. @default 0.1 */
  readonly reorderRate?: number | undefined
  /** Where replies go: the client's reply port (AbletonOSC), or undefined for the request's own port (bridge). */
  readonly clientReplyPort?: number | undefined
}

/** A UDP relay between a client and a server that drops and reorders datagrams. */
export interface LossyRelay {
  /** Where the client sends (its `udp({ port })`). */
  readonly port: number
  /** The relay's socket towards the server: the simulator's `replyPort` in the abletonosc flavour. */
  readonly upstreamPort: number
  /** Points the relay at the server. */
  connect(serverPort: number): void
  /** Datagrams dropped and reordered so far, per direction. */
  readonly stats: { dropped: { up: number; down: number }; reordered: { up: number; down: number } }
  close(): Promise<void>
}

/** Mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const bind = (socket: Socket) => new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))

/**
 * Starts a relay on 127.0.0.1 that drops `dropRate` of the datagrams each way and holds back
 * `reorderRate` of them until the next one in the same direction has passed (or 20 ms went by).
 *
 * @example
 * const relay = await createLossyRelay({ seed: 1 })
 * relay.connect(sim.port)
 */
export async function createLossyRelay(options: LossyRelayOptions): Promise<LossyRelay> {
  const random = prng(options.seed)
  const dropRate = options.dropRate ?? 0.1
  const reorderRate = options.reorderRate ?? 0.1
  const down = createSocket('udp4')
  const up = createSocket('udp4')
  await Promise.all([bind(down), bind(up)])
  let serverPort: number | undefined
  let clientPort: number | undefined
  let closed = false
  const stats = { dropped: { up: 0, down: 0 }, reordered: { up: 0, down: 0 } }

  const direction = (name: 'up' | 'down', forward: (datagram: Buffer) => void) => {
    let held: { datagram: Buffer; timer: ReturnType<typeof setTimeout> } | undefined
    const release = () => {
      if (held === undefined || closed) return
      clearTimeout(held.timer)
      const { datagram } = held
      held = undefined
      forward(datagram)
    }
    return (datagram: Buffer) => {
      if (random() < dropRate) {
        stats.dropped[name]++
        return
      }
      if (held === undefined && random() < reorderRate) {
        stats.reordered[name]++
        held = { datagram, timer: setTimeout(release, 20) }
        return
      }
      forward(datagram)
      release()
    }
  }

  const toServer = direction('up', (datagram) => {
    if (serverPort !== undefined) up.send(datagram, serverPort, '127.0.0.1')
  })
  const toClient = direction('down', (datagram) => {
    const port = options.clientReplyPort ?? clientPort
    if (port !== undefined) down.send(datagram, port, '127.0.0.1')
  })
  down.on('message', (datagram, remote) => {
    clientPort = remote.port
    toServer(datagram)
  })
  up.on('message', (datagram) => toClient(datagram))

  const close = (socket: Socket) => new Promise<void>((resolve) => socket.close(() => resolve()))
  return {
    port: down.address().port,
    upstreamPort: up.address().port,
    connect(port) {
      serverPort = port
    },
    stats,
    close: async () => {
      closed = true
      await Promise.all([close(down), close(up)])
    },
  }
}
