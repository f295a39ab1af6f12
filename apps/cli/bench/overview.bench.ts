/**
 * What `live status` and `live clips` read, against `live.sync()` (the other way to get the same facts),
 * on the client bench's large set (64 tracks × 16 scenes, 4 devices of 16 parameters each, a clip in
 * every other slot) served by the abletonosc-flavour simulator at its real 100 ms tick in a child process.
 * A third row reads the grid with one `track_data` request (one tick, but one reply of ~12 KB: more than
 * macOS's default datagram limit of 9,216 bytes on a set this size), to show what the per-track reads cost.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createClient } from '@live/client'
import { decodeTrackData, type OscValue } from '@live/protocol'
import { median, report } from '../../../tooling/bench/harness.js'
import { readGrid } from '../src/commands/sessionGrid.js'
import { readStatus } from '../src/commands/status.js'

const ROUNDS = 5
const simScript = fileURLToPath(new URL('../../../packages/client/bench/simProcess.ts', import.meta.url))
const { freePort, localUdp } = await import('../../../packages/client/bench/udpPair.js')

const replyPort = await freePort()
const child = spawn(process.execPath, ['--import', 'tsx', simScript], {
  env: { ...process.env, SIM_REPLY_PORT: String(replyPort) },
  stdio: ['ignore', 'pipe', 'inherit'],
})
// A failed round must not leave the simulator running.
process.on('exit', () => child.kill())
const simPort = await new Promise<number>((resolve, reject) => {
  child.once('error', reject)
  child.stdout.setEncoding('utf8')
  child.stdout.once('data', (text: string) => resolve(Number(text.trim())))
})
// As the client's sync bench builds it: default window and timeouts, a 4 MiB receive buffer asked for
// (what udp() asks for by default) so sync()'s burst of replies fits.
// A 3 s reply timeout: on a loaded machine sync()'s burst of notes replies can take more than the default.
const live = createClient({ transport: localUdp(simPort, replyPort, undefined, 4 * 1024 * 1024), timeout: 3000 })

const TRACK_DATA = ['track.name', 'track.playing_slot_index', 'track.fired_slot_index', 'clip.name', 'clip.color']
async function oneTrackData(): Promise<number> {
  const [numScenes, values] = await Promise.all([
    live.song.numScenes.get(),
    live.request('/live/song/get/track_data', [0, -1, ...TRACK_DATA] as never) as Promise<OscValue[]>,
  ])
  return decodeTrackData(values, { properties: TRACK_DATA, numScenes }).length
}

const cases: Record<string, () => Promise<unknown>> = {
  'live.sync()': () => live.sync(),
  'live status reads': () => readStatus(live, { host: '127.0.0.1', port: simPort }),
  'live clips reads': () => readGrid(live, { colors: true }),
  'one track_data': oneTrackData,
}
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]))
const names = Object.keys(cases)
await live.open()
for (let round = 0; round < ROUNDS + 1; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length]!
    const started = performance.now()
    await cases[name]!()
    // The first round warms up the client's catalogue lookups and the simulator's caches.
    if (round > 0) times[name]!.push(performance.now() - started)
  }
}
await live.close()
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve())
  child.kill()
})

const baseline = { name: 'live.sync()', figure: Math.round(median(times['live.sync()']!)) }
for (const name of ['live status reads', 'live clips reads', 'one track_data']) {
  report({
    group: 'CLI overview reads, 64 × 16 set at AbletonOSC’s 100 ms tick (ms, median)',
    name: `${name} vs live.sync()`,
    figure: Math.round(median(times[name]!)),
    unit: 'ms',
    betterIs: 'lower',
    baseline,
    rounds: ROUNDS,
  })
}
