import { z } from 'zod'
import { anyObject } from '../core/schemas.js'
import { defineTool } from '../core/toolKit.js'
import { jobView } from '../core/workflowAnswers.js'

/** `ableton_jobs`: the background workflows, and stopping them. */
export const jobsTool = defineTool({
  name: 'ableton_jobs',
  description: 'List the background jobs (status, progress, results); stop one by id, or "all".',
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({ stop: z.union([z.number().int().min(1), z.literal('all')]).optional() }),
  output: z.object({ jobs: z.array(anyObject), stopped: z.array(z.number()) }),
  async run({ stop }, { jobs }) {
    const stopped = stop === undefined ? [] : jobs.stop(stop === 'all' ? {} : { id: stop })
    await Promise.all(stopped.map((job) => job.finished))
    const all = jobs.list()
    const running = all.filter((j) => j.status === 'running').length
    const text =
      stop === undefined
        ? all.length === 0
          ? 'No jobs started yet.'
          : `${running} running of ${all.length}.`
        : stopped.length === 0
          ? 'Nothing was running.'
          : `Stopped ${stopped.map((j) => `job ${j.id} (${j.workflow})`).join(', ')}.`
    return { text, data: { jobs: all.map(jobView), stopped: stopped.map((j) => j.id) } }
  },
})
