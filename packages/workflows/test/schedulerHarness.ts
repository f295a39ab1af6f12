import { createSocket } from 'node:dgram'
import { createClient, type LiveClient } from '@live/client'
import { type Clock, createSimulator, type Simulator } from '@live/simulator'
import { udp } from '@live/transport-udp'

/** A free UDP port on 127.0.0.1. */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

/** A simulator on port 0 and a client to it over real UDP. */
export interface LiveServer {
  readonly sim: Simulator
  readonly live: LiveClient
  close(): Promise<void>
}

/** Starts a simulator of one flavour and a client over `udp()` (the setup of packages/client/test). */
export async function startLiveServer(
  flavour: 'abletonosc' | 'bridge',
  options: { set?: 'default' | 'demo'; clock?: Clock; tickMs?: number } = {},
): Promise<LiveServer> {
  const replyPort = await freeUdpPort()
  const sim = await createSimulator({
    flavour,
    port: 0,
    replyPort,
    set: options.set ?? 'default',
    tickMs: options.tickMs ?? 10,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  })
  const transport = udp({
    host: '127.0.0.1',
    port: sim.port,
    replyPort: flavour === 'bridge' ? 'source' : replyPort,
    replySharing: 'off',
    bindAddress: '127.0.0.1',
    env: {},
  })
  const live = createClient({ transport })
  return {
    sim,
    live,
    async close() {
      await live.close()
      await sim.close()
    },
  }
}

/** Advances a virtual clock in steps, letting real I/O run between them, until `promise` settles. */
export async function driveUntil<T>(
  clock: { advance(ms: number): void },
  promise: Promise<T>,
  stepMs = 20,
  maxSteps = 100_000,
): Promise<T> {
  let settled = false
  const watched = promise.finally(() => {
    settled = true
  })
  for (let i = 0; i < maxSteps && !settled; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    await new Promise((resolve) => setImmediate(resolve))
    clock.advance(stepMs)
  }
  return watched
}
