/**
 * The tiny side of the benchmark harness that bench files import: `measure()` times cases in
 * interleaved rounds and keeps the median, and `report()` prints one machine-readable result line
 * that `tooling/bench/run.mjs` collects. Medians, not means: the machines we run on are shared and noisy.
 */

/** Prefix of a result line on stdout; everything else a bench prints is passed through as progress. */
export const RESULT_PREFIX = '@@bench-result '

/** One figure of a benchmark, optionally against a baseline measured in the same run. */
export interface BenchResult {
  /** The table the row goes in, e.g. `OSC encode (ns per message)`. */
  group: string
  /** The row, e.g. `tempo vs node-osc`. */
  name: string
  /** Our figure. */
  figure: number
  /** Unit of `figure`, e.g. `ns/msg`, `packets/s`. */
  unit: string
  /** Whether a lower figure (time) or a higher one (throughput) is better. */
  betterIs: 'lower' | 'higher'
  /** The same measurement for the thing we compare against. */
  baseline?: { name: string; figure: number } | undefined
  /** How many times better than the baseline (computed from `betterIs` when omitted). */
  ratio?: number | undefined
  /** The ratio we aim for; the table says whether it is met. */
  target?: number | undefined
  /** Rounds the median was taken over. */
  rounds?: number | undefined
  /** A short remark printed under the table. */
  note?: string | undefined
}

/** Prints a result line for `run.mjs`, computing the ratio against the baseline when there is one. */
export function report(result: BenchResult): void {
  const ratio =
    result.ratio ??
    (result.baseline === undefined
      ? undefined
      : result.betterIs === 'lower'
        ? result.baseline.figure / result.figure
        : result.figure / result.baseline.figure)
  console.log(RESULT_PREFIX + JSON.stringify({ ...result, ratio }))
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Rounds per case; the median round is reported. @default 15 */
  rounds?: number | undefined
  /** Target duration of one round of one case, in milliseconds. @default 25 */
  roundMs?: number | undefined
}

// Results land here so the engine cannot drop the measured calls as dead code.
let sink: unknown

/**
 * Median nanoseconds per call of each case. Cases are interleaved round by round (in a rotating order),
 * so a burst of noise from a neighbour hits every case alike instead of one of them.
 *
 * @example
 * const ns = measure({ ours: () => encodePacket(p), theirs: () => encode(m) })
 */
export function measure(cases: Record<string, () => unknown>, options: MeasureOptions = {}): Record<string, number> {
  const rounds = options.rounds ?? 15
  const roundMs = options.roundMs ?? 25
  const names = Object.keys(cases)
  const iterations = new Map<string, number>()
  for (const name of names) iterations.set(name, calibrate(cases[name]!, roundMs))
  const samples = new Map<string, number[]>(names.map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!
      samples.get(name)!.push(timeBatch(cases[name]!, iterations.get(name)!))
    }
  }
  const medians: Record<string, number> = {}
  for (const name of names) medians[name] = median(samples.get(name)!)
  if (sink === measure) console.log('unreachable')
  return medians
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Iterations that take about `roundMs`, after a warm-up that lets the JIT settle. */
function calibrate(fn: () => unknown, roundMs: number): number {
  let n = 16
  for (;;) {
    const start = performance.now()
    for (let i = 0; i < n; i++) sink = fn()
    const elapsed = performance.now() - start
    if (elapsed >= roundMs / 4) return Math.max(1, Math.round((n * roundMs) / elapsed))
    n *= 2
  }
}

function timeBatch(fn: () => unknown, n: number): number {
  const start = performance.now()
  for (let i = 0; i < n; i++) sink = fn()
  return ((performance.now() - start) * 1e6) / n
}
