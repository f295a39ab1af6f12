import type { Scheduler } from '../scheduler/createScheduler.js'
import type { PlannedMessage, WorkflowContext } from '../shared/workflow.js'
import type { ResolvedTarget, TargetAddress } from './automationTarget.js'

/** One lane of automation: a value per tick on a fixed period. */
export interface LaneSpec {
  /** `fade` or `lfo`, for progress and plans. */
  readonly workflow: string
  /** Milliseconds between ticks. */
  readonly periodMs: number
  /** Ticks in all; Infinity runs until aborted. */
  readonly count: number
  /** The value at position `n` in ticks: whole on time, fractional for a tick sent late (the value for when it goes out). */
  valueAt(n: number): number
}

/** How a lane ended. */
export interface LaneRun {
  /** Messages sent. */
  readonly sent: number
  /** The last value sent (NaN when none). */
  readonly last: number
  /** True when aborted before its last tick. */
  readonly stoppedEarly: boolean
}

// A tick running more than this late (ms) sends the value for the time it goes out rather than its own.
const LATE_TICK_MS = 0.25

/** The messages a lane would send (at most `limit`), for dry runs. */
export function planLane(spec: LaneSpec, target: TargetAddress, limit: number): PlannedMessage[] {
  const messages: PlannedMessage[] = []
  let last = Number.NaN
  const count = Math.min(spec.count, limit)
  for (let n = 0; n < count; n++) {
    const value = spec.valueAt(n)
    if (value === last && n !== spec.count - 1) continue
    last = value
    messages.push({ atMs: n * spec.periodMs, address: target.setAddress, args: [...target.indices, value] })
  }
  return messages
}

/**
 * Runs a lane on a scheduler: sends each tick's value (an on-time tick repeating the last value is skipped, the last
 * tick is always sent), reports progress, and stops cleanly on abort. A tick that runs late is still sent, at once,
 * with the value for now (a lane's value is a function of time), so falling behind never drops a message.
 *
 * @example
 * const run = await runLane(spec, target, createScheduler(), context)
 */
export async function runLane(
  spec: LaneSpec,
  target: ResolvedTarget,
  scheduler: Scheduler,
  context: WorkflowContext,
): Promise<LaneRun> {
  let sent = 0
  let last = Number.NaN
  const total = Number.isFinite(spec.count) ? spec.count : undefined
  const result = await scheduler.every(
    { periodMs: spec.periodMs, count: spec.count, signal: context.signal },
    async (n, dueMs) => {
      const lateMs = scheduler.now() - dueMs
      const late = lateMs > LATE_TICK_MS
      const value = spec.valueAt(late ? Math.min(n + lateMs / spec.periodMs, spec.count - 1) : n)
      // A late tick is always sent, even when catching up repeats the value: lateness never drops a message.
      if (value !== last || late || n === spec.count - 1) {
        last = value
        await target.write(value)
        sent++
      }
      context.onProgress?.({
        workflow: spec.workflow,
        phase: `${spec.workflow} ${target.label}`,
        done: n + 1,
        total,
        detail: { value, target: target.label, dueMs },
      })
    },
  )
  return { sent, last, stoppedEarly: result.stoppedEarly }
}
