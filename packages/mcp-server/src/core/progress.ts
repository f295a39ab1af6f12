import type { WorkflowProgress } from '@live/workflows'

/** Sends one `notifications/progress` of the request being served. */
export type SendProgress = (params: {
  progress: number
  total?: number | undefined
  message?: string | undefined
}) => void

/** Forwards a workflow's progress to an MCP request: throttled, monotonic, with a heartbeat. */
export interface ProgressForwarder {
  /** A workflow's progress report. */
  report(progress: WorkflowProgress): void
  /** Stops the heartbeat. */
  close(): void
}

/** At most this many ms between notifications while work runs (a heartbeat repeats the last state). */
const HEARTBEAT_MS = 250
/** At least this many ms between notifications when the workflow reports faster (fades report 100 times a second). */
const THROTTLE_MS = 100
/** What a heartbeat adds: the spec asks progress to grow with every notification. */
const NUDGE = 0.001

/**
 * Turns a workflow's reports into MCP progress notifications: at most 10 a second, at least 4 a second while it
 * runs (so clients that reset their timeout on progress keep waiting), `progress` always growing (a new phase
 * that counts from 0 again continues from where the last one ended), `total` when the workflow knows it.
 *
 * @example
 * const forward = forwardProgress((p) => extra.sendNotification({ method: 'notifications/progress', params: { progressToken, ...p } }))
 */
export function forwardProgress(send: SendProgress, now: () => number = () => performance.now()): ProgressForwarder {
  let sent = Number.NEGATIVE_INFINITY
  let sentAt = Number.NEGATIVE_INFINITY
  let offset = 0
  let lastDone = 0
  let latest: { progress: number; total?: number | undefined; message: string } | undefined
  let pending = false
  const flush = () => {
    if (latest === undefined) return
    const progress = latest.progress > sent ? latest.progress : sent + NUDGE
    sent = progress
    sentAt = now()
    pending = false
    send({ progress, ...(latest.total === undefined ? {} : { total: latest.total + offset }), message: latest.message })
  }
  const timer = setInterval(() => {
    if (pending || now() - sentAt >= HEARTBEAT_MS) flush()
  }, HEARTBEAT_MS / 2)
  timer.unref?.()
  return {
    report(p) {
      if (p.done < lastDone) offset += lastDone
      lastDone = p.done
      latest = { progress: offset + p.done, total: p.total, message: p.phase }
      pending = true
      if (now() - sentAt >= THROTTLE_MS) flush()
    },
    close: () => clearInterval(timer),
  }
}
