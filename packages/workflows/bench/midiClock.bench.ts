/**
 * MIDI clock timing: 60 seconds at 120 bpm, 24 ppqn (2881 pulses), each pulse timestamped as it reaches the
 * MidiClockOutput (where the byte leaves for the MIDI port; `send` is synchronous, so no other event loop is in the
 * way), against ideal times start + n × 20.833 ms from the clock's own start, in the same clock. Drift is the last
 * pulse's time − its ideal time; jitter is |actual − ideal| per pulse (p99). Baselines stamped by the same function in
 * the same run: a setInterval loop and a chained setTimeout loop. `MIDI_BENCH_SECONDS` shortens it,
 * `MIDI_BENCH_RUNS` repeats it (medians).
 */
import { report } from '../../../tooling/bench/harness.js'
import { createClockCore, MIDI_CLOCK } from '../src/midiClock/createClockCore.js'
import { preciseTimer } from '../src/scheduler/preciseTimer.js'
import {
  epochNow,
  medianOfRuns,
  reportTimingBaselines,
  sampleWakeFloor,
  type TimingStats,
  timingStats,
} from './timingStats.js'

const SECONDS = Number(process.env.MIDI_BENCH_SECONDS ?? 60)
const RUNS = Number(process.env.MIDI_BENCH_RUNS ?? 1)
const PERIOD = 60_000 / (120 * 24)
const COUNT = Math.round((SECONDS * 1000) / PERIOD) + 1

/** Each method sends COUNT pulses, stamping each with `stamp`, and returns its ideal start (epoch ms). */
const methods: Record<string, (stamp: () => void) => Promise<number>> = {
  ours: (stamp) =>
    new Promise((resolve) => {
      let start = Number.NaN
      let pulses = 0
      const core = createClockCore({
        now: () => performance.now(),
        schedule: preciseTimer,
        bpm: 120,
        output: {
          send: (bytes) => {
            if (bytes[0] === MIDI_CLOCK.start) start = epochNow()
            if (bytes[0] !== MIDI_CLOCK.pulse) return
            stamp()
            if (++pulses >= COUNT) {
              core.dispose()
              resolve(start)
            }
          },
        },
      })
      core.start()
    }),
  setInterval: (stamp) =>
    new Promise((resolve) => {
      const start = epochNow()
      stamp()
      let pulses = 1
      const timer = setInterval(() => {
        stamp()
        if (++pulses >= COUNT) {
          clearInterval(timer)
          resolve(start)
        }
      }, PERIOD)
    }),
  'chained setTimeout': async (stamp) => {
    const start = epochNow()
    for (let n = 0; n < COUNT; n++) {
      stamp()
      if (n < COUNT - 1) await new Promise((resolve) => setTimeout(resolve, PERIOD))
    }
    return start
  },
}

const names = Object.keys(methods)
const results = new Map<string, TimingStats[]>(names.map((name) => [name, []]))
const wake = { timeout0: [] as number[], immediate: [] as number[] }
for (let run = 0; run < RUNS; run++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(run + k) % names.length]!
    const times: number[] = []
    const start = await methods[name]!(() => times.push(epochNow()))
    const s = timingStats(times, start, PERIOD)
    console.log(
      `${name} run ${run + 1}: ${s.count} pulses, drift ${s.drift.toFixed(3)} ms, |error| p50 ${s.p50.toFixed(3)} p99 ${s.p99.toFixed(3)} ms`,
    )
    results.get(name)!.push(s)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await sampleWakeFloor(wake, run)
}

const med = medianOfRuns(results)
const group = `MIDI clock timing (${SECONDS} s at 120 bpm, 24 ppqn, stamped at the output, ms${RUNS > 1 ? ', median of runs' : ''})`
const note = `Each pulse stamped as it reaches the output, ideal = the clock's start + n × ${PERIOD.toFixed(3)} ms in the same clock; jitter = |actual − ideal| per pulse; drift = last pulse − its ideal time. Target: within 1 ms. Wake-up rows: bare event-loop wake-ups sampled in the same run, the floor of this machine.`
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
  name: 'p99 pulse jitter',
  figure: med('ours', 'p99'),
  baseline: { name: 'target', figure: 1 },
  target: 1,
})
report({
  ...common,
  name: 'pulses sent',
  unit: 'pulses',
  betterIs: 'higher',
  figure: med('ours', 'count'),
  baseline: { name: 'on the grid', figure: COUNT },
  target: 1,
})
reportTimingBaselines(common, med, ['setInterval', 'chained setTimeout'], 'pulse', wake)
