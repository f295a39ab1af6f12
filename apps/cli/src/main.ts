/**
 * @packageDocumentation
 * The `live` command: drive Ableton Live from a shell. Run `live --help`.
 */
import { runCli } from './cli/run.js'

runCli(process.argv.slice(2)).then((code) => {
  // Exit once stdout has drained: lingering sockets or timers must never keep a one-shot command alive.
  process.stdout.write('', () => process.exit(code))
})
