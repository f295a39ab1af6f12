#!/usr/bin/env node
/// <reference types="node" />
/**
 * @packageDocumentation
 * The `live-sim` command: serves an in-memory Live set over AbletonOSC's protocol until SIGINT or SIGTERM.
 */
import { isLiveError } from '@live/protocol'
import { loadLiveSetFile } from '../model/liveSetFile.js'
import { createSimulator } from '../server/createSimulator.js'
import { parseSimulatorArgs, simulatorUsage } from '../server/parseSimulatorArgs.js'
import { consoleLogger } from '../server/simulatorLogger.js'

async function main(): Promise<number> {
  let command: ReturnType<typeof parseSimulatorArgs>
  try {
    command = parseSimulatorArgs(process.argv.slice(2), process.env)
  } catch (error) {
    if (isLiveError(error)) console.error([`live-sim: ${error.shortMessage}`, ...error.metaMessages].join('\n  '))
    else console.error(`live-sim: ${String(error)}`)
    return 2
  }
  if (command.kind === 'help') {
    process.stdout.write(simulatorUsage)
    return 0
  }

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
  })
  const tracks = simulator.model.getCount('live_set', 'tracks')
  const scenes = simulator.model.getCount('live_set', 'scenes')
  const replies =
    command.flavour === 'abletonosc' ? `replies to port ${command.replyPort}` : "replies to each sender's port"
  console.log(
    `live-sim (${command.flavour} flavour) listening on ${simulator.host}:${simulator.port}, ${replies}, ` +
      `set: ${setLabel} (${tracks} tracks, ${scenes} scenes)`,
  )

  // The socket keeps the process alive; a signal closes it and the process ends cleanly.
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      console.log(`live-sim: ${signal}, stopping`)
      simulator.close().then(
        () => resolve(0),
        (error: unknown) => {
          console.error(`live-sim: error while stopping: ${String(error)}`)
          resolve(1)
        },
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `live-sim: ${isLiveError(error) ? error.message : error instanceof Error ? error.stack : String(error)}`,
    )
    process.exit(1)
  },
)
