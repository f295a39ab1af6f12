import { createClient, type LiveClient } from '@live/client'
import { createSimulator, type Simulator, type SimulatorOptions } from '@live/simulator'
import { freeUdpPort, testUdp } from '@live/test-utils'
import { WebSocket } from 'ws'
import { type Surface, type SurfaceOptions, startSurface } from '../src/server/startSurface.js'
import type { StateValue } from '../src/shared/keys.js'
import type { ServerMessage } from '../src/shared/messages.js'

/** A simulator, a client to it and a surface over that client, all on free ports. */
export interface TestSurface {
  sim: Simulator
  client: LiveClient
  surface: Surface
  /** Replaces the simulator by a fresh one on the same port (Live restarting). */
  restartSim(): Promise<Simulator>
  /** Closes the surface, runs `whileDown`, and starts a new one on the same port (`live ui` restarted). */
  restartSurface(whileDown?: () => Promise<void>): Promise<Surface>
  close(): Promise<void>
}

/**
 * Starts the three parts as `live ui` would (the simulator with 10 ms ticks; abletonosc on its own reply port).
 *
 * @example
 * const t = await startTestSurface('bridge')
 */
export async function startTestSurface(
  flavour: 'bridge' | 'abletonosc',
  options: { set?: SimulatorOptions['set']; surface?: Partial<SurfaceOptions> } = {},
): Promise<TestSurface> {
  const replyPort = await freeUdpPort()
  const simOptions = { flavour, set: options.set ?? 'demo', tickMs: 10, replyPort } as const
  let sim = await createSimulator({ ...simOptions, port: 0 })
  const port = sim.port
  const client = createClient({ transport: testUdp(flavour, port, replyPort) })
  client.on('error', () => {})
  const surfaceOptions = { client, pollMs: 200, ...options.surface }
  let surface = await startSurface({ ...surfaceOptions, port: 0 })
  await surface.mirror.ready
  return {
    get sim() {
      return sim
    },
    client,
    get surface() {
      return surface
    },
    async restartSurface(whileDown) {
      const { port: httpPort } = surface
      await surface.close()
      await whileDown?.()
      surface = await startSurface({ ...surfaceOptions, port: httpPort })
      await surface.mirror.ready
      return surface
    },
    async restartSim() {
      await sim.close()
      sim = await createSimulator({ ...simOptions, port })
      return sim
    },
    async close() {
      await surface.close()
      await client.close()
      await sim.close()
    },
  }
}

/** A socket to a surface from Node, with the state it was sent merged as a page would. */
export interface TestSocket {
  readonly ws: WebSocket
  readonly state: Map<string, StateValue>
  readonly messages: ServerMessage[]
  close(): void
}

/**
 * Opens the surface's WebSocket from Node (headers as a browser on the page would send them unless told otherwise).
 *
 * @example
 * const socket = await openSocket(surface.port)
 */
export function openSocket(
  port: number,
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<TestSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/socket'}`, {
    headers: { origin: `http://127.0.0.1:${port}`, ...options.headers },
  })
  const state = new Map<string, StateValue>()
  const messages: ServerMessage[] = []
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as ServerMessage
    messages.push(message)
    if (message.type === 'state') {
      state.clear()
      for (const [key, value] of Object.entries(message.entries)) state.set(key, value)
    } else if (message.type === 'patch') {
      for (const [key, value] of Object.entries(message.entries)) state.set(key, value)
      for (const key of message.removed ?? []) state.delete(key)
    }
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, state, messages, close: () => ws.close() }))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}
