/**
 * The abletonosc-flavour simulator with {@link bigSet} at its real 100 ms tick, in its own process:
 * prints its port on stdout, replies to `SIM_REPLY_PORT`, exits on SIGTERM.
 */
import { createSimulator } from '@live/simulator'
import { bigSet } from './bigSet.js'

const replyPort = Number(process.env.SIM_REPLY_PORT)
const sim = await createSimulator({ flavour: 'abletonosc', port: 0, replyPort, set: bigSet(), tickMs: 100 })
process.stdout.write(`${sim.port}\n`)
process.on('SIGTERM', () => {
  void sim.close().then(() => process.exit(0))
})
