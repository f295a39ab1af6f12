import type { Snapshot } from '@live/workflows'
import { choiceArg, noMore, required } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import { confirm } from '../cli/confirm.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { ExitCode, usageError } from '../cli/exitCodes.js'
import { withProgress } from './progress.js'

async function take(ctx: CommandContext): Promise<Snapshot> {
  const { takeSnapshot } = await import('@live/workflows')
  const live = await ctx.client()
  const options = { notes: ctx.flags['no-notes'] !== true, parameters: ctx.flags['no-params'] !== true }
  return withProgress(ctx, 'reading the set', (onProgress) =>
    takeSnapshot(live, options, { signal: ctx.signal, onProgress }),
  )
}

/** `live snapshot save|restore|diff`: the set to a file (written atomically) and back, and what changed in words. */
export const snapshot: CommandGroup = {
  async snapshot(ctx) {
    const action = choiceArg(
      required(ctx.positionals, 0, 'an action (save, restore or diff)', ctx.usage),
      'snapshot action',
      commandTable.snapshot.words.action,
    )
    const file = required(ctx.positionals, 1, 'a snapshot file', ctx.usage)
    noMore(ctx.positionals, action === 'diff' ? 3 : 2, ctx.usage)
    const { loadSnapshotFile, saveSnapshotFile } = await import('@live/workflows/node')

    if (action === 'save') {
      const snap = await take(ctx)
      await saveSnapshotFile(file, snap)
      const { tracks, scenes, song } = snap.set
      ctx.out.result(`saved ${tracks.length} tracks, ${scenes.length} scenes, ${song.tempo} BPM to ${file}`, {
        saved: file,
        takenAt: snap.takenAt,
        tracks: tracks.length,
        scenes: scenes.length,
        captured: snap.captured,
      })
      return
    }

    const before = await loadSnapshotFile(file)
    const { describeDiff, diffSnapshots, restoreSnapshot } = await import('@live/workflows')
    if (action === 'diff') {
      const other = ctx.positionals[2]
      const after = other === undefined ? await take(ctx) : await loadSnapshotFile(other)
      const changes = diffSnapshots(before, after)
      const lines = describeDiff(changes)
      const against = other ?? 'the set now'
      ctx.out.result(lines.length === 0 ? `no differences between ${file} and ${against}` : lines.join('\n'), {
        changes: changes.map((c, i) => ({ ...c, text: lines[i] })),
      })
      return
    }

    const live = await ctx.client()
    const { plan } = await withProgress(ctx, 'comparing', (onProgress) =>
      restoreSnapshot(live, before, { dryRun: true }, { signal: ctx.signal, onProgress }),
    )
    if (ctx.flags['dry-run'] === true) {
      ctx.out.result(
        () =>
          [
            ...plan.notes,
            ...plan.messages.map((m) => `  ${m.address} ${m.args.map((a) => JSON.stringify(a)).join(' ')}`),
          ].join('\n'),
        { plan },
      )
      return
    }
    if (plan.messages.length === 0) {
      ctx.out.result(`the set already matches ${file}: nothing to restore`, { applied: 0, retried: 0, failed: [] })
      return
    }
    const question = `Restore ${plan.messages.length} value(s) from ${file}, overwriting the set? [y/N] `
    if (ctx.flags.yes !== true && !process.stdin.isTTY) {
      throw usageError(
        `snapshot restore would change ${plan.messages.length} value(s) in the set: add --yes to confirm`,
        'stdin is not a terminal, so there is no one to ask; `--dry-run` lists the changes.',
      )
    }
    if (ctx.flags.yes !== true && !(await confirm(question, ctx.signal))) {
      ctx.out.result('left the set as it is', { restored: false })
      return ExitCode.FAILED
    }
    const result = await withProgress(ctx, 'restoring', (onProgress) =>
      restoreSnapshot(live, before, {}, { signal: ctx.signal, onProgress }),
    )
    ctx.out.result(
      () =>
        [
          `restored ${result.applied} change(s) from ${file}${result.retried > 0 ? ` (${result.retried} after a retry)` : ''}`,
          ...result.failed.map((f) => `  not restored: ${f.path}: ${f.reason}`),
        ].join('\n'),
      result,
    )
    return result.failed.length > 0 ? ExitCode.FAILED : undefined
  },
}
