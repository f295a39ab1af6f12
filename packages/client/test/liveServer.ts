import type { Transport } from '@live/protocol'
import type { Simulator } from '@live/simulator'
import { startSimulatorLink } from '@live/test-utils'
import type { ClientOptions, LiveClient } from '../src/clientTypes.js'
import { createClient } from '../src/createClient.js'

export { freeUdpPort } from '@live/test-utils'

/** A simulator on port 0 and a client talking to it over real UDP. */
export interface LiveServer {
  readonly sim: Simulator
  readonly live: LiveClient
  close(): Promise<void>
}

/** Starts a simulator in one flavour with one set, and a client over `udp()` to it. */
export async function startLiveServer(
  flavour: 'abletonosc' | 'bridge',
  set: 'default' | 'demo' = 'default',
  options: Omit<ClientOptions, 'transport'> & { wrap?: ((transport: Transport) => Transport) | undefined } = {},
): Promise<LiveServer> {
  const { wrap = (transport: Transport) => transport, ...clientOptions } = options
  const { sim, transport } = await startSimulatorLink(flavour, { set })
  const live = createClient({ transport: wrap(transport), ...clientOptions })
  return {
    sim,
    live,
    async close() {
      await live.close()
      await sim.close()
    },
  }
}
