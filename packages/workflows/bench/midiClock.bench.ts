/**
 * MIDI clock timing: 20 seconds (shortened from 60 s) at 120 bpm, each pulse timestamped at the MidiClockOutput.
 * Reports cumulative drift and p99 pulse jitter against a setInterval loop and a chained setTimeout loop.
 */
import { median, report } from '../../../tooling/bench/harness.js'
import { createClockCore } from '../src/midiClock/createClockCore.js'
import { preciseTimer } from '../src/scheduler/preciseTimer.js'

const SECONDS = Number(process.env.MIDI_BENCH_SECONDS ?? 20)
const PERIOD = 60_000 / (120 * 24)
const COUNT = Math.floor((SECONDS * 1000) / PERIOD) + 1

function stats(times: readonly number[]) {
  const start = times[0]!
  const drift = Math.abs(times.at(-1)! - (start + (times.length - 1) * PERIOD))
  const jitter = times
    .slice(1)
    .map((t, i) => Math.abs(t - times[i]! - PERIOD))
    .sort((a, b) => a - b)
  return { drift, p99: jitter[Math.floor(jitter.length * 0.99)] ?? 0 }
}

const methods: Record<string, () => Promise<number[]>> = {
  ours: () =>
    new Promise((resolve) => {
      const times: number[] = []
      const core = createClockCore({
        now: () => performance.now(),
        schedule: preciseTimer,
        bpm: 120,
        output: {
          send: (bytes) => {
            if (bytes[0] !== 0xf8) return
            times.push(performance.now())
            if (times.length >= COUNT) {
              core.dispose()
              resolve(times)
            }
          },
        },
      })
      core.start()
    }),
  setInterval: () =>
    new Promise((resolve) => {
      const times: number[] = []
      const timer = setInterval(() => {
        times.push(performance.now())
        if (times.length >= COUNT) {
          clearInterval(timer)
          resolve(times)
        }
      }, PERIOD)
    }),
  'chained setTimeout': async () => {
    const times: number[] = []
    while (times.length < COUNT) {
      times.push(performance.now())
      await new Promise((resolve) => setTimeout(resolve, PERIOD))
    }
    return times
  },
}

const results: Record<string, { drift: number; p99: number }> = {}
for (const [name, method] of Object.entries(methods)) {
  results[name] = stats(await method())
  console.log(`${name}: drift ${results[name].drift.toFixed(3)} ms, p99 jitter ${results[name].p99.toFixed(3)} ms`)
}
for (const baseline of ['setInterval', 'chained setTimeout']) {
  for (const [metric, label] of [
    ['drift', 'cumulative drift'],
    ['p99', 'p99 pulse jitter'],
  ] as const) {
    report({
      group: `MIDI clock timing (${SECONDS} s at 120 bpm, 24 ppqn, ms)`,
      name: `${label} vs ${baseline}`,
      figure: results.ours![metric],
      unit: 'ms',
      betterIs: 'lower',
      baseline: { name: baseline, figure: results[baseline]![metric] },
      rounds: 1,
      note: `Target: ours within 1 ms (ours: ${median([results.ours![metric]]).toFixed(3)} ms). Shortened from 60 s to ${SECONDS} s.`,
    })
  }
}
