import type { WorkflowContext, WorkflowPlan } from '@live/workflows'
import { z } from 'zod'
import type { Job } from './jobs.js'
import { anyObject } from './schemas.js'
import type { ToolAnswer, ToolContext } from './toolKit.js'

/** What the workflow tools answer: a job (started, or finished when waited for) or a dry run's plan. */
export const workflowOutput = z.object({ job: anyObject.optional(), plan: anyObject.optional() })

/** A job as the tools show it. */
export function jobView(job: Job): Record<string, unknown> {
  const p = job.progress
  return {
    id: job.id,
    workflow: job.workflow,
    description: job.description,
    status: job.status,
    started_at: job.startedAt,
    ...(p === undefined
      ? {}
      : { progress: { phase: p.phase, done: p.done, ...(p.total === undefined ? {} : { total: p.total }) } }),
    ...(job.error === undefined ? {} : { error: job.error }),
    ...(job.result === undefined ? {} : { result: job.result }),
  }
}

/** A dry run's answer: how many messages, the workflow's own notes, and the first messages with their time. */
export function planAnswer(plan: WorkflowPlan, limit = 20): ToolAnswer<{ plan: Record<string, unknown> }> {
  const when = (m: WorkflowPlan['messages'][number]) =>
    m.atBeat === undefined ? `${Math.round(m.atMs)} ms` : `beat ${m.atBeat}`
  return {
    text: `Dry run of ${plan.workflow}: ${plan.messages.length} messages would be sent; nothing was changed.`,
    data: {
      plan: {
        workflow: plan.workflow,
        message_count: plan.messages.length,
        notes: plan.notes,
        messages: plan.messages
          .slice(0, limit)
          .map(
            (m) =>
              `${when(m)}: ${m.address} ${m.args.map((a) => JSON.stringify(a)).join(' ')}${m.note ? ` (${m.note})` : ''}`,
          ),
      },
    },
  }
}

/**
 * Starts a workflow as a job of this server: in the background, or (wait) until it ends, with the request's
 * progress forwarded and its cancellation stopping the job.
 *
 * @example
 * const job = await startJob(context, 'fade', 'track 0 volume to -6 dB', (ctx) => fade(live, options, ctx), true)
 */
export function startJob(
  context: ToolContext,
  workflow: string,
  description: string,
  run: (workflowContext: WorkflowContext) => Promise<unknown>,
  wait: boolean,
): Promise<Job> {
  return context.jobs.start(workflow, description, run, {
    wait,
    ...(wait ? { signal: context.signal, onProgress: context.progress } : {}),
  })
}

/** The answer of a tool that started (or, with `wait`, ran) a background job; a failure it waited for is thrown. */
export function jobAnswer(
  job: Job,
  stopHint = `Stop it with ableton_jobs (stop: ${job.id}).`,
): ToolAnswer<{ job: Record<string, unknown> }> {
  if (job.status === 'failed') throw job.failure
  const text =
    job.status === 'running'
      ? `Started ${job.workflow} as job ${job.id}: ${job.description}. ${stopHint}`
      : `${job.workflow} ${job.status}: ${job.description}.`
  return { text, data: { job: jobView(job) } }
}
