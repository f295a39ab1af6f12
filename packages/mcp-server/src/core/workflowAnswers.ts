import type { WorkflowPlan } from '@live/workflows'
import { z } from 'zod'
import type { Job } from './jobs.js'
import type { ToolAnswer } from './toolKit.js'

/** The `dry_run` argument every workflow tool takes. */
export const dryRunArg = z
  .boolean()
  .default(false)
  .describe('True answers the plan (every message and when) and changes nothing. Default false.')

/** The `wait` argument of the background workflows. */
export const waitArg = z
  .boolean()
  .default(false)
  .describe(
    'True waits until it ends (keep it short: assistants time out after about a minute); false (default) runs it in the background: see ableton_workflow_status.',
  )

/** A job as the status tools show it. */
export function jobView(job: Job): Record<string, unknown> {
  const p = job.progress
  return {
    id: job.id,
    workflow: job.workflow,
    description: job.description,
    status: job.status,
    startedAt: job.startedAt,
    ...(p === undefined ? {} : { progress: `${p.phase} (${p.done}${p.total === undefined ? '' : `/${p.total}`})` }),
    ...(job.error === undefined ? {} : { error: job.error }),
    ...(job.result === undefined ? {} : { result: job.result }),
  }
}

/** A dry run's answer: how many messages, the workflow's own notes, and the first messages with their time. */
export function planAnswer(plan: WorkflowPlan, limit = 20): ToolAnswer {
  const when = (m: WorkflowPlan['messages'][number]) =>
    m.atBeat === undefined ? `${Math.round(m.atMs)} ms` : `beat ${m.atBeat}`
  return {
    text: `Dry run of ${plan.workflow}: ${plan.messages.length} messages would be sent; nothing was changed.`,
    data: {
      notes: plan.notes,
      messages: plan.messages
        .slice(0, limit)
        .map(
          (m) =>
            `${when(m)}: ${m.address} ${m.args.map((a) => JSON.stringify(a)).join(' ')}${m.note ? ` (${m.note})` : ''}`,
        ),
      ...(plan.messages.length > limit ? { more: plan.messages.length - limit } : {}),
    },
  }
}

/** The answer of a tool that started (or, with `wait`, ran) a background job; a failure it waited for is thrown. */
export function jobAnswer(job: Job, stopHint = `Stop it with ableton_stop_workflow (job ${job.id}).`): ToolAnswer {
  if (job.status === 'failed') throw job.failure
  const text =
    job.status === 'running'
      ? `Started ${job.workflow} as job ${job.id}: ${job.description}. ${stopHint}`
      : `${job.workflow} ${job.status}: ${job.description}.`
  return { text, data: jobView(job) }
}
