/**
 * `sync()` of a large set (64 tracks, 16 scenes, 4 devices of 16 parameters per track, a clip in half
 * the slots) from the abletonosc-flavour simulator at its real 100 ms tick, beside the naive way: one
 * request at a time, awaiting each answer, measured on a sample of tracks and extrapolated.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { median, report } from '../../../tooling/bench/harness.js'
import type { LiveClient } from '../src/clientTypes.js'
import { createClient } from '../src/createClient.js'
import { BIG_SET } from './bigSet.js'
import { freePort, localUdp } from './udpPair.js'

const ROUNDS = 3
const SAMPLE_TRACKS = 2

const replyPort = await freePort()
// Live is another process: the simulator runs in a child, as AbletonOSC would.
const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./simProcess.ts', import.meta.url))], {
  env: { ...process.env, SIM_REPLY_PORT: String(replyPort) },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const simPort = await new Promise<number>((resolve, reject) => {
  child.once('error', reject)
  child.stdout.setEncoding('utf8')
  child.stdout.once('data', (text: string) => resolve(Number(text.trim())))
})
const sim = {
  port: simPort,
  close: () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill()
    }),
}
// The client as a user builds it (default pacing, window and timeouts), with a 4 MiB receive buffer asked for.
const live = createClient({
  transport: localUdp(sim.port, replyPort, undefined, 4 * 1024 * 1024),
})

const times: number[] = []
let requests = 0
for (let round = 0; round < ROUNDS; round++) {
  let count = 0
  const start = performance.now()
  const set = await live.sync({ onProgress: () => count++ })
  times.push(performance.now() - start)
  requests = count
  if (set.tracks.length !== BIG_SET.tracks) throw new Error(`synced ${set.tracks.length} tracks`)
}

/** Reads one track the way tutorial scripts do: every value with its own awaited request. */
async function naiveTrack(client: LiveClient, t: number): Promise<number> {
  let n = 0
  const read = async (p: Promise<unknown>) => {
    n++
    return p
  }
  const track = client.track(t)
  for (const property of ['name', 'color', 'mute', 'solo', 'arm', 'volume', 'panning'] as const)
    await read(track[property].get())
  for (let s = 0; s < 2; s++) await read(track.send(s).get())
  const devices = (await read(track.devicesName.get())) as string[]
  await read(track.devicesClassName.get())
  await read(track.devicesType.get())
  for (let d = 0; d < devices.length; d++) {
    const device = client.device(t, d)
    for (const list of [
      'parametersName',
      'parametersValue',
      'parametersMin',
      'parametersMax',
      'parametersIsQuantized',
    ] as const)
      await read(device[list].get())
  }
  for (let c = 0; c < BIG_SET.scenes; c++) {
    if (!(await read(client.clipSlot(t, c).hasClip.get()))) continue
    const clip = client.clip(t, c)
    for (const property of ['name', 'length', 'color', 'looping'] as const) await read(clip[property].get())
    if (await read(clip.isMidiClip.get())) await read(clip.notes.get())
  }
  return n
}

const naiveStart = performance.now()
let naiveRequests = 0
for (let t = 0; t < SAMPLE_TRACKS; t++) naiveRequests += await naiveTrack(live, t)
const perTrack = (performance.now() - naiveStart) / SAMPLE_TRACKS
const songStart = performance.now()
const song = live.song
for (const property of [
  'tempo',
  'isPlaying',
  'currentSongTime',
  'signatureNumerator',
  'signatureDenominator',
  'metronome',
  'loop',
  'loopStart',
  'loopLength',
  'clipTriggerQuantization',
  'recordMode',
  'sessionRecord',
  'grooveAmount',
  'rootNote',
  'scaleName',
  'songLength',
] as const)
  await song[property].get()
const songTime = performance.now() - songStart
const naive = perTrack * BIG_SET.tracks + songTime

await live.close()
await sim.close()

const group = 'Client sync (abletonosc-flavour simulator, 100 ms ticks)'
const shape = `${BIG_SET.tracks} tracks × ${BIG_SET.scenes} scenes, ${BIG_SET.devices} devices × ${BIG_SET.parameters} parameters per track, a clip in half the slots`
report({
  group,
  name: `sync() of ${shape} (${requests} requests)`,
  figure: median(times),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'target', figure: 400 },
  target: 1,
  rounds: ROUNDS,
  note: `The simulator runs in a child process (Live is another process); the client asks for a 4 MiB receive buffer (recvBufferSize) and sends bulk reads packed in OSC bundles, its window sized from the granted buffer. Naive baseline measured on ${SAMPLE_TRACKS} tracks (${naiveRequests} requests, ${(perTrack / 1000).toFixed(1)} s per track) and the 16 song properties, extrapolated to ${BIG_SET.tracks} tracks.`,
})
report({
  group,
  name: `sync() vs naive one-at-a-time reads (extrapolated from ${SAMPLE_TRACKS} tracks)`,
  figure: median(times),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'naive, extrapolated', figure: naive },
  target: 50,
  rounds: ROUNDS,
})
