/**
 * A bridge-flavour simulator in its own process (Live is another process): the demo set, or with SIM_SET=big
 * the 64 × 16 set of the client's sync bench; SIM_PLAY=all launches a clip on every track (meters move).
 * Prints its port on stdout, exits on SIGTERM.
 */
import { createSimulator } from '@live/simulator'
import { bigSet } from '../../client/bench/bigSet.js'

const big = process.env.SIM_SET === 'big'
const engineMs = process.env.SIM_ENGINE_MS === undefined ? undefined : Number(process.env.SIM_ENGINE_MS)
const meters = process.env.SIM_PLAY === 'all'
/** The big set with every track an audio track (audio clips' meters follow their gain, which the bench moves). */
function audioSet() {
  const set = bigSet()
  set.tracks = set.tracks.map((track, t) =>
    track.kind === 'audio' ? track : { ...structuredClone(set.tracks[t + 1] ?? set.tracks[t - 1]!), name: track.name },
  )
  return set
}
const sim = await createSimulator({
  flavour: 'bridge',
  port: 0,
  set: big ? (meters ? audioSet() : bigSet()) : 'demo',
  ...(engineMs === undefined ? {} : { engineMs }),
})
if (meters) {
  // A clip on every track, its gain swung every 33 ms (each track its own phase): the meters move on every step.
  const playing: string[] = []
  const tracks = (sim.model.get('live_set', 'tracks') as unknown[]).length
  for (let t = 0; t < tracks; t++) {
    for (let s = 0; s < 16; s++) {
      if (sim.model.get(`live_set tracks ${t} clip_slots ${s}`, 'has_clip') === true) {
        sim.model.call(`live_set tracks ${t} clip_slots ${s}`, 'fire', [])
        playing.push(`live_set tracks ${t} clip_slots ${s} clip`)
        break
      }
    }
  }
  sim.model.call('live_set', 'start_playing', [])
  let step = 0
  setInterval(() => {
    step++
    playing.forEach((clip, t) => {
      sim.model.set(clip, 'gain', 0.15 + 0.1 * (1 + Math.sin(step * 0.7 + t)))
    })
  }, 33)
}
process.stdout.write(`${sim.port}\n`)
process.on('SIGTERM', () => {
  void sim.close().then(() => process.exit(0))
})
