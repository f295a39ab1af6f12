/**
 * MIDI mapping latency, in one process over real UDP to the simulator. Control in → parameter set in Live: a CC
 * played into an in-memory MIDI port → the mapping → the client → UDP → the simulator's model, stamped when the
 * model's own observer sees the value; baseline: a bare `live.track(0).volume.set(v)` over the same client and
 * socket, stamped the same way, in interleaved rounds (medians of per-round p50s). Feedback: the model changes,
 * the client's listener update arrives, the mapping sends the CC to the output port; beside it, the update as a
 * bare watcher of the same client receives it. Also AbletonOSC's tick-bound path (100 ms ticks) and the native
 * path (map_cc in Live, then `/simulator/midi`), each against the bare set on the bridge. `MAP_BENCH_ROUNDS`.
 */
import { createSocket } from 'node:dgram'
import { createClient } from '@live/client'
import { encodePacket } from '@live/protocol'
import { createSimulator, type Simulator } from '@live/simulator'
import { udp } from '@live/transport-udp'
import { median, report } from '../../../tooling/bench/harness.js'
import { memoryMidi } from '../src/mapping/midiPorts.js'
import { startMapping } from '../src/mapping/startMapping.js'

const ROUNDS = Number(process.env.MAP_BENCH_ROUNDS ?? 15)
const PER_ROUND = 40
const VOLUME = 'live_set tracks 0 mixer_device volume'

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

async function rig(flavour: 'bridge' | 'abletonosc', tickMs = 100) {
  const replyPort = flavour === 'abletonosc' ? await freePort() : undefined
  const sim = await createSimulator({ flavour, port: 0, set: 'demo', tickMs, ...(replyPort ? { replyPort } : {}) })
  const live = createClient({
    transport: udp({
      host: '127.0.0.1',
      port: sim.port,
      replyPort: replyPort ?? 'source',
      replySharing: 'off',
      bindAddress: '127.0.0.1',
      env: {},
      pacing: false,
    }),
  })
  return { sim, live }
}

async function freePort(): Promise<number> {
  const s = createSocket('udp4')
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r))
  const { port } = s.address()
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

/** Times `act(value)` until the model holds the value (its observer fires), alternating two values per call. */
function timer(sim: Simulator, path: string) {
  let waiting: { value: number; resolve: () => void } | undefined
  sim.model.observe(path, 'value', (v) => {
    if (waiting !== undefined && Math.abs(Number(v) - waiting.value) < 1e-3) {
      const w = waiting
      waiting = undefined
      w.resolve()
    }
  })
  let flip = false
  return async (act: (cc: number) => void, expected: (cc: number) => number): Promise<number> => {
    flip = !flip
    const cc = flip ? 100 : 27
    const start = performance.now()
    await new Promise<void>((resolve) => {
      waiting = { value: expected(cc), resolve }
      act(cc)
    })
    return performance.now() - start
  }
}

async function roundP50(measure: () => Promise<number>, n = PER_ROUND): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < n; i++) times.push(await measure())
  return percentile(times, 0.5)
}

// --- control in → parameter set, bridge flavour: the mapping vs a bare client set ---
const bridge = await rig('bridge')
const midi = memoryMidi()
const map = {
  takeover: 'jump' as const,
  mappings: [{ control: { cc: 7 }, target: { kind: 'volume' as const, track: 0 } }],
}
const mapping = await startMapping(bridge.live, { map, input: midi.input })
const timeVolume = timer(bridge.sim, VOLUME)
const ours = () =>
  timeVolume(
    (cc) => midi.play([0xb0, 7, cc]),
    (cc) => cc / 127,
  )
const bare = () =>
  timeVolume(
    (cc) => void bridge.live.track(0).volume.set(cc / 127),
    (cc) => cc / 127,
  )
await roundP50(ours, 200)
await roundP50(bare, 200)
const oursP50: number[] = []
const bareP50: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  const pair = round % 2 === 0 ? [ours, bare] : [bare, ours]
  const a = await roundP50(pair[0]!)
  const b = await roundP50(pair[1]!)
  ;(pair[0] === ours ? oursP50 : bareP50).push(a)
  ;(pair[0] === ours ? bareP50 : oursP50).push(b)
}
await mapping.stop()
const oursMs = median(oursP50)
const bareMs = median(bareP50)
const overhead = Math.max(0, oursMs - bareMs)
console.log(`control → set p50: mapping ${oursMs.toFixed(3)} ms, bare set ${bareMs.toFixed(3)} ms`)

