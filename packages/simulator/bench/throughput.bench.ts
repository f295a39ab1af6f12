/**
 * Messages the simulator handles per second over real UDP, in each flavour, beside a raw node:dgram echo
 * server measured in the same run with the same client loop (a pipelined window of requests in flight).
 * The simulator must never be what limits a client benchmark.
 */
import { createSocket, type Socket } from 'node:dgram'
import { encodePacket } from '@live/protocol'
import { median, report } from '../../../tooling/bench/harness.js'
import { createVirtualClock } from '../src/clock/virtualClock.js'
import { createSimulator, type Simulator } from '../src/server/createSimulator.js'

const WINDOW = 64
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 4000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const request = encodePacket({ address: '/live/song/get/tempo', types: '', args: [] })

/** A client that keeps `window` requests in flight and counts replies; resolves with replies per second. */
async function pump(socket: Socket, port: number, total: number, window: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let received = 0
    const start = performance.now()
    const timer = setTimeout(() => reject(new Error(`only ${received} of ${total} replies after 60 s`)), 60_000)
    const send = () => {
      sent++
      socket.send(request, port, '127.0.0.1')
    }
    socket.on('message', () => {
      received++
      if (received === total) {
        clearTimeout(timer)
        socket.removeAllListeners('message')
        resolve((total * 1000) / (performance.now() - start))
      } else if (sent < total) send()
    })
    for (let i = 0; i < Math.min(window, total); i++) send()
  })
}

async function bind(port = 0): Promise<Socket> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(port, '127.0.0.1', resolve))
  return socket
}

/** The baseline: a server that sends each datagram straight back. */
async function echoServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server = await bind()
  server.on('message', (bytes, from) => server.send(bytes, from.port, from.address))
  return { port: server.address().port, close: () => new Promise((r) => server.close(() => r())) }
}

type Case = { name: string; run(): Promise<number> }

async function simulatorCase(name: string, options: Parameters<typeof createSimulator>[0]): Promise<Case> {
  return {
    name,
    async run() {
      const client = await bind()
      const quiet = { info() {}, warn() {} }
      const sim: Simulator = await createSimulator({
        port: 0,
        replyPort: client.address().port,
        logger: quiet,
        maxQueuedDatagrams: 65536,
        ...options,
      })
      // The startup messages come first: let them arrive before counting.
      await new Promise((r) => setTimeout(r, 20))
      client.removeAllListeners('message')
      try {
        return await pump(client, sim.port, MESSAGES, WINDOW)
      } finally {
        await sim.close()
        await new Promise<void>((r) => client.close(() => r()))
      }
    },
  }
}

/** abletonosc at Live's 100 ms: fill the queue, then time the one tick that drains it (handled per second inside a tick). */
const drain: Case = {
  name: 'abletonosc tick 100 ms',
  async run() {
    const client = await bind()
    const clock = createVirtualClock()
    const quiet = { info() {}, warn() {} }
    const sim = await createSimulator({ port: 0, replyPort: client.address().port, clock, logger: quiet })
    const queued = 1000
    try {
      for (let i = 0; i < queued; i++) {
        client.send(request, sim.port, '127.0.0.1')
        if (i % 50 === 49) await new Promise((r) => setTimeout(r, 1))
      }
      const deadline = Date.now() + 10_000
      while (sim.queuedDatagrams < queued && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1))
      const n = sim.queuedDatagrams
      const start = performance.now()
      clock.advance(100)
      return (n * 1000) / (performance.now() - start)
    } finally {
      await sim.close()
      await new Promise<void>((r) => client.close(() => r()))
    }
  },
}

const echo: Case = {
  name: 'echo',
  async run() {
    const server = await echoServer()
    const client = await bind()
    try {
      return await pump(client, server.port, MESSAGES, WINDOW)
    } finally {
      await server.close()
      await new Promise<void>((r) => client.close(() => r()))
    }
  },
}

const cases: Case[] = [
  echo,
  await simulatorCase('bridge', { flavour: 'bridge' }),
  await simulatorCase('abletonosc tick 1 ms', { flavour: 'abletonosc', tickMs: 1 }),
  drain,
]
const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]))
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < cases.length; k++) {
    const c = cases[(round + k) % cases.length]!
    samples.get(c.name)!.push(await c.run())
  }
  console.log(`round ${round + 1}/${ROUNDS}`)
}
const fig = (name: string) => median(samples.get(name)!)
const baseline = { name: 'node:dgram echo', figure: fig('echo') }
const group = 'Simulator throughput (messages handled per second, median)'
report({
  group,
  name: `bridge, window ${WINDOW} vs raw echo`,
  figure: fig('bridge'),
  unit: 'msg/s',
  betterIs: 'higher',
  baseline,
  rounds: ROUNDS,
})
report({
  group,
  name: `abletonosc tickMs 1, window ${WINDOW} vs raw echo`,
  figure: fig('abletonosc tick 1 ms'),
  unit: 'msg/s',
  betterIs: 'higher',
  baseline,
  rounds: ROUNDS,
})
report({
  group,
  name: 'abletonosc tickMs 100, one tick draining 1000 queued vs raw echo',
  figure: fig('abletonosc tick 100 ms'),
  unit: 'msg/s',
  betterIs: 'higher',
  baseline,
  rounds: ROUNDS,
  note: `${MESSAGES} × /live/song/get/tempo per round through a window of ${WINDOW} in flight, ${ROUNDS} rounds, cases interleaved. The 100 ms row times the single tick (virtual clock) that handles 1000 queued requests and sends their replies: the rate inside a tick; a client pipelining through real 100 ms ticks is bound by the tick, not by the handling.`,
})
