#!/usr/bin/env node
/// <reference types="node" />
/**
 * @packageDocumentation
 * The `live-sim` command: serves an in-memory Live set over AbletonOSC's protocol until SIGINT or SIGTERM.
 */
import { isLiveError } from '@live/protocol'
import { parseSimulatorArgs, simulatorUsage } from '../server/parseSimulatorArgs.js'
import { startSimulatorCommand } from '../server/startSimulatorCommand.js'

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

  const { simulator, summary } = await startSimulatorCommand(command)
  console.log(`live-sim ${summary.text}`)

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
