import { expectTypeOf, test } from 'vitest'
import type { WorkflowPlan } from '../shared/workflow.js'
import type { DryRunOr } from './timing.js'

interface Result {
  readonly done: true
}

test('a dry run answers a plan, a run its result, and a boolean dryRun either', () => {
  expectTypeOf<DryRunOr<{ dryRun: true }, Result>>().toEqualTypeOf<{ plan: WorkflowPlan }>()
  expectTypeOf<DryRunOr<{ to: number }, Result>>().toEqualTypeOf<Result>()
  expectTypeOf<DryRunOr<{ dryRun: false }, Result>>().toEqualTypeOf<Result>()
  expectTypeOf<DryRunOr<{ dryRun: boolean }, Result>>().toEqualTypeOf<Result | { plan: WorkflowPlan }>()
  expectTypeOf<DryRunOr<{ dryRun?: boolean }, Result>>().toEqualTypeOf<Result | { plan: WorkflowPlan }>()
})
