/**
 * Fade timing: a 10-second fade at 100 messages/s over real UDP to a bridge-flavour simulator in a child process,
 * each message timestamped by that process as it arrives (epoch ms from `performance.timeOrigin + now()`), against
 * ideal times start + n × 10 ms from the sender's own start, in the same clock domain. Drift is the last message's
 * time − its ideal time; jitter is |received − ideal| per message (p99). Baselines in the same runs, through the same
 * receiver: a setInterval loop, a chained setTimeout sleep loop, and a busy-wait sender (the floor of this machine:
 * OS scheduling of both processes and loopback UDP, with no timer in the way). Medians over runs.
 */
import { createClient } from '@live/client'
import { udp } from '@live/transport-udp'
import { report } from '../../../tooling/bench/harness.js'
import { fade } from '../src/automation/fade.js'
import {
  epochNow,
  medianOfRuns,
  reportTimingBaselines,
  sampleWakeFloor,
  startReceiver,
  type TimingStats,
  timingStats,
} from './timingStats.js'

const RUNS = Number(process.env.FADE_BENCH_RUNS ?? 3)
const SECONDS = 10
const PERIOD = 10
const COUNT = (SECONDS * 1000) / PERIOD + 1

const receiver = await startReceiver()
const live = createClient({
  transport: udp({ host: '127.0.0.1', port: receiver.port, replyPort: 'source', replySharing: 'off', env: {} }),
})
await live.detect()

const send = (n: number) => live.send('/live/track/set/volume', [0, 0.85 - (0.85 * n) / (COUNT - 1)])
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Each method runs the 1001 messages and returns its ideal start (epoch ms). */
const methods: Record<string, () => Promise<number>> = {
  ours: async () => {
    let start = Number.NaN
    await fade(
      live,
      { target: { kind: 'volume', track: 0 }, from: 0.85, to: 0, durationMs: SECONDS * 1000, rateHz: 100 },
      {
        onProgress: (p) => {
          if (p.done === 1) start = performance.timeOrigin + (p.detail?.dueMs as number)
        },
      },
    )
    return start
  },
  setInterval: () =>
    new Promise((resolve) => {
      const start = epochNow()
      void send(0)
      let n = 1
      const timer = setInterval(() => {
        void send(n++)
        if (n >= COUNT) {
          clearInterval(timer)
          resolve(start)
        }
      }, PERIOD)
    }),
  'chained sleep': async () => {
    const start = epochNow()
    for (let n = 0; n < COUNT; n++) {
      void send(n)
      if (n < COUNT - 1) await sleep(PERIOD)
    }
    return start
  },
  'busy-wait (floor)': async () => {
    const start = performance.now() + 1
    for (let n = 0; n < COUNT; n++) {
      while (performance.now() < start + n * PERIOD) {}
      void send(n)
      await new Promise((resolve) => setImmediate(resolve))
    }
    return performance.timeOrigin + start
  },
}

const names = Object.keys(methods)
const results = new Map<string, TimingStats[]>(names.map((name) => [name, []]))
const wake = { timeout0: [] as number[], immediate: [] as number[] }
for (let run = 0; run < RUNS; run++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(run + k) % names.length]!
    await receiver.collect()
    const start = await methods[name]!()
    await sleep(100)
    const s = timingStats(await receiver.collect(), start, PERIOD)
    console.log(
      `${name} run ${run + 1}: ${s.count}/${COUNT} received, drift ${s.drift.toFixed(3)} ms, |error| p50 ${s.p50.toFixed(3)} p99 ${s.p99.toFixed(3)} ms`,
    )
    results.get(name)!.push(s)
  }
  await sampleWakeFloor(wake, run)
}

const med = medianOfRuns(results)
const group = 'Fade timing (10 s at 100 msg/s, received by the bridge simulator in a child process, ms, median of runs)'
const note = `Receive times stamped in the receiving process, ideal = sender's start + n × 10 ms in the same (epoch) clock; jitter = |received − ideal| per message; drift = last message − its ideal time. Target: within 1 ms. Busy-wait: a sender spinning on the CPU to each deadline, the floor of this machine; wake-up rows: bare event-loop wake-ups sampled in the same run.`
const common = { group, unit: 'ms', betterIs: 'lower', rounds: RUNS, note } as const
report({
  ...common,
  name: 'cumulative drift',
  figure: med('ours', 'drift'),
  baseline: { name: 'target', figure: 1 },
  target: 1,
})
report({
  ...common,
  name: 'p99 step jitter',
  figure: med('ours', 'p99'),
  baseline: { name: 'target', figure: 1 },
  target: 1,
})
report({
  ...common,
  name: 'messages received',
  unit: 'msgs',
  betterIs: 'higher',
  figure: med('ours', 'count'),
  baseline: { name: 'sent on the grid', figure: COUNT },
  target: 1,
})
reportTimingBaselines(common, med, ['setInterval', 'chained sleep', 'busy-wait (floor)'], 'step', wake)

await live.close()
await receiver.close()
