/**
 * The client against the bridge-flavour simulator running in its own process (`live-sim --flavour
 * bridge`, as the Max for Live device is another program), with the DEFAULT client and transport
 * options, beside a raw node:dgram client sending the same requests to the same process: sequential
 * `song.tempo.get()`, 64 pipelined, and a burst of setters followed by a read.
 */
import { spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { fileURLToPath } from 'node:url'
import { encodePacket } from '@live/protocol'
import { udp } from '@live/transport-udp'
import { median, report } from '../../../tooling/bench/harness.js'
import { createClient } from '../src/createClient.js'
import { freePort, percentile, pipelinedCalls, pipelinedRaw, sequentialTimes } from './udpPair.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const SEQUENTIAL = 300
const PIPELINED = 2000
const WINDOW = 64
const BURST = 500

const bin = fileURLToPath(new URL('../../simulator/dist/bin/liveSim.js', import.meta.url))
const child = spawn(process.execPath, [bin, '--flavour', 'bridge', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
const simPort = await new Promise<number>((resolve, reject) => {
  child.once('error', reject)
  child.stdout.setEncoding('utf8')
  let text = ''
  child.stdout.on('data', (chunk: string) => {
    text += chunk
    const match = /listening on [\d.]+:(\d+)/.exec(text)
    if (match) resolve(Number(match[1]))
  })
})

// The defaults a user gets from `createClient({ transport: udp() })`; only the reply port is a free one, so
// this machine's 11001 (maybe held by another @live process) is left alone: the same shared-port code path.
const live = createClient({
  transport: udp({ host: '127.0.0.1', port: simPort, replyPort: await freePort(), env: {} }),
})
// How the CLI talks to the bridge (`--reply-port source`): replies on the sending socket, no hub.
const liveSource = createClient({
  transport: udp({ host: '127.0.0.1', port: simPort, replyPort: 'source', env: {} }),
})

const raw = createSocket('udp4')
await new Promise<void>((resolve) => raw.bind(0, '127.0.0.1', resolve))
const tempoRequest = encodePacket({ address: '/live/song/get/tempo', types: '', args: [] })
const volumeSet = encodePacket({ address: '/live/track/set/volume', types: 'if', args: [0, 0.85] })
let onReply: () => void = () => {}
raw.on('message', () => onReply())
const rawGet = () =>
  new Promise<void>((resolve) => {
    onReply = resolve
    raw.send(tempoRequest, simPort, '127.0.0.1')
  })

const sequential = async (call: () => Promise<unknown>) =>
  percentile(await sequentialTimes(call, SEQUENTIAL), 0.5) * 1000
const pipelinedClient = (call: () => Promise<unknown>) => pipelinedCalls(call, PIPELINED, WINDOW)
const rawPipelined = () =>
  pipelinedRaw(
    () => raw.send(tempoRequest, simPort, '127.0.0.1'),
    (handler) => {
      onReply = handler
    },
    PIPELINED,
    WINDOW,
  )

/** BURST setters, then one read: done when the read is answered (the server has handled them all, in order). */
async function burstClient(client: typeof live): Promise<number> {
  const start = performance.now()
  const sets: Promise<void>[] = []
  for (let i = 0; i < BURST; i++) sets.push(client.track(0).volume.set(0.85))
  await Promise.all([...sets, client.song.tempo.get()])
  return (performance.now() - start) * 1000
}

/**
 * The raw client cannot send BURST datagrams at once: the receiver's kernel buffer holds a few hundred small
 * ones and drops the rest (then the read is lost too). So it goes as the client's window does: 64 setters, a
 * read, its answer, and so on.
 */
async function burstRaw(): Promise<number> {
  const start = performance.now()
  for (let sent = 0; sent < BURST; ) {
    for (let i = 0; i < WINDOW && sent < BURST; i++, sent++) raw.send(volumeSet, simPort, '127.0.0.1')
    await rawGet()
  }
  return (performance.now() - start) * 1000
}

const tempo = () => live.song.tempo.get()
const tempoSource = () => liveSource.song.tempo.get()
// Warm up (JIT, sockets, detection, the object cache).
await sequential(tempo)
await sequential(tempoSource)
await sequential(rawGet)

type Who = 'ours' | 'source' | 'raw'
const seq: Record<Who, number[]> = { ours: [], source: [], raw: [] }
const rate: Record<Who, number[]> = { ours: [], source: [], raw: [] }
const burst: Record<Who, number[]> = { ours: [], source: [], raw: [] }
const orders: readonly (readonly Who[])[] = [
  ['ours', 'raw', 'source'],
  ['raw', 'source', 'ours'],
  ['source', 'ours', 'raw'],
]
for (let round = 0; round < ROUNDS; round++) {
  for (const who of orders[round % orders.length]!) {
    if (who === 'raw') {
      seq.raw.push(await sequential(rawGet))
      rate.raw.push(await rawPipelined())
      burst.raw.push(await burstRaw())
    } else {
      const client = who === 'ours' ? live : liveSource
      seq[who].push(await sequential(who === 'ours' ? tempo : tempoSource))
      rate[who].push(await pipelinedClient(who === 'ours' ? tempo : tempoSource))
      burst[who].push(await burstClient(client))
    }
  }
}

const group = 'Client → bridge-flavour simulator in its own process (default options, median of rounds)'
const note =
  'The simulator runs as `live-sim --flavour bridge` in a child process. "default options": createClient({ transport: udp() }) with only a free reply port instead of 11001 (the shared-port path, as a user gets it); "reply port source": udp({ replyPort: "source" }), as the CLI talks to the bridge. Baseline: a raw node:dgram client sending the same datagrams to the same process. Target: sequential p50 within 1.3× the raw client.'
const baseline = 'raw dgram → the same process'
for (const [who, label] of [
  ['ours', 'default options'],
  ['source', 'reply port source'],
] as const) {
  const rows = [
    [`sequential song.tempo.get() p50, ${label}`, seq, 'µs/req', 'lower'],
    [`pipelined song.tempo.get(), ${WINDOW} in flight, ${label}`, rate, 'req/s', 'higher'],
    [`${BURST} track(0).volume.set() then one get, until answered, ${label}`, burst, 'µs', 'lower'],
  ] as const
  for (const [name, figures, unit, betterIs] of rows) {
    report({
      group,
      name,
      figure: median(figures[who]),
      unit,
      betterIs,
      baseline: { name: baseline, figure: median(figures.raw) },
      ...(who === 'ours' && figures === seq ? { target: 1 / 1.3 } : {}),
      rounds: ROUNDS,
      note,
    })
  }
}

await live.close()
await liveSource.close()
raw.close()
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve())
  child.kill('SIGTERM')
})
