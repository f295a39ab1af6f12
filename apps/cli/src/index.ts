/**
 * @packageDocumentation
 * The `live` command: drive Ableton Live from a shell. Installed, it is the `live` bin; this entry runs
 * the same command line in-process, for tools that wrap it.
 */
export { ExitCode } from './cli/exitCodes.js'
export { runCli } from './cli/run.js'
