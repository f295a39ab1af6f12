/**
 * Request latency and pipelined throughput of the client against the bridge-flavour simulator, beside
 * two raw node:dgram clients doing the same request pattern: one against the same simulator (the same
 * server work per request: the fair baseline) and one against a dgram echo server (no server work);
 * and how far past its timeout a call to nobody rejects.
 */
import { createSocket, type Socket } from 'node:dgram'
import { encodePacket } from '@live/protocol'
import { createSimulator } from '@live/simulator'
import { median, report } from '../../../tooling/bench/harness.js'
import { createClient } from '../src/createClient.js'
import { freePort, localUdp, percentile, pipelinedCalls, pipelinedRaw, sequentialTimes } from './udpPair.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const SEQUENTIAL = 200
const PIPELINED = 2000
const WINDOW = 64

const sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
// Pacing off: the raw baseline does not pace either (the default paces at 640 datagrams/s, for AbletonOSC).
const live = createClient({ transport: localUdp(sim.port, 'source', false), maxInFlight: WINDOW })
const get = () => live.track(1).volume.get()

const echo = createSocket('udp4')
echo.on('message', (datagram, remote) => echo.send(datagram, remote.port, remote.address))
await new Promise<void>((resolve) => echo.bind(0, '127.0.0.1', resolve))
const raw = createSocket('udp4')
await new Promise<void>((resolve) => raw.bind(0, '127.0.0.1', resolve))
const request = encodePacket({ address: '/live/track/get/volume', types: 'i', args: [1] })
const echoPort = echo.address().port
let onReply: () => void = () => {}
raw.on('message', () => onReply())
const rawGetTo = (port: number) => () =>
  new Promise<void>((resolve) => {
    onReply = resolve
    raw.send(request, port, '127.0.0.1')
  })
const rawGet = rawGetTo(echoPort)
// The client's own cost, without any server's: a server that answers at once with a canned reply,
// as the echo does (one send, no dispatch), compared with the raw client against the echo.
const cannedReply = encodePacket({ address: '/live/track/get/volume', types: 'if', args: [1, 0.85] })
const canned = createSocket('udp4')
canned.on('message', (_datagram, remote) => canned.send(cannedReply, remote.port, remote.address))
await new Promise<void>((resolve) => canned.bind(0, '127.0.0.1', resolve))
const liveCanned = createClient({
  transport: localUdp(canned.address().port, 'source', false),
  maxInFlight: WINDOW,
})
const cannedGet = () => liveCanned.track(1).volume.get()
const rawSimGet = rawGetTo(sim.port)

const sequential = (call: () => Promise<unknown>) => sequentialTimes(call, SEQUENTIAL)
const pipelinedClient = (call: () => Promise<unknown> = get) => pipelinedCalls(call, PIPELINED, WINDOW)
const pipelinedRawTo = (socket: Socket, port: number) =>
  pipelinedRaw(
    () => socket.send(request, port, '127.0.0.1'),
    (handler) => {
      onReply = handler
    },
    PIPELINED,
    WINDOW,
  )

// Warm up both paths (JIT, sockets, the client's object cache).
await sequential(get)
await sequential(rawGet)
await sequential(rawSimGet)
await sequential(cannedGet)

type Who = 'ours' | 'raw' | 'rawSim' | 'oursCanned'
const p50: Record<Who, number[]> = { ours: [], raw: [], rawSim: [], oursCanned: [] }
const p99: Record<Who, number[]> = { ours: [], raw: [], rawSim: [], oursCanned: [] }
const rate: Record<Who, number[]> = { ours: [], raw: [], rawSim: [], oursCanned: [] }
const orders: readonly (readonly Who[])[] = [
  ['ours', 'raw', 'rawSim', 'oursCanned'],
  ['rawSim', 'oursCanned', 'ours', 'raw'],
  ['raw', 'rawSim', 'oursCanned', 'ours'],
]
const callOf: Record<Who, () => Promise<unknown>> = { ours: get, raw: rawGet, rawSim: rawSimGet, oursCanned: cannedGet }
for (let round = 0; round < ROUNDS; round++) {
  for (const who of orders[round % orders.length]!) {
    const times = await sequential(callOf[who])
    p50[who].push(percentile(times, 0.5))
    p99[who].push(percentile(times, 0.99))
    rate[who].push(
      who === 'ours' || who === 'oursCanned'
        ? await pipelinedClient(callOf[who])
        : await pipelinedRawTo(raw, who === 'raw' ? echoPort : sim.port),
    )
  }
}

