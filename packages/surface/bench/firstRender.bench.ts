/**
 * A 64-track × 16-scene set (the client's sync bench set, a clip in every other slot) on the bridge-flavour
 * simulator in another process: how long the surface's server takes to mirror it from cold (beside `sync()`
 * of the same set), how long a fresh page in headless Chromium takes to show all of it, and what the page
 * weighs over the wire.
 */
import { request } from 'node:http'
import { createClient } from '@live/client'
import { median, report } from '../../../tooling/bench/harness.js'
import { keys, startSurface } from '../src/index.js'
import { launchChromium } from '../test/launchChromium.js'
import { localUdp } from './localUdp.js'
import { spawnChild } from './spawnChild.js'

const ROUNDS = 7
const sim = await spawnChild('simChild.ts', { SIM_SET: 'big' })
const transport = () => localUdp(Number(sim.firstLine))

// Baseline of the cold start: the whole set read in one bulk sync by a bare client.
const reader = createClient({ transport: transport() })
const syncStart = performance.now()
await reader.sync({ notes: false, parameters: false })
const syncMs = performance.now() - syncStart
await reader.close()

const client = createClient({ transport: transport() })
client.on('error', () => {})
const coldStart = performance.now()
const surface = await startSurface({ client, port: 0 })
// Every watcher has answered when the last track's last slot, the last scene and the master are in.
const last = [keys.clip(63, 15, 'has'), keys.clip(63, 15, 'name'), keys.scene(15, 'triggered'), keys.master('meter')]
while (!last.every((key) => surface.mirror.store.get(key) !== undefined)) await new Promise((r) => setTimeout(r, 5))
const coldMs = performance.now() - coldStart

const chromium = await launchChromium()
const renders: number[] = []
for (let round = 0; round < ROUNDS + 1; round++) {
  const context = await chromium.browser.newContext()
  const page = await context.newPage()
  // In the page, before its scripts: once the whole grid is in the DOM, the end of the next frame (two
  // animation frames later) is when it has been laid out and painted; timed from the navigation's start.
  // (A string: tsx would wrap a function's inner names in a helper the page does not have.)
  await page.addInitScript(`{
    const done = () =>
      document.querySelectorAll('[data-clip]').length === 64 * 16 &&
      document.querySelector('[data-clip="63:15"]')?.getAttribute('data-state') === 'stopped' &&
      document.querySelector('[data-clip="62:14"]')?.textContent === 'Clip 62.14' &&
      document.querySelector('[data-live="connected"]') !== null
    const observer = new MutationObserver(() => {
      if (!done()) return
      observer.disconnect()
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__painted = performance.now() }))
    })
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
  }`)
  await page.goto(surface.url)
  await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined)
  const painted = (await page.evaluate('window.__painted')) as number
  if (round > 0) renders.push(painted)
  await context.close()
}

/** Bytes of one asset as the browser gets it (gzipped). */
const weigh = (path: string) =>
  new Promise<number>((resolve, reject) => {
    request({ host: '127.0.0.1', port: surface.port, path, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve(bytes))
    })
      .on('error', reject)
      .end()
  })
const weight = (await Promise.all(['/', '/app.js', '/app.css', '/icon.svg'].map(weigh))).reduce((a, b) => a + b, 0)

await chromium.close()
await surface.close()
await client.close()
await sim.close()

const group = 'Web surface: a 64-track × 16-scene set (bridge simulator in a child process)'
const ms = (value: number) => Math.round(value)
report({
  group,
  name: 'fresh page to the whole grid shown, vs the target (1 s)',
  figure: ms(median(renders)),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'target', figure: 1000 },
  target: 1,
  rounds: ROUNDS,
  note: 'Page: a new browser context opens the surface; timed in the page from the start of the navigation to the frame after all 1024 slots show their state and names (laid out and painted). Cold: startSurface() until every watcher of the set has answered (3,476 listeners through the default send pacing of 64 datagrams per 100 ms), beside one bulk sync() of the same set without notes or parameters.',
})
report({
  group,
  name: 'page weight over the wire (gzipped), vs the target (200 KB)',
  figure: Math.round((weight / 1024) * 10) / 10,
  unit: 'KB',
  betterIs: 'lower',
  baseline: { name: 'target', figure: 200 },
  target: 1,
})
report({
  group,
  name: 'server cold start: the whole set mirrored, vs sync()',
  figure: ms(coldMs),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'sync() of the same set', figure: ms(syncMs) },
})
