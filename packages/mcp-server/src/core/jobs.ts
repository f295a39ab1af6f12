import type { WorkflowContext, WorkflowProgress } from '@live/workflows'

/** One workflow running (or finished) in the background. */
export interface Job {
  readonly id: number
  readonly workflow: string
  readonly description: string
  readonly startedAt: string
  status: 'running' | 'done' | 'failed' | 'stopped'
  progress?: WorkflowProgress | undefined
  result?: unknown
  error?: string | undefined
  /** What the workflow threw, for tools that waited and report it as a tool error. */
  failure?: unknown
  /** Settles (never rejects) when the workflow has ended and its result or error is set. */
  readonly finished: Promise<void>
}

/** How a job is started. */
export interface JobStartOptions {
  /** Resolve when the job ends instead of at once. */
  readonly wait: boolean
  /** While waiting: aborting it (the MCP request was cancelled) stops the job, which then does what its on_stop says. */
  readonly signal?: AbortSignal | undefined
  /** Every progress report of the workflow (forwarded as MCP progress while a request waits). */
  readonly onProgress?: ((progress: WorkflowProgress) => void) | undefined
}

/** Background workflows: started by tools, listed and stopped by the job tools. */
export interface Jobs {
  /** Starts `run` with a context whose signal stops it; resolves with the job at once, or when it ends if `wait`. */
  start(
    workflow: string,
    description: string,
    run: (context: WorkflowContext) => Promise<unknown>,
    options: JobStartOptions,
  ): Promise<Job>
  /** Every job, newest first. */
  list(): Job[]
  /** Stops one job by id, every running job of one workflow, or every running job; answers the jobs stopped. */
  stop(which?: { id?: number | undefined; workflow?: string | undefined } | undefined): Job[]
}

/**
 * A registry of background workflows with progress, so long fades, LFOs and performances never block a tool call.
 *
 * @example
 * const job = await jobs.start('fade', 'fade track 0', (ctx) => fade(live, options, ctx), false)
 */
export function createJobs(log: (line: string) => void): Jobs {
  const jobs: Job[] = []
  const controllers = new Map<number, AbortController>()
  let next = 1
  return {
    async start(workflow, description, run, { wait, signal, onProgress }) {
      const controller = new AbortController()
      const id = next++
      let job: Job
      const context: WorkflowContext = {
        signal: controller.signal,
        onProgress: (p) => {
          job.progress = p
          onProgress?.(p)
        },
      }
      // Started on the next tick so `job` exists before the workflow reports progress.
      const finished = Promise.resolve()
        .then(() => run(context))
        .then(
          (result) => {
            if (job.status === 'running') job.status = 'done'
            job.result = result
          },
          (error: unknown) => {
            if (job.status === 'running') job.status = controller.signal.aborted ? 'stopped' : 'failed'
            job.error = error instanceof Error ? error.message : String(error)
            job.failure = error
            if (job.status === 'failed') log(`workflow ${job.id} (${workflow}) failed: ${job.error}`)
          },
        )
        .finally(() => controllers.delete(id))
      job = { id, workflow, description, startedAt: new Date().toISOString(), status: 'running', finished }
      jobs.unshift(job)
      controllers.set(id, controller)
      if (!wait) return job
      const cancel = () => {
        if (job.status === 'running') job.status = 'stopped'
        controller.abort(new Error('the MCP request was cancelled'))
      }
      if (signal?.aborted) cancel()
      signal?.addEventListener('abort', cancel, { once: true })
      await finished
      signal?.removeEventListener('abort', cancel)
      return job
    },
    list: () => [...jobs],
    stop(which = {}) {
      const stopped: Job[] = []
      for (const job of jobs) {
        if (job.status !== 'running') continue
        if (which.id !== undefined && job.id !== which.id) continue
        if (which.workflow !== undefined && job.workflow !== which.workflow) continue
        job.status = 'stopped'
        controllers.get(job.id)?.abort(new Error('stopped from an MCP tool'))
        stopped.push(job)
      }
      return stopped
    },
  }
}
