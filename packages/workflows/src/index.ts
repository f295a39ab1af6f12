/**
 * @packageDocumentation
 * The jobs people run on Live, timed to the beat and safe to interrupt: performance plans, stem
 * export, fades and LFOs, generative launching, MIDI clock, snapshots and recording.
 */
export {
  defaultNow,
  defaultSleep,
  type PlannedMessage,
  throwIfAborted,
  type WorkflowContext,
  type WorkflowPlan,
  type WorkflowProgress,
} from './shared/workflow.js'
