import type { WorkflowPlan } from '../shared/workflow.js'

/** The tempo dry runs assume: they read nothing from Live. */
export const DRY_RUN_BPM = 120

/** Milliseconds of `beats` quarter notes at `bpm`. */
export function beatsToMs(beats: number, bpm: number): number {
  return (beats * 60_000) / bpm
}

/**
 * A workflow's answer: the plan for a literal `dryRun: true`, the result for no `dryRun` or `false`, and
 * either when `dryRun` is a `boolean` variable (check `'plan' in result`).
 */
export type DryRunOr<O, R> = O extends { dryRun: true }
  ? { plan: WorkflowPlan }
  : 'dryRun' extends keyof O
    ? true extends O['dryRun' & keyof O]
      ? R | { plan: WorkflowPlan }
      : R
    : R
