import type { LiveClient, LiveSet } from '@live/client'
import { type Address, isLiveError } from '@live/protocol'
import { z } from 'zod'
import { parseWorkflowOptions, wholeNumber } from '../record/parseWorkflowOptions.js'
import { throwIfAborted, type WorkflowContext, type WorkflowPlan } from '../shared/workflow.js'
import { diffSets, type SnapshotChange } from './diffSnapshots.js'
import { type RestoreOp, restoreStep } from './restoreOps.js'
import { type Snapshot, snapshotSchema } from './snapshotSchema.js'

/** Options of {@link restoreSnapshot}. */
export const restoreSnapshotOptionsSchema = z.strictObject({
  /** Plan only: read the set, return the messages that would be sent, change nothing. @default false */
  dryRun: z.boolean().default(false),
  /** Read the set back after sending and retry what did not take. @default true */
  verify: z.boolean().default(true),
  /** Rounds of retries for changes that did not take (UDP may drop datagrams). @default 3 */
  retries: wholeNumber(0, 20, 'rounds').default(3),
})

/** What {@link restoreSnapshot} accepts. */
export type RestoreSnapshotOptions = z.input<typeof restoreSnapshotOptionsSchema>

/** What {@link restoreSnapshot} did. */
export interface RestoreSnapshotResult {
  /** Changes sent and (with `verify`) read back as restored. */
  readonly applied: number
  /** Changes that took more than one attempt. */
  readonly retried: number
  /** What could not be restored, and why (a track that no longer exists, a device that changed...). */
  readonly failed: readonly { readonly path: string; readonly reason: string }[]
}

/** A dry run's answer. */
export interface DryRunResult {
  readonly plan: WorkflowPlan
}

const WORKFLOW = 'restoreSnapshot'

async function sendOp(client: LiveClient, op: RestoreOp, signal: AbortSignal | undefined): Promise<void> {
  await client.send(op.address as Address, op.args as never, { signal })
}

/**
 * Reads the set until two reads agree: on a lossy link a bulk reply without echoed indices can be matched to the
 * wrong request, or a refusal blamed on the wrong one, and a restore must not act on such a read.
 */
async function stableSync(
  client: LiveClient,
  captured: { notes: boolean; parameters: boolean },
  signal: AbortSignal | undefined,
): Promise<LiveSet> {
  const sync = () => client.sync({ ...captured, signal })
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const first = await sync()
      if (diffSets(first, await sync(), captured).length === 0) return first
    } catch (error) {
      if (!isLiveError(error, 'TIMEOUT') && !isLiveError(error, 'LIVE_REJECTED')) throw error
    }
    throwIfAborted(signal, WORKFLOW)
  }
  return sync()
}

/**
 * Puts a snapshot back: reads the set as it is now, sends only what differs, reads it back and retries what
 * did not take, and reports what it could not restore. Destructive: it changes the set. Tracks and scenes
 * are matched by position, or by name when some were added or deleted since (so the others are not
 * overwritten with their neighbours' state); devices by position. None is created or deleted; a MIDI clip
 * deleted since is re-created.
 *
 * @example
 * const { applied, failed } = await restoreSnapshot(live, await loadSnapshotFile('verse.json'))
 * for (const { path, reason } of failed) console.warn(path, reason)
 */
export async function restoreSnapshot(
  client: LiveClient,
  snapshot: Snapshot,
  options: RestoreSnapshotOptions & { dryRun: true },
  context?: WorkflowContext,
): Promise<DryRunResult>
export async function restoreSnapshot(
  client: LiveClient,
  snapshot: Snapshot,
  options?: RestoreSnapshotOptions,
  context?: WorkflowContext,
): Promise<RestoreSnapshotResult>
export async function restoreSnapshot(
  client: LiveClient,
  snapshot: Snapshot,
  options: RestoreSnapshotOptions = {},
  context: WorkflowContext = {},
): Promise<RestoreSnapshotResult | DryRunResult> {
  const { dryRun, verify, retries } = parseWorkflowOptions(WORKFLOW, restoreSnapshotOptionsSchema, options)
  const target = parseWorkflowOptions(WORKFLOW, snapshotSchema, snapshot)
  const { signal, onProgress } = context
  const { captured } = target
  const read = async (phase: string): Promise<LiveSet> => {
    throwIfAborted(signal, WORKFLOW)
    onProgress?.({ workflow: WORKFLOW, phase, done: 0 })
    return stableSync(client, captured, signal)
  }

  let changes = diffSets(await read('reading the set'), target.set, captured)
  const failed = new Map<string, string>()
  const planFor = (list: readonly SnapshotChange[]) => {
    const steps: { change: SnapshotChange; ops: readonly RestoreOp[] }[] = []
    for (const change of list) {
      const step = restoreStep(change, target.set)
      if ('reason' in step) failed.set(change.path, step.reason)
      else steps.push({ change, ops: step.ops })
    }
    return steps
  }

  let steps = planFor(changes)
  if (dryRun) {
    return {
      plan: {
        workflow: WORKFLOW,
        messages: steps.flatMap(({ ops }) => ops.map((op) => ({ atMs: 0, ...op }))),
        notes: [
          `${changes.length} difference(s) between the set now and the snapshot of ${target.takenAt}.`,
          ...[...failed].map(([path, reason]) => `Cannot restore ${path}: ${reason}`),
        ],
      },
    }
  }

  const attempts = new Map<string, number>()
  const total = steps.reduce((n, s) => n + s.ops.length, 0)
  for (let round = 0; round <= retries && steps.length > 0; round++) {
    let done = 0
    for (const { change, ops } of steps) {
      attempts.set(change.path, (attempts.get(change.path) ?? 0) + 1)
      for (const op of ops) {
        throwIfAborted(signal, WORKFLOW)
        await sendOp(client, op, signal)
        done++
      }
      onProgress?.({
        workflow: WORKFLOW,
        phase: round === 0 ? 'restoring' : `retrying (round ${round})`,
        done,
        total,
        detail: { path: change.path },
      })
    }
    if (!verify) break
    changes = diffSets(await read('verifying'), target.set, captured)
    steps = planFor(changes).filter(({ change }) => !failed.has(change.path))
  }

  if (verify) {
    for (const { change } of steps) {
      failed.set(change.path, `did not take after ${attempts.get(change.path) ?? 0} attempt(s)`)
    }
    for (const change of changes) {
      if (!failed.has(change.path)) failed.set(change.path, 'still differs after restoring')
    }
  }
  const still = new Set(changes.map((c) => c.path))
  const applied = [...attempts.keys()].filter((path) => !verify || !still.has(path)).length
  const retried = [...attempts.values()].filter((n) => n > 1).length
  return { applied, retried, failed: [...failed].map(([path, reason]) => ({ path, reason })) }
}
