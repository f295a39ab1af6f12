/**
 * Fade timing: a 10-second fade at 100 messages/s to the bridge-flavour simulator over real UDP, each message
 * timestamped where the simulator receives it. Reports cumulative drift (last receive − ideal) and p99 step jitter
 * (|interval − 10 ms|), medians over runs, against a setInterval loop and a chained setTimeout loop in the same run.
 */
import { createClient } from '@live/client'
import { createSimulator } from '@live/simulator'
import { udp } from '@live/transport-udp'
import { median, report } from '../../../tooling/bench/harness.js'
import { fade } from '../src/automation/fade.js'

const RUNS = Number(process.env.BENCH_ROUNDS ?? 2)
const SECONDS = 10
const PERIOD = 10
const COUNT = (SECONDS * 1000) / PERIOD + 1

let received: number[] = []
const sim = await createSimulator({
  flavour: 'bridge',
  port: 0,
  logger: {
    info() {},
    warn() {},
    traffic: (line) => {
      if (line.includes('/live/track/set/volume')) received.push(performance.now())
    },
  },
})
const live = createClient({
  transport: udp({ host: '127.0.0.1', port: sim.port, replyPort: 'source', replySharing: 'off', env: {} }),
})
await live.detect()

function stats(times: readonly number[]) {
  const start = times[0]!
  const drift = Math.abs(times.at(-1)! - (start + (times.length - 1) * PERIOD))
  const jitter = times
    .slice(1)
    .map((t, i) => Math.abs(t - times[i]! - PERIOD))
    .sort((a, b) => a - b)
  return { drift, p99: jitter[Math.floor(jitter.length * 0.99)] ?? 0, count: times.length }
}

const send = (n: number) => live.send('/live/track/set/volume', [0, 0.85 - (0.85 * n) / (COUNT - 1)])
const methods: Record<string, () => Promise<void>> = {
  ours: async () => {
    await fade(live, {
      target: { kind: 'volume', track: 0 },
      from: 0.85,
      to: 0,
      durationMs: SECONDS * 1000,
      rateHz: 100,
    })
  },
  setInterval: () =>
    new Promise((resolve) => {
      let n = 0
      const timer = setInterval(() => {
        void send(n++)
        if (n >= COUNT) {
          clearInterval(timer)
          resolve()
        }
      }, PERIOD)
    }),
  'chained setTimeout': async () => {
    for (let n = 0; n < COUNT; n++) {
      void send(n)
      await new Promise((resolve) => setTimeout(resolve, PERIOD))
    }
  },
}

const results: Record<string, { drift: number[]; p99: number[] }> = {}
for (let run = 0; run < RUNS; run++) {
  for (const [name, method] of Object.entries(methods)) {
    received = []
    await method()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const s = stats(received)
    console.log(
      `${name} run ${run + 1}: ${s.count} received, drift ${s.drift.toFixed(3)} ms, p99 jitter ${s.p99.toFixed(3)} ms`,
    )
    results[name] ??= { drift: [], p99: [] }
    results[name].drift.push(s.drift)
    results[name].p99.push(s.p99)
  }
}
for (const baseline of ['setInterval', 'chained setTimeout']) {
  for (const [metric, label] of [
    ['drift', 'cumulative drift'],
    ['p99', 'p99 step jitter'],
  ] as const) {
    report({
      group: 'Fade timing (10 s at 100 msg/s to the bridge simulator, ms, median)',
      name: `${label} vs ${baseline}`,
      figure: median(results.ours![metric]),
      unit: 'ms',
      betterIs: 'lower',
      baseline: { name: baseline, figure: median(results[baseline]![metric]) },
      rounds: RUNS,
      note: `Target: ours within 1 ms (ours: ${median(results.ours![metric]).toFixed(3)} ms).`,
    })
  }
}
await live.close()
await sim.close()
