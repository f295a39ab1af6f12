/*
 * What `live sim` needs from @live/simulator. parseSimulatorArgs (live-sim's own flag parser) is not
 * exported by the package yet, so it is imported from its source file; once @live/simulator exports
 * it, import it from the package and delete this file.
 */
export { consoleLogger, createSimulator, loadLiveSetFile } from '@live/simulator'
export {
  parseSimulatorArgs,
  simulatorUsage,
} from '../../../../packages/simulator/src/server/parseSimulatorArgs.js'