// --- feedback: the listener update → the MIDI output, beside a bare watcher of the same update ---
const fbMidi = memoryMidi()
const fbMapping = await startMapping(bridge.live, {
  map: { mappings: [{ control: { cc: 7 }, target: { kind: 'volume', track: 0 } }] },
  input: fbMidi.input,
  output: fbMidi.output,
})
let watcherAt = 0
let feedbackAt = 0
let fbExpected = Number.NaN
const unwatch = bridge.live.track(0).volume.watch((v) => {
  if (Math.abs(Number(v) - fbExpected) < 1e-3) watcherAt = performance.now()
})
const fbGaps: number[] = []
const fbTotals: number[] = []
let updates = 0
let feedbacks = 0
let fbCc = -1
fbMidi.onSent((bytes) => {
  if (bytes[2] !== fbCc) return
  feedbacks++
  feedbackAt = performance.now()
})
for (let i = 0; i < ROUNDS * PER_ROUND; i++) {
  const cc = i % 2 === 0 ? 90 : 30
  fbExpected = cc / 127
  fbCc = cc
  const before = feedbacks
  const start = performance.now()
  bridge.sim.model.set(VOLUME, 'value', cc / 127)
  updates++
  while (feedbacks === before) await new Promise((r) => setImmediate(r))
  fbTotals.push(feedbackAt - start)
  fbGaps.push(Math.abs(feedbackAt - watcherAt))
}
unwatch()
await fbMapping.stop()
console.log(`feedback: ${feedbacks} CCs out for ${updates} listener updates`)

// --- AbletonOSC: the same mapping, tick-bound (100 ms ticks) ---
const osc = await rig('abletonosc', 100)
const oscMidi = memoryMidi()
const oscMapping = await startMapping(osc.live, { map, input: oscMidi.input })
const timeOsc = timer(osc.sim, VOLUME)
const oscTimes: number[] = []
for (let i = 0; i < 30; i++) {
  // A control moves at any moment of AbletonOSC's 100 ms tick: start each at a random phase.
  await new Promise((r) => setTimeout(r, Math.random() * 100))
  oscTimes.push(
    await timeOsc(
      (cc) => oscMidi.play([0xb0, 7, cc]),
      (cc) => cc / 127,
    ),
  )
}
await oscMapping.stop()

// --- native: map_cc in Live (abletonosc), then MIDI into Live through /simulator/midi ---
const frequency = await osc.live.device(1, 1).parameter('Frequency').index()
const param = `live_set tracks 1 devices 1 parameters ${frequency}`
await osc.live.send('/live/midimap/map_cc', [1, 1, frequency, 0, 21])
while (osc.sim.model.midiMap.mappings().length === 0) await new Promise((r) => setTimeout(r, 10))
const [pMin, pMax] = [Number(osc.sim.model.get(param, 'min')), Number(osc.sim.model.get(param, 'max'))]
const raw = createSocket('udp4')
await new Promise<void>((r) => raw.bind(0, '127.0.0.1', r))
const timeNative = timer(osc.sim, param)
const nativeP50: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  nativeP50.push(
    await roundP50(() =>
      timeNative(
        (cc) =>
          raw.send(
            encodePacket({ address: '/simulator/midi', types: 'iii', args: [0xb0, 21, cc] }),
            osc.sim.port,
            '127.0.0.1',
          ),
        (cc) => pMin + ((pMax - pMin) * cc) / 127,
      ),
    ),
  )
}
raw.close()

const group = 'MIDI mapping: control in → value set in Live, and feedback out (ms, over UDP to the simulator)'
const note =
  'In-memory MIDI port → mapping → client → UDP → simulator, stamped by the model’s own observer; baseline a bare client set over the same socket, interleaved rounds, median of per-round p50. Target: overhead ≤ 1 ms. Feedback: listener update → CC out, beside a bare watcher of the same update.'
const common = { group, unit: 'ms', betterIs: 'lower', rounds: ROUNDS, note } as const
report({
  ...common,
  name: 'control → set p50, bridge: mapping',
  figure: oursMs,
  baseline: { name: 'bare client set', figure: bareMs },
})
report({
  ...common,
  name: 'mapping overhead p50 (target ≤ 1 ms)',
  figure: overhead,
  baseline: { name: 'target', figure: 1 },
  target: 1,
})
report({
  ...common,
  name: 'feedback: update → CC out, p50 (gap to a bare watcher, p99)',
  figure: percentile(fbTotals, 0.5),
  baseline: {
    name: `bare watcher gap p99 ${percentile(fbGaps, 0.99).toFixed(3)} ms`,
    figure: percentile(fbTotals, 0.5),
  },
})
report({
  ...common,
  name: 'feedback messages per listener update (target 1)',
  unit: 'CCs',
  betterIs: 'higher',
  figure: feedbacks / updates,
  baseline: { name: 'one per update', figure: 1 },
  target: 1,
})
report({
  ...common,
  name: 'control → set p50, AbletonOSC (100 ms ticks, random phase)',
  figure: percentile(oscTimes, 0.5),
  baseline: { name: 'bare client set, bridge', figure: bareMs },
})
report({
  ...common,
  name: 'native (map_cc) → /simulator/midi → set p50',
  figure: median(nativeP50),
  baseline: { name: 'bare client set, bridge', figure: bareMs },
})

await bridge.live.close()
await bridge.sim.close()
await osc.live.close()
await osc.sim.close()
