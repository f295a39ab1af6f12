import { createSocket } from 'node:dgram'
import { type OscTestClient, openOscTestClient } from '@live/compliance'
import { createVirtualClock, type VirtualClock } from '../src/clock/virtualClock.js'
import { createSimulator, type Simulator, type SimulatorOptions } from '../src/server/createSimulator.js'

/** Lets pending socket I/O happen (loopback delivery takes a few event-loop turns). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2))
}

/** Polls `condition` until it holds; fails with `what` after a bounded real-time wait. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`)
    await settle()
  }
}

/** A free UDP port on 127.0.0.1 (bound then released: for a reply port the suite binds itself). */
export async function freePort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

/** An abletonosc-flavour simulator on a virtual clock, and the client bound to its reply port. */
export interface AbletonOscRig {
  readonly sim: Simulator
  readonly clock: VirtualClock
  /** Bound to the simulator's reply port: receives every reply. */
  readonly client: OscTestClient
  /** Waits until `queued` datagrams wait in the simulator, then runs one tick. */
  tick(queued?: number): Promise<void>
  /** Opens another client (ephemeral port unless given). */
  peer(options?: { bindHost?: string; bindPort?: number }): Promise<OscTestClient>
  close(): Promise<void>
}

/**
 * Starts the rig: the test binds the reply socket first (never the real 11001) and passes its port as `replyPort`.
 *
 * @example
 * const rig = await startAbletonOscRig()
 * rig.client.send({ address: '/live/test', args: [] })
 * await rig.tick(1)
 */
export async function startAbletonOscRig(options: SimulatorOptions = {}): Promise<AbletonOscRig> {
  const clock = createVirtualClock()
  const peers: OscTestClient[] = []
  const client = await openOscTestClient({
    host: '127.0.0.1',
    port: 9,
    advance: async (ms) => {
      await settle()
      clock.advance(ms)
      await settle()
    },
  })
  let sim: Simulator
  try {
    // Tests assert on replies; warnings (oversized replies, dropped datagrams) would only be noise.
    sim = await createSimulator({
      port: 0,
      replyPort: client.port,
      clock,
      logger: { info() {}, warn() {} },
      ...options,
    })
  } catch (error) {
    await client.close()
    throw error
  }
  client.setServer('127.0.0.1', sim.port)
  return {
    sim,
    clock,
    client,
    async tick(queued = 0) {
      await waitUntil(() => sim.queuedDatagrams >= queued, `${queued} datagram(s) queued (have ${sim.queuedDatagrams})`)
      clock.advance(sim.tickMs)
      await settle()
    },
    async peer(peerOptions = {}) {
      const peer = await openOscTestClient({ host: '127.0.0.1', port: sim.port, ...peerOptions })
      peers.push(peer)
      return peer
    },
    async close() {
      for (const peer of peers) await peer.close()
      await client.close()
      await sim.close()
    },
  }
}