const group = 'Client requests (bridge-flavour simulator over UDP, median of rounds)'
const note =
  'Two raw baselines, the same /live/track/get/volume datagram from a node:dgram client: "raw dgram → bridge simulator" sends it to the same simulator (same server work per request: the fair one); "raw dgram echo" to a dgram echo server (no server work at all). The client runs with pacing off, as the baselines; target: p50 within 1.2× the raw client, throughput at least 70 % of it.'
const baselines = [
  ['rawSim', 'raw dgram → bridge simulator'],
  ['raw', 'raw dgram echo'],
] as const
for (const [who, name] of baselines) {
  report({
    group,
    name: `request latency p50: track(1).volume.get() vs ${name}`,
    figure: median(p50.ours) * 1000,
    unit: 'µs',
    betterIs: 'lower',
    baseline: { name, figure: median(p50[who]) * 1000 },
    target: 1 / 1.2,
    rounds: ROUNDS,
    note,
  })
  report({
    group,
    name: `request latency p99 vs ${name}`,
    figure: median(p99.ours) * 1000,
    unit: 'µs',
    betterIs: 'lower',
    baseline: { name, figure: median(p99[who]) * 1000 },
    rounds: ROUNDS,
    note,
  })
  report({
    group,
    name: `pipelined requests, ${WINDOW} in flight, vs ${name}`,
    figure: median(rate.ours),
    unit: 'req/s',
    betterIs: 'higher',
    baseline: { name, figure: median(rate[who]) },
    target: 0.7,
    rounds: ROUNDS,
    note,
  })
}
report({
  group,
  name: 'request latency p50, client → canned-reply server vs raw dgram echo (no server work on either side)',
  figure: median(p50.oursCanned) * 1000,
  unit: 'µs',
  betterIs: 'lower',
  baseline: { name: 'raw dgram echo', figure: median(p50.raw) * 1000 },
  rounds: ROUNDS,
  note,
})
report({
  group,
  name: 'pipelined requests, client → canned-reply server vs raw dgram echo',
  figure: median(rate.oursCanned),
  unit: 'req/s',
  betterIs: 'higher',
  baseline: { name: 'raw dgram echo', figure: median(rate.raw) },
  rounds: ROUNDS,
  note,
})
await live.close()
await liveCanned.close()
canned.close()
await sim.close()
raw.close()
echo.close()

// No server at all: time from the call to its TIMEOUT rejection, minus the configured timeout.
const TIMEOUT = 100
const nobody = createClient({ transport: localUdp(await freePort(), await freePort()), timeout: TIMEOUT, retries: 0 })
const overshoot: number[] = []
for (let round = 0; round < 10; round++) {
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const start = performance.now()
      await nobody
        .track(i)
        .volume.get()
        .catch(() => {})
      overshoot.push(performance.now() - start - TIMEOUT)
    }),
  )
}
await nobody.close()
report({
  group: 'Client timeouts (no server)',
  name: `TIMEOUT overshoot p99 (timeout ${TIMEOUT} ms, ${overshoot.length} calls, 20 at a time)`,
  figure: percentile(overshoot, 0.99),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'budget', figure: 100 },
  target: 1,
  note: `Median overshoot ${percentile(overshoot, 0.5).toFixed(1)} ms. Target: p99 under 100 ms past the timeout.`,
})
