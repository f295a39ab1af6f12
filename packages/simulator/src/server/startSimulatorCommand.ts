import { loadLiveSetFile } from '../model/liveSetFile.js'
import { createSimulator, type Simulator } from './createSimulator.js'
import type { SimulatorCommand } from './parseSimulatorArgs.js'
import { consoleLogger } from './simulatorLogger.js'

/** Where a started simulator listens and what it serves, for a person or for `--json`. */
export interface SimulatorSummary {
  readonly flavour: Simulator['flavour']
  readonly host: string
  readonly port: number
  /** AbletonOSC's fixed reply port, or 'source' for the bridge (each sender's own port). */
  readonly replyPort: number | 'source'
  /** The embedded set's name or the file it was loaded from. */
  readonly set: string
  readonly tracks: number
  readonly scenes: number
  /** One line a person reads: where it listens, where it replies, what set. */
  readonly text: string
}

/**
 * Starts the simulator a parsed `live-sim` command line asks for (loading a set file if named),
 * logging to the console: what both `live-sim` and `live sim` run.
 *
 * @example
 * const command = parseSimulatorArgs(process.argv.slice(2), process.env)
 * if (command.kind === 'run') { const { simulator, summary } = await startSimulatorCommand(command); console.log(summary.text) }
 */
export async function startSimulatorCommand(
  command: Extract<SimulatorCommand, { kind: 'run' }>,
): Promise<{ simulator: Simulator; summary: SimulatorSummary }> {
  const set = 'name' in command.set ? command.set.name : await loadLiveSetFile(command.set.file)
  const setLabel = 'name' in command.set ? command.set.name : command.set.file
  const simulator = await createSimulator({
    flavour: command.flavour,
    host: command.host,
    port: command.port,
    replyPort: command.replyPort,
    tickMs: command.tickMs,
    set,
    logger: consoleLogger({ verbose: command.verbose }),
    exportFolder: command.exportFolder,
  })
  const tracks = simulator.model.getCount('live_set', 'tracks')
  const scenes = simulator.model.getCount('live_set', 'scenes')
  const replies =
    command.flavour === 'abletonosc' ? `replies to port ${command.replyPort}` : "replies to each sender's port"
  return {
    simulator,
    summary: {
      flavour: command.flavour,
      host: simulator.host,
      port: simulator.port,
      replyPort: command.flavour === 'abletonosc' ? command.replyPort : 'source',
      set: setLabel,
      tracks,
      scenes,
      text: `(${command.flavour} flavour) listening on ${simulator.host}:${simulator.port}, ${replies}, set: ${setLabel} (${tracks} tracks, ${scenes} scenes)${command.exportFolder === undefined ? '' : `, exports to ${command.exportFolder}`}`,
    },
  }
}
