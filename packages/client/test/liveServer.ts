import { createSocket } from 'node:dgram'
import type { Transport } from '@live/protocol'
import { createSimulator, type Simulator } from '@live/simulator'
import { udp } from '@live/transport-udp'
import type { ClientOptions, LiveClient } from '../src/clientTypes.js'
import { createClient } from '../src/createClient.js'

/** A free UDP port on 127.0.0.1 (never AbletonOSC's 11001). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

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
  const replyPort = await freeUdpPort()
  const sim = await createSimulator({ flavour, port: 0, replyPort, set, tickMs: 10 })
  const transport = udp({
    host: '127.0.0.1',
    port: sim.port,
    replyPort: flavour === 'bridge' ? 'source' : replyPort,
    replySharing: 'off',
    bindAddress: '127.0.0.1',
    env: {},
  })
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
