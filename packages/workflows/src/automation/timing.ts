import type { WorkflowPlan } from '../shared/workflow.js'

/** The tempo dry runs assume: they read nothing from Live. */
export const DRY_RUN_BPM = 120

/** Milliseconds of `beats` quarter notes at `bpm`. */
export function beatsToMs(beats: number, bpm: number): number {
  return (beats * 60_000) / bpm
}

/** A workflow's answer: the plan for a literal `dryRun: true`, the result otherwise (check `'plan' in result` when `dryRun` is a variable). */
export type DryRunOr<O, R> = O extends { dryRun: true } ? { plan: WorkflowPlan } : R
