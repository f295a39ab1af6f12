/**
 * Meters at 30 updates a second on 64 tracks: a clip plays on every track of the 64 × 16 set, the
 * bridge-flavour simulator's engine steps every 33 ms (another process), and the surface's server (in a
 * process of its own, with a page open in headless Chromium) relays the meters; its CPU use is measured
 * beside a bare client watching the same 64 meters in the same way.
 */
import { median, report } from '../../../tooling/bench/harness.js'
import { launchChromium } from '../test/launchChromium.js'
import { type Child, spawnChild } from './spawnChild.js'

const WINDOWS = 5
const WINDOW_MS = 4000

interface Sample {
  cpuMs: number
  at: number
  meters: number
}
const sample = (child: Child) =>
  new Promise<Sample>((resolve) => {
    child.process.once('message', (message) => resolve(message as Sample))
    child.process.send?.('sample')
  })

/** CPU share of one core and meter updates a second, per window, for each child at once. */
async function measure(children: readonly Child[]): Promise<{ cpu: number[]; rate: number[] }[]> {
  const results = children.map(() => ({ cpu: [] as number[], rate: [] as number[] }))
  for (let w = 0; w < WINDOWS; w++) {
    const before = await Promise.all(children.map(sample))
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS))
    const after = await Promise.all(children.map(sample))
    children.forEach((_, i) => {
      const elapsed = after[i]!.at - before[i]!.at
      results[i]!.cpu.push((after[i]!.cpuMs - before[i]!.cpuMs) / elapsed)
      results[i]!.rate.push(((after[i]!.meters - before[i]!.meters) * 1000) / elapsed)
    })
  }
  return results
}

const sim = await spawnChild('simChild.ts', { SIM_SET: 'big', SIM_PLAY: 'all', SIM_ENGINE_MS: '33' })
const surface = await spawnChild('surfaceChild.ts', { SIM_PORT: sim.firstLine, MODE: 'surface' })
const bare = await spawnChild('surfaceChild.ts', { SIM_PORT: sim.firstLine, MODE: 'bare' })
const chromium = await launchChromium()
const page = await chromium.browser.newPage()
await page.goto(`http://127.0.0.1:${surface.firstLine}/#mixer`)
await page.waitForSelector('[data-live="connected"]')
await page.waitForSelector('[data-strip="track:63"]')
// Let the surface's listeners all answer (a few seconds through the send pacing) before measuring.
await new Promise((resolve) => setTimeout(resolve, 8000))
const [ours, baseline] = await measure([surface, bare])
const meterRate = median(baseline!.rate)
await chromium.close()
await Promise.all([surface.close(), bare.close()])
await sim.close()

const group = 'Web surface: meters of 64 tracks relayed to a page (share of one core, median of windows)'
const pct = (share: number) => Math.round(share * 1000) / 10
const note = `${WINDOWS} windows of ${WINDOW_MS / 1000} s; the simulator sent ${Math.round(meterRate)} meter updates a second (${Math.round(meterRate / 64)} per track); the server flushes meters to pages at most every 33 ms; CPU from process.cpuUsage() of each process.`
report({
  group,
  name: 'surface server CPU vs the target (a third of a core)',
  figure: pct(median(ours!.cpu)),
  unit: '%',
  betterIs: 'lower',
  baseline: { name: 'target', figure: 33.3 },
  target: 1,
  rounds: WINDOWS,
  note,
})
report({
  group,
  name: 'surface server CPU vs a bare client watching the same meters',
  figure: pct(median(ours!.cpu)),
  unit: '%',
  betterIs: 'lower',
  baseline: { name: 'bare client', figure: pct(median(baseline!.cpu)) },
  rounds: WINDOWS,
})
