import { LiveError } from '@live/protocol'
import type { Snapshot } from '@live/workflows'
import { z } from 'zod'
import { anyObject } from '../core/schemas.js'
import { defineTool, type ToolContext } from '../core/toolKit.js'

const snapshotName = z.string().min(1).max(100)

function find(snapshots: ToolContext['snapshots'], name: string): Snapshot {
  const found = snapshots.get(name)
  if (found === undefined) {
    const known = [...snapshots.keys()]
    throw new LiveError(
      'NOT_FOUND',
      `snapshot ${JSON.stringify(name)} does not exist; ${known.length === 0 ? 'none has been saved yet' : `saved: ${known.join(', ')}`}.`,
      { metaMessages: ['Save one with ableton_snapshot action save, or load a file with action load.'] },
    )
  }
  return found
}

const expand = (path: string) => (path.startsWith('~/') ? `${process.env.HOME ?? ''}${path.slice(1)}` : path)

/** `ableton_snapshot`: save, load, list and compare snapshots of the set (held in memory; files on request). */
export const snapshotTool = defineTool({
  name: 'ableton_snapshot',
  description:
    'Snapshots of the set (mixer, devices, clips, notes, scenes) by name: save (a file optional), load a file, list, or diff (the changes in words, to now or to another).',
  toolset: 'workflows',
  kind: 'idempotent',
  input: z.strictObject({
    action: z.enum(['save', 'load', 'list', 'diff']),
    name: snapshotName.optional(),
    to: snapshotName.optional().describe('diff: a later snapshot; default the set now'),
    file: z.string().min(1).optional().describe('a path on the machine running this server'),
    notes: z.boolean().default(true),
    parameters: z.boolean().default(true),
  }),
  output: z.object({
    action: z.string(),
    name: z.string().optional(),
    snapshots: z.array(anyObject).optional(),
    changes: z.array(z.string()).optional(),
    tracks: z.number().optional(),
  }),
  async run({ action, name, to, file, notes, parameters }, { live, signal, snapshots, progress }) {
    if (action === 'list') {
      const rows = [...snapshots].map(([n, s]) => ({ name: n, taken_at: s.takenAt, tracks: s.set.tracks.length }))
      return {
        text: rows.length === 0 ? 'No snapshots yet.' : `${rows.length} snapshots.`,
        data: { action, snapshots: rows },
      }
    }
    if (name === undefined) {
      throw new LiveError('INVALID_ARGUMENTS', `${action} needs name`, {
        metaMessages: ['Example: { "action": "save", "name": "before-mix" }'],
      })
    }
    if (action === 'save') {
      const { takeSnapshot } = await import('@live/workflows')
      const snapshot = await takeSnapshot(live, { notes, parameters }, { signal, onProgress: progress })
      snapshots.set(name, snapshot)
      if (file !== undefined) {
        const { saveSnapshotFile } = await import('@live/workflows/node')
        await saveSnapshotFile(expand(file), snapshot)
      }
      const { tracks, scenes } = snapshot.set
      return {
        text: `Saved snapshot ${JSON.stringify(name)}: ${tracks.length} tracks, ${scenes.length} scenes, ${snapshot.set.song.tempo} BPM${file === undefined ? '' : `; written to ${file}`}.`,
        data: { action, name, tracks: tracks.length },
      }
    }
    if (action === 'load') {
      if (file === undefined)
        throw new LiveError('INVALID_ARGUMENTS', 'load needs file', {
          metaMessages: ['Give the path of a snapshot JSON file.'],
        })
      const { loadSnapshotFile } = await import('@live/workflows/node')
      const snapshot = await loadSnapshotFile(expand(file))
      snapshots.set(name, snapshot)
      return {
        text: `Loaded ${file} as snapshot ${JSON.stringify(name)} (taken ${snapshot.takenAt}).`,
        data: { action, name, tracks: snapshot.set.tracks.length },
      }
    }
    const { describeDiff, diffSnapshots, takeSnapshot } = await import('@live/workflows')
    const a = find(snapshots, name)
    const b = to === undefined ? await takeSnapshot(live, a.captured, { signal }) : find(snapshots, to)
    const changes = describeDiff(diffSnapshots(a, b))
    const against = to === undefined ? 'now' : JSON.stringify(to)
    return {
      text:
        changes.length === 0
          ? `No differences between ${JSON.stringify(name)} and ${against}.`
          : `${changes.length} change${changes.length === 1 ? '' : 's'} from ${JSON.stringify(name)} to ${against}.`,
      data: { action, name, changes },
    }
  },
})

/** `ableton_restore_snapshot`: put the set back as a snapshot recorded it. */
export const restoreSnapshotTool = defineTool({
  name: 'ableton_restore_snapshot',
  description:
    'DESTRUCTIVE: put the set back as a snapshot had it. Run dry_run first and confirm with the person; what cannot be restored is listed.',
  toolset: 'workflows',
  kind: 'destructive',
  input: z.strictObject({ name: snapshotName, dry_run: z.boolean().default(false) }),
  output: z.object({
    name: z.string(),
    dry_run: z.boolean(),
    messages: z.array(z.string()).optional(),
    applied: z.number().optional(),
    retried: z.number().optional(),
    failed: z.array(anyObject).optional(),
  }),
  async run({ name, dry_run }, { live, signal, snapshots, changed, progress }) {
    const { restoreSnapshot } = await import('@live/workflows')
    const snapshot = find(snapshots, name)
    if (dry_run) {
      const { plan } = await restoreSnapshot(live, snapshot, { dryRun: true }, { signal })
      const messages = plan.messages.map((m) => m.note ?? `${m.address} ${m.args.join(' ')}`)
      return {
        text: `Restoring ${JSON.stringify(name)} would send ${messages.length} messages.`,
        data: { name, dry_run, messages },
      }
    }
    const result = await restoreSnapshot(live, snapshot, {}, { signal, onProgress: progress })
    changed({ structure: true })
    const retried = result.retried > 0 ? ` (${result.retried} after a retry)` : ''
    return {
      text: `Restored snapshot ${JSON.stringify(name)}: ${result.applied} change(s) applied${retried}${result.failed.length > 0 ? `, ${result.failed.length} not restored` : ''}.`,
      data: {
        name,
        dry_run,
        applied: result.applied,
        retried: result.retried,
        failed: result.failed.map((f) => ({ ...f })),
      },
    }
  },
})
