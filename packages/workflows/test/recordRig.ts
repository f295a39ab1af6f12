import { createClient, type LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { createSimulator, createVirtualClock, type Simulator, type VirtualClock } from '@live/simulator'
import { freeUdpPort, testUdp } from '@live/test-utils'
import type { WorkflowContext } from '../src/shared/workflow.js'
import { createRelay, type Relay, type RelayOptions } from './reliabilityRelay.js'

/** A simulator on a virtual clock (pumped in the background), a client over UDP, optionally through a relay. */
export interface Rig {
  readonly sim: Simulator
  readonly clock: VirtualClock
  /** Talks to the simulator directly. */
  readonly live: LiveClient
  /** Talks through the relay (the direct client when there is none). */
  readonly relayed: LiveClient
  readonly relay: Relay | undefined
  /** A workflow context on the virtual clock. */
  context(signal?: AbortSignal): WorkflowContext
  close(): Promise<void>
}

/** Starts a rig: `relay` options put a relay between `relayed` and the simulator; `exportFolder` goes to the simulator. */
export async function startRig(
  flavour: 'abletonosc' | 'bridge',
  set: 'default' | 'demo' = 'default',
  relayOptions?: RelayOptions,
  simulatorOptions: { readonly exportFolder?: string } = {},
): Promise<Rig> {
  const clock = createVirtualClock()
  const replyPort = await freeUdpPort()
  const relayReplyPort = await freeUdpPort()
  const relay =
    relayOptions === undefined
      ? undefined
      : await createRelay({ ...relayOptions, replyTo: flavour === 'abletonosc' ? relayReplyPort : undefined })
  // Each abletonosc simulator replies to one port: the relay's, when there is one.
  const sim = await createSimulator({
    flavour,
    port: 0,
    replyPort: relay?.upstreamPort ?? replyPort,
    set,
    clock,
    tickMs: 10,
    logger: { info() {}, warn() {} },
    ...simulatorOptions,
  })
  relay?.setTarget(sim.port)
  // Time moves 10 ms per real millisecond or so: ticks and the engine run, deterministically ordered.
  const pump = setInterval(() => clock.advance(10), 1)
  const makeClient = (port: number, reply: number) =>
    createClient({
      transport: testUdp(flavour, port, reply),
      ...(relay === undefined ? {} : { timeout: flavour === 'bridge' ? 60 : 300, retries: 12 }),
    })
  const live = relay === undefined ? makeClient(sim.port, replyPort) : undefined
  const relayed = relay === undefined ? live! : makeClient(relay.port, relayReplyPort)
  return {
    sim,
    clock,
    live: live ?? relayed,
    relayed,
    relay,
    context: (signal) => ({
      signal,
      now: () => clock.now(),
      sleep: (ms, sleepSignal) =>
        new Promise<void>((resolve, reject) => {
          const until = clock.now() + ms
          const check = () => {
            if (sleepSignal?.aborted) reject(new LiveError('ABORTED', 'stopped while waiting'))
            else if (clock.now() >= until) resolve()
            else setTimeout(check, 1)
          }
          check()
        }),
    }),
    async close() {
      clearInterval(pump)
      await relayed.close()
      if (live !== undefined && live !== relayed) await live.close()
      await relay?.close()
      await sim.close()
    },
  }
}
