import { LiveError } from '@live/protocol'
import type { Snapshot } from '@live/workflows'
import { z } from 'zod'
import { liveTool, type ToolHost } from '../core/toolKit.js'

const snapshotName = z.string().min(1).max(100).describe('A name for the snapshot in this session, e.g. "before-mix".')

const filePath = z
  .string()
  .min(1)
  .describe(
    'A file path on the machine running this server, e.g. "~/Music/verse.live-snapshot.json" (absolute paths are safest).',
  )

/** Saving, listing, comparing and restoring snapshots of the set (held in memory; files on request). */
export function registerSnapshotTools(host: ToolHost): void {
  const snapshots = new Map<string, Snapshot>()
  const find = (name: string): Snapshot => {
    const found = snapshots.get(name)
    if (found === undefined) {
      const known = [...snapshots.keys()]
      throw new LiveError(
        'NOT_FOUND',
        `snapshot ${JSON.stringify(name)} does not exist; ${known.length === 0 ? 'none has been saved yet' : `saved: ${known.join(', ')}`}.`,
        {
          metaMessages: ['Save one with ableton_snapshot_save, or load a file with ableton_snapshot_load.'],
        },
      )
    }
    return found
  }
  const expand = (path: string) => (path.startsWith('~/') ? `${process.env.HOME ?? ''}${path.slice(1)}` : path)

  liveTool(
    host,
    'ableton_snapshot_save',
    {
      title: 'Save a snapshot',
      description:
        "Capture the whole set (tempo, every track's mixer, devices and parameters, clips and notes, scenes) under a name, to compare or restore later. Reads only. Optionally also writes it to a JSON file.",
      input: {
        name: snapshotName,
        file: filePath.optional(),
        notes: z.boolean().default(true).describe('Include MIDI notes (slower on big sets). Default true.'),
        parameters: z.boolean().default(true).describe('Include device parameters. Default true.'),
      },
      kind: 'idempotent',
    },
    async ({ name, file, notes, parameters }, { live, signal }) => {
      const { takeSnapshot } = await import('@live/workflows')
      const snapshot = await takeSnapshot(live, { notes, parameters }, { signal })
      snapshots.set(name, snapshot)
      if (file !== undefined) {
        const { saveSnapshotFile } = await import('@live/workflows/node')
        await saveSnapshotFile(expand(file), snapshot)
      }
      const { tracks, scenes } = snapshot.set
      return {
        text: `Saved snapshot ${JSON.stringify(name)}: ${tracks.length} tracks, ${scenes.length} scenes, ${snapshot.set.song.tempo} BPM${file === undefined ? '' : `; written to ${file}`}.`,
      }
    },
  )

  liveTool(
    host,
    'ableton_snapshot_load',
    {
      title: 'Load a snapshot file',
      description:
        'Load a snapshot JSON file (written by ableton_snapshot_save or `live snapshot`) under a name, to diff or restore. Changes nothing in Live.',
      input: { name: snapshotName, file: filePath },
      kind: 'idempotent',
    },
    async ({ name, file }) => {
      const { loadSnapshotFile } = await import('@live/workflows/node')
      const snapshot = await loadSnapshotFile(expand(file))
      snapshots.set(name, snapshot)
      return { text: `Loaded ${file} as snapshot ${JSON.stringify(name)} (taken ${snapshot.takenAt}).` }
    },
  )

  liveTool(
    host,
    'ableton_snapshot_list',
    {
      title: 'List snapshots',
      description: 'List the snapshots saved in this session, with when they were taken.',
      input: {},
      kind: 'read',
    },
    async () => ({
      text: snapshots.size === 0 ? 'No snapshots yet.' : `${snapshots.size} snapshots.`,
      data: [...snapshots].map(([name, s]) => ({ name, takenAt: s.takenAt, tracks: s.set.tracks.length })),
    }),
  )

  liveTool(
    host,
    'ableton_snapshot_diff',
    {
      title: 'Compare with a snapshot',
      description:
        'Say in words what changed between a snapshot and the set now (or a second snapshot): tempo, volumes, pans, mutes, device parameters, clips, notes, scenes. Reads only.',
      input: {
        from: snapshotName.describe('The earlier snapshot.'),
        to: snapshotName.optional().describe('A later snapshot; default: the set as it is now.'),
      },
      kind: 'read',
    },
    async ({ from, to }, { live, signal }) => {
      const { describeDiff, diffSnapshots, takeSnapshot } = await import('@live/workflows')
      const a = find(from)
      const b = to === undefined ? await takeSnapshot(live, a.captured, { signal }) : find(to)
      const lines = describeDiff(diffSnapshots(a, b))
      const against = to === undefined ? 'now' : JSON.stringify(to)
      return {
        text:
          lines.length === 0
            ? `No differences between ${JSON.stringify(from)} and ${against}.`
            : `${lines.length} changes from ${JSON.stringify(from)} to ${against}:\n${lines.map((l) => `- ${l}`).join('\n')}`,
      }
    },
  )

  liveTool(
    host,
    'ableton_snapshot_restore',
    {
      title: 'Restore a snapshot',
      description:
        'DESTRUCTIVE: put the set back as a snapshot recorded it (tempo, mixer, parameters, clip names and notes, scenes), overwriting the current state. Call with dry_run true first and confirm with the person. Tracks or clips added since are not deleted; what cannot be restored is listed.',
      input: {
        name: snapshotName,
        dry_run: z.boolean().default(false).describe('True lists what would change and sends nothing. Default false.'),
      },
      kind: 'destructive',
    },
    async ({ name, dry_run }, { live, signal, changed }) => {
      const { restoreSnapshot } = await import('@live/workflows')
      const snapshot = find(name)
      if (dry_run) {
        const { plan } = await restoreSnapshot(live, snapshot, { dryRun: true }, { signal })
        return {
          text: `Restoring ${JSON.stringify(name)} would send ${plan.messages.length} messages.`,
          data: { messages: plan.messages.map((m) => m.note ?? `${m.address} ${m.args.join(' ')}`), notes: plan.notes },
        }
      }
      const result = await restoreSnapshot(live, snapshot, {}, { signal })
      changed({ structure: true })
      const failed = result.failed.map((f) => `- not restored: ${f.path}: ${f.reason}`)
      const retried = result.retried > 0 ? ` (${result.retried} after a retry)` : ''
      return {
        text: [
          `Restored snapshot ${JSON.stringify(name)}: ${result.applied} change(s) applied${retried}${failed.length > 0 ? `, ${failed.length} not restored:` : '.'}`,
          ...failed,
        ].join('\n'),
        data: result,
      }
    },
  )
}
