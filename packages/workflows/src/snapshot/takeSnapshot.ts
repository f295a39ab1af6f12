import type { LiveClient } from '@live/client'
import { z } from 'zod'
import { parseWorkflowOptions } from '../record/parseWorkflowOptions.js'
import { throwIfAborted, type WorkflowContext } from '../shared/workflow.js'
import { SNAPSHOT_VERSION, type Snapshot } from './snapshotSchema.js'

/** Options of {@link takeSnapshot}. */
export const takeSnapshotOptionsSchema = z.strictObject({
  /** Fetch the notes of MIDI clips. @default true */
  notes: z.boolean().default(true),
  /** Fetch device parameters. @default true */
  parameters: z.boolean().default(true),
})

/** What {@link takeSnapshot} accepts. */
export type TakeSnapshotOptions = z.input<typeof takeSnapshotOptionsSchema>

/**
 * Reads the whole set (song, tracks, devices and parameters, clips and notes, scenes) into a versioned
 * snapshot that `diffSnapshots` compares and `restoreSnapshot` puts back. Reads only: nothing changes.
 *
 * @example
 * const before = await takeSnapshot(live)
 * await saveSnapshotFile('verse.live-snapshot.json', before)
 */
export async function takeSnapshot(
  client: LiveClient,
  options: TakeSnapshotOptions = {},
  context: WorkflowContext = {},
): Promise<Snapshot> {
  const { notes, parameters } = parseWorkflowOptions('takeSnapshot', takeSnapshotOptionsSchema, options)
  const { signal, onProgress } = context
  throwIfAborted(signal, 'takeSnapshot')
  const info = await client.detect({ signal })
  const set = await client.sync({
    notes,
    parameters,
    signal,
    onProgress: (p) =>
      onProgress?.({ workflow: 'takeSnapshot', phase: `reading ${p.phase}`, done: p.done, total: p.total }),
  })
  return {
    format: 'live-snapshot',
    version: SNAPSHOT_VERSION,
    takenAt: new Date().toISOString(),
    server: {
      kind: info.kind,
      name: info.name,
      version: info.version ?? null,
      liveVersion: info.liveVersion ?? null,
    },
    captured: { notes, parameters },
    set,
  }
}
