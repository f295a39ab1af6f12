import { createSimulator, type Simulator, type SimulatorOptions } from '@live/simulator'
import { type UdpTransport, udp } from '@live/transport-udp'
import { freeUdpPort } from './freeUdpPort.js'

/** The flavours of the simulator: AbletonOSC's, and the Max for Live bridge's. */
export type Flavour = 'abletonosc' | 'bridge'

/**
 * `udp()` as tests use it: loopback only, no environment, no shared reply port. AbletonOSC answers
 * on `replyPort`; the bridge answers each request's source port.
 */
export function testUdp(flavour: Flavour, port: number, replyPort: number): UdpTransport {
  return udp({
    host: '127.0.0.1',
    port,
    replyPort: flavour === 'bridge' ? 'source' : replyPort,
    replySharing: 'off',
    bindAddress: '127.0.0.1',
    env: {},
  })
}

/** A simulator on an ephemeral port, its free reply port, and a transport to it. */
export interface SimulatorLink {
  readonly sim: Simulator
  readonly replyPort: number
  readonly transport: UdpTransport
}

/**
 * Starts a simulator of one flavour on port 0 (10 ms ticks unless told otherwise) and a `udp()`
 * transport to it. The caller closes the client it builds on the transport, then `sim`.
 *
 * @example
 * const { sim, transport } = await startSimulatorLink('bridge', { set: 'demo' })
 * const live = createClient({ transport })
 */
export async function startSimulatorLink(
  flavour: Flavour,
  options: Omit<SimulatorOptions, 'flavour' | 'port' | 'replyPort'> = {},
): Promise<SimulatorLink> {
  const replyPort = await freeUdpPort()
  const sim = await createSimulator({ tickMs: 10, ...options, flavour, port: 0, replyPort })
  return { sim, replyPort, transport: testUdp(flavour, sim.port, replyPort) }
}
