/**
 * @packageDocumentation
 * The jobs people run on Live, timed to the beat and safe to interrupt: performance plans, stem
 * export, fades and LFOs, generative launching, MIDI clock, snapshots and recording.
 */

export {
  type AutomateLaneResult,
  type AutomateOptions,
  type AutomateResult,
  automate,
  automateOptionsSchema,
} from './automation/automate.js'
export {
  type AutomationTarget,
  automationTargetSchema,
  resolveTarget,
  targetAddress,
} from './automation/automationTarget.js'
export { FADE_CURVES, type FadeCurve, fadeValue, LFO_SHAPES, type LfoShape, lfoWave } from './automation/curves.js'
export { type FadeOptions, type FadeResult, fade, fadeOptionsSchema } from './automation/fade.js'
export { type LfoOptions, type LfoResult, lfo, lfoOptionsSchema } from './automation/lfo.js'
export type { DryRunOr } from './automation/timing.js'
export { BRIDGE_EXPORT_ADDRESSES, type BridgeExportRequest, bridgeExport } from './export/bridgeExport.js'
export { exportStems } from './export/exportStems.js'
export {
  type ExportedStem,
  type ExportStemsOptions,
  type ExportStemsResult,
  exportStemsOptionsSchema,
} from './export/exportStemsOptions.js'
export {
  type GenerateOptions,
  type GenerateResult,
  generate,
  generateOptionsSchema,
  generatePerformance,
} from './generate/generate.js'
export type { BankOffsets, BoundTarget, ClipState, TargetLevel } from './mapping/bindTarget.js'
export { bindTarget } from './mapping/bindTarget.js'
export { decodeMidi, describeControl, type MidiEvent } from './mapping/controlKey.js'
export {
  addMapping,
  guessCcMode,
  type LearnedControl,
  learnControl,
  TARGET_WORDS,
  targetFromWords,
} from './mapping/learn.js'
export { JsonSyntaxError, type LocatedJson, parseLocatedJson, type SourcePosition } from './mapping/locatedJson.js'
export type { MappingEvent, MappingRow } from './mapping/mappingEvents.js'
export { createMappingRegistry, type MappingInfo, type MappingRegistry } from './mapping/mappingRegistry.js'
export {
  CONTROL_MODES,
  type Control,
  type ControlMode,
  controlSchema,
  type MappingLine,
  MIDI_MAP_VERSION,
  type MidiMap,
  type MidiMapInput,
  mappingLineSchema,
  midiMapSchema,
} from './mapping/midiMapSchema.js'
export { type MemoryMidi, type MidiInputPort, type MidiOutputPort, memoryMidi } from './mapping/midiPorts.js'
export {
  installNativeMapping,
  NATIVE_NOTES,
  type NativeInstallResult,
  type NativeLine,
  type NativePlan,
  planNativeMapping,
  type SkippedLine,
} from './mapping/nativeMapping.js'
export { checkMidiMap, type MapProblem, type ParseMidiMapOptions, parseMidiMap } from './mapping/parseMidiMap.js'
export { MIDI_MAP_PRESETS, type MidiMapPreset } from './mapping/presets/index.js'
export {
  type ActiveMapping,
  type MappingSummary,
  type StartMappingOptions,
  startMapping,
} from './mapping/startMapping.js'
export { type Target, type TargetKind, targetSchema } from './mapping/targetSchema.js'
export {
  type ClockCore,
  type ClockCoreOptions,
  createClockCore,
  MIDI_CLOCK,
  type MidiClockOutput,
} from './midiClock/createClockCore.js'
export {
  type MidiClockOptions,
  type MidiClockResult,
  midiClock,
  midiClockOptionsSchema,
} from './midiClock/midiClock.js'
export { type BeatFollower, followBeats } from './perform/beatFollower.js'
export { type PerformedLaunch, type PerformResult, perform } from './perform/perform.js'
export { type PerformancePlan, performancePlanSchema, performanceStepSchema } from './perform/performancePlan.js'
export {
  type RecordClipOptions,
  type RecordClipResult,
  recordClip,
  recordClipOptionsSchema,
} from './record/recordClip.js'
export {
  createScheduler,
  type EveryOptions,
  type EveryResult,
  type Scheduler,
  type SchedulerOptions,
} from './scheduler/createScheduler.js'
export { createVirtualTime, type VirtualTime } from './scheduler/createVirtualTime.js'
export { preciseTimer } from './scheduler/preciseTimer.js'
export { seededRandom } from './scheduler/seededRandom.js'
export { MAX_RATE_HZ, serverRate } from './scheduler/serverRate.js'
export {
  defaultNow,
  defaultSleep,
  type PlannedMessage,
  throwIfAborted,
  type WorkflowContext,
  type WorkflowPlan,
  type WorkflowProgress,
} from './shared/workflow.js'
export { describeDiff } from './snapshot/describeDiff.js'
export { diffSnapshots, type SnapshotChange } from './snapshot/diffSnapshots.js'
export {
  type DryRunResult,
  type RestoreSnapshotOptions,
  type RestoreSnapshotResult,
  restoreSnapshot,
  restoreSnapshotOptionsSchema,
} from './snapshot/restoreSnapshot.js'
export { SNAPSHOT_VERSION, type Snapshot, snapshotSchema, snapshotServerSchema } from './snapshot/snapshotSchema.js'
export { type TakeSnapshotOptions, takeSnapshot, takeSnapshotOptionsSchema } from './snapshot/takeSnapshot.js'
