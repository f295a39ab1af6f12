/**
 * @packageDocumentation
 * An in-memory Live set served over AbletonOSC's protocol: the Live Object Model in memory
 * (`createLiveSet`), its clocks, and its built-in sets.
 */
export { AudioFileError, type AudioFileInfo, parseAudioFileInfo } from './audio/audioFileInfo.js'
export { AUDIO_FILE_ERRORS, readAudioFileInfo } from './audio/readAudioFileInfo.js'
export { type Clock, createRealClock } from './clock/clock.js'
export { createVirtualClock, type VirtualClock } from './clock/virtualClock.js'
export {
  DEVICE_TYPE,
  NATIVE_DEVICES,
  type NativeDevice,
  type NativeDeviceType,
  nativeParameters,
  type RackKind,
} from './library/catalogue.js'
export {
  findNativeDevice,
  nativeDeviceByClassName,
  nearestNativeDeviceNames,
  unknownNativeDeviceText,
} from './library/findNativeDevice.js'
export { LIVE_VERSION } from './model/application.js'
export { createLiveSet, type LiveSet, type LiveSetOptions, tryGet } from './model/createLiveSet.js'
export { INSERT_DEVICE_ERRORS, nativeDeviceData } from './model/insertDevice.js'
export { loadLiveSetFile, saveLiveSetFile } from './model/liveSetFile.js'
export { nearestColorIndex, PALETTE } from './model/palette.js'
export { parseLiveSet } from './model/parseLiveSet.js'
export {
  type ClipData,
  type DeviceData,
  type LiveSetData,
  liveSetSchema,
  type NoteData,
  type ParameterData,
  type SceneData,
  type TrackData,
} from './model/schema.js'
export { parameterString } from './model/valueStrings.js'
// The server: the dispatcher over this model behind a UDP socket, and the live-sim bin's flags.
export {
  createSimulator,
  SIMULATOR_HELLO,
  SIMULATOR_NAME,
  type Simulator,
  type SimulatorOptions,
} from './server/createSimulator.js'
export type { SimulatorFlavour } from './server/datagramServer.js'
export { parseSimulatorArgs, type SimulatorCommand, simulatorUsage } from './server/parseSimulatorArgs.js'
export { consoleLogger, quietLogger, type SimulatorLogger } from './server/simulatorLogger.js'
export { type SimulatorSummary, startSimulatorCommand } from './server/startSimulatorCommand.js'
export { defaultSet } from './sets/defaultSet.js'
export { demoSet } from './sets/demoSet.js'
