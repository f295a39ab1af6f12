/**
 * `live tempo 120` as a whole process, against the simulator, beside `node -e 0` (Node's own start-up)
 * and beside a script that sends the same message with node:dgram, measured in the same run; and the
 * same command through bin/live.js, the file `live` and `pnpm live` run, which in a checkout first
 * checks that dist/ is fresh (one stat per source).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSimulator } from '@live/simulator'
import { report } from '../../../tooling/bench/harness.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' })
const live = path.join(root, 'dist/live.js')
const bin = path.join(root, 'bin/live.js')

const sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'default' })
const dgramScript = path.join(os.tmpdir(), `live-bench-dgram-${process.pid}.mjs`)
writeFileSync(
  dgramScript,
  `import { createSocket } from 'node:dgram'
const b = Buffer.alloc(32); b.write('/live/song/set/tempo'); b.write(',f', 24); 
const m = Buffer.concat([b.subarray(0, 24), Buffer.from(',f\\0\\0'), Buffer.alloc(4)]); m.writeFloatBE(120, 28)
const s = createSocket('udp4'); s.send(m, ${sim.port}, '127.0.0.1', () => s.close())
`,
)

const cases: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'node:dgram script': [dgramScript],
  'live tempo 120': [live, 'tempo', '120', '--port', String(sim.port)],
  'bin/live.js tempo 120': [bin, 'tempo', '120', '--port', String(sim.port)],
}
const rounds = 15
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]))
const names = Object.keys(cases)
for (let round = 0; round < rounds + 2; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length]!
    const started = performance.now()
    const run = spawnSync(process.execPath, cases[name]!, { stdio: 'ignore' })
    const ms = performance.now() - started
    if (run.status !== 0) throw new Error(`${name} exited with ${run.status}`)
    if (round >= 2) samples[name]!.push(ms)
  }
}
await sim.close()
if (sim.model.get('live_set', 'tempo') !== 120) console.warn('warning: the simulator never saw tempo 120')
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ours = median(samples['live tempo 120']!)
for (const baseline of ['node -e 0', 'node:dgram script']) {
  const figure = median(samples[baseline]!)
  report({
    group: 'CLI start-up (ms per whole process, median)',
    name: `live tempo 120 vs ${baseline}`,
    figure: Math.round(ours * 10) / 10,
    unit: 'ms',
    betterIs: 'lower',
    baseline: { name: baseline, figure: Math.round(figure * 10) / 10 },
    ...(baseline === 'node -e 0' ? { target: 1 / 1.3 } : {}),
    rounds,
    note: baseline === 'node -e 0' ? 'target: within 1.3 times node -e 0 (ratio ≥ 0.77)' : undefined,
  })
}
const launched = median(samples['bin/live.js tempo 120']!)
report({
  group: 'CLI start-up (ms per whole process, median)',
  name: 'bin/live.js tempo 120 (checkout: freshness check) vs dist/live.js',
  figure: Math.round(launched * 10) / 10,
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'dist/live.js tempo 120', figure: Math.round(ours * 10) / 10 },
  rounds,
})
report({
  group: 'CLI start-up (ms per whole process, median)',
  name: 'bin/live.js tempo 120 (checkout) vs node -e 0',
  figure: Math.round(launched * 10) / 10,
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'node -e 0', figure: Math.round(median(samples['node -e 0']!) * 10) / 10 },
  rounds,
})
