/**
 * From a change in the set to the page's DOM, in headless Chromium: a second client renames track 0 on the
 * bridge-flavour simulator (another process), and the time until the surface's page shows the new name is
 * taken beside the time until a bare client watching the same name gets its update (the OSC reply alone).
 */
import { createClient } from '@live/client'
import { median, report } from '../../../tooling/bench/harness.js'
import { startSurface } from '../src/index.js'
import { launchChromium } from '../test/launchChromium.js'
import { localUdp } from './localUdp.js'
import { spawnChild } from './spawnChild.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200)
const WARMUP = 20
const epoch = () => performance.timeOrigin + performance.now()
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!

const sim = await spawnChild('simChild.ts', {})
const transport = () => localUdp(Number(sim.firstLine))
const surfaceClient = createClient({ transport: transport() })
const bare = createClient({ transport: transport() })
const changer = createClient({ transport: transport() })
const surface = await startSurface({ client: surfaceClient, port: 0 })
await surface.mirror.ready

const bareAt = new Map<string, number>()
bare.track(0).name.watch((name) => bareAt.set(name, epoch()))
const chromium = await launchChromium()
const page = await chromium.browser.newPage()
await page.goto(surface.url)
await page.waitForSelector('[data-live="connected"]')
await page.waitForSelector('[data-track-head="0"]')
await page.evaluate(`(() => {
  window.__marks = {}
  const head = document.querySelector('[data-track-head="0"]')
  new MutationObserver(() => { window.__marks[head.textContent] = performance.timeOrigin + performance.now() })
    .observe(head, { subtree: true, childList: true, characterData: true })
})()`)

const ours: number[] = []
const baseline: number[] = []
for (let i = 0; i < WARMUP + ROUNDS; i++) {
  const name = `Take ${i}`
  const sent = epoch()
  await changer.track(0).name.set(name)
  await page.waitForFunction(
    (text) => (window as unknown as { __marks: Record<string, number> }).__marks[text] !== undefined,
    name,
  )
  const shown = (await page.evaluate(`window.__marks[${JSON.stringify(name)}]`)) as number
  while (!bareAt.has(name)) await new Promise((resolve) => setImmediate(resolve))
  if (i < WARMUP) continue
  ours.push(shown - sent)
  baseline.push(bareAt.get(name)! - sent)
}

await chromium.close()
await surface.close()
await Promise.all([surfaceClient.close(), bare.close(), changer.close()])
await sim.close()

const group =
  'Web surface: a change in the set to the page (headless Chromium, bridge simulator in a child process, ms)'
const round = (ms: number) => Math.round(ms * 100) / 100
const p50 = median(ours)
const p99 = percentile(ours, 0.99)
const note = `${ROUNDS} renames of track 0 by another client, one at a time; ours: sent → MutationObserver on the track's header in the page; baseline: sent → a bare client's watcher of the same name (the OSC reply alone).`
report({
  group,
  name: 'p50 vs the target (50 ms)',
  figure: round(p50),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'target', figure: 50 },
  target: 1,
  rounds: ROUNDS,
  note,
})
report({
  group,
  name: 'p99 vs the target (150 ms)',
  figure: round(p99),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'target', figure: 150 },
  target: 1,
  rounds: ROUNDS,
})
report({
  group,
  name: 'p50 vs the OSC reply reaching a bare client',
  figure: round(p50),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'bare client p50', figure: round(median(baseline)) },
  rounds: ROUNDS,
})
report({
  group,
  name: 'p99 vs the OSC reply reaching a bare client',
  figure: round(p99),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'bare client p99', figure: round(percentile(baseline, 0.99)) },
  rounds: ROUNDS,
})
