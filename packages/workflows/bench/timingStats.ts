/**
 * Shared by the timing benchmarks: drift and jitter against ideal times, the wake-up latency probe that shows the
 * machine's floor, and the child-process receiver.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface, type Interface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { median, report } from '../../../tooling/bench/harness.js'

/** Wall-clock epoch milliseconds with sub-millisecond resolution: the clock domain shared across processes. */
export const epochNow = (): number => performance.timeOrigin + performance.now()

/** The value at quantile `q` (nearest rank) of a list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** How a run of timed events kept to its grid. */
export interface TimingStats {
  /** Events seen. */
  readonly count: number
  /** Time of the last event − its ideal time (ms, signed). */
  readonly drift: number
  /** p99 of |actual − ideal| over every event (ms). */
  readonly p99: number
  /** Median of |actual − ideal| (ms). */
  readonly p50: number
}

/** Drift and jitter of event times against start + n × period, all in the same clock domain. */
export function timingStats(times: readonly number[], idealStart: number, periodMs: number): TimingStats {
  const errors = times.map((t, n) => Math.abs(t - (idealStart + n * periodMs)))
  const last = times.length - 1
  return {
    count: times.length,
    drift: last < 0 ? Number.NaN : times[last]! - (idealStart + last * periodMs),
    p99: quantile(errors, 0.99),
    p50: quantile(errors, 0.5),
  }
}

/** p99 wake-up latency (ms) of a bare `setTimeout(0)` and a bare `setImmediate`, sampled every few ms for `durationMs`. */
export async function wakeLatencyP99(durationMs: number): Promise<{ timeout0: number; immediate: number }> {
  const timeout0: number[] = []
  const immediate: number[] = []
  const end = performance.now() + durationMs
  let k = 0
  while (performance.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 2 + (k++ % 8)))
    let t = performance.now()
    await new Promise((resolve) => setTimeout(resolve, 0))
    timeout0.push(performance.now() - t)
    t = performance.now()
    await new Promise((resolve) => setImmediate(resolve))
    immediate.push(performance.now() - t)
  }
  return { timeout0: quantile(timeout0, 0.99), immediate: quantile(immediate, 0.99) }
}

/** The timestamping receiver running in a child process (see `timestampReceiver.ts`). */
export interface Receiver {
  /** The UDP port to send to (a bridge-flavour simulator answers behind it). */
  readonly port: number
  /** The receive times (epoch ms) of the `/live/track/set/volume` datagrams since the last collect. */
  collect(): Promise<number[]>
  close(): Promise<void>
}

/** Starts `timestampReceiver.ts` in a child process under the same loader (tsx) as this one. */
export async function startReceiver(): Promise<Receiver> {
  const file = fileURLToPath(new URL('./timestampReceiver.ts', import.meta.url))
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines: Interface = createInterface({ input: child.stdout! })
  const iterator = lines[Symbol.asyncIterator]()
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await iterator.next()
    if (done) throw new Error('the receiver process ended')
    return JSON.parse(value as string) as Record<string, unknown>
  }
  const { port } = (await next()) as { port: number }
  return {
    port,
    async collect() {
      child.stdin!.write('collect\n')
      return ((await next()) as { times: number[] }).times
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.stdin!.end('exit\n')
      await exited
    },
  }
}

/** What every timing row shares (group, unit, rounds, note). */
export type CommonRow = Omit<Parameters<typeof report>[0], 'name' | 'figure' | 'baseline'>

/**
 * Reports ours beside each baseline (cumulative drift and p99 jitter per `step`), then the machine's
 * wake-up floor measured in the same run.
 */
export function reportTimingBaselines(
  common: CommonRow,
  med: (who: string, metric: 'drift' | 'p99') => number,
  baselines: readonly string[],
  step: string,
  wake: { timeout0: readonly number[]; immediate: readonly number[] },
): void {
  for (const baseline of baselines) {
    report({
      ...common,
      name: `cumulative drift vs ${baseline}`,
      figure: med('ours', 'drift'),
      baseline: { name: baseline, figure: med(baseline, 'drift') },
    })
    report({
      ...common,
      name: `p99 ${step} jitter vs ${baseline}`,
      figure: med('ours', 'p99'),
      baseline: { name: baseline, figure: med(baseline, 'p99') },
    })
  }
  report({ ...common, name: 'floor: bare setTimeout(0) wake-up latency p99', figure: median(wake.timeout0) })
  report({ ...common, name: 'floor: bare setImmediate wake-up latency p99', figure: median(wake.immediate) })
}

/** Samples the machine's wake-up floor after a run, logs it, and keeps it for {@link reportTimingBaselines}. */
export async function sampleWakeFloor(wake: { timeout0: number[]; immediate: number[] }, run: number): Promise<void> {
  const w = await wakeLatencyP99(3000)
  console.log(
    `wake-up latency p99 run ${run + 1}: setTimeout(0) ${w.timeout0.toFixed(3)} ms, setImmediate ${w.immediate.toFixed(3)} ms`,
  )
  wake.timeout0.push(w.timeout0)
  wake.immediate.push(w.immediate)
}

/** The median over runs of one sender's drift (absolute), p99 jitter or message count. */
export function medianOfRuns(results: ReadonlyMap<string, readonly TimingStats[]>) {
  return (name: string, metric: 'drift' | 'p99' | 'count'): number =>
    median(results.get(name)!.map((s) => (metric === 'drift' ? Math.abs(s.drift) : s[metric])))
}
