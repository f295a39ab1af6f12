import { createClient, type LiveClient } from '@live/client'
import type { Clock, Simulator } from '@live/simulator'
import { startSimulatorLink } from '@live/test-utils'

export { freeUdpPort } from '@live/test-utils'

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
  const { sim, transport } = await startSimulatorLink(flavour, {
    set: options.set ?? 'default',
    ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
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
