/**
 * The surface's server (MODE=surface) or a bare client watching the same meters (MODE=bare) in its own
 * process, against the simulator on SIM_PORT, so its CPU can be measured alone. Prints the HTTP port (or 0);
 * answers each IPC message with its CPU time and the meter updates it received so far.
 */
import { createClient } from '@live/client'
import { startSurface } from '../src/index.js'
import { localUdp } from './localUdp.js'

const client = createClient({ transport: localUdp(Number(process.env.SIM_PORT)) })
client.on('error', () => {})
let meters = 0
client.on('message', (message) => {
  if (message.address === '/live/track/get/output_meter_level') meters++
})
let port = 0
if (process.env.MODE === 'bare') {
  const tracks = await client.song.numTracks.get()
  for (let t = 0; t < tracks; t++) client.track(t).outputMeterLevel.watch(() => {})
} else {
  const surface = await startSurface({ client, port: 0 })
  await surface.mirror.ready
  port = surface.port
}
process.stdout.write(`${port}\n`)
process.on('message', () => {
  const { user, system } = process.cpuUsage()
  process.send?.({ cpuMs: (user + system) / 1000, at: performance.now(), meters })
})
process.on('SIGTERM', () => {
  void client.close().then(() => process.exit(0))
})
