import { readFile, writeFile } from 'node:fs/promises'
import { LiveError } from '@live/protocol'
import { choiceArg, noMore, required } from '../cli/args.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { withProgress } from './progress.js'

const USAGE = 'live snapshot save FILE | live snapshot restore FILE [--dry-run] | live snapshot diff FILE [FILE2]'

type Fn = (...args: unknown[]) => unknown

async function workflows(): Promise<Record<string, Fn>> {
  const mod = (await import('@live/workflows')) as unknown as Record<string, Fn>
  for (const name of ['takeSnapshot', 'restoreSnapshot', 'diffSnapshots', 'describeDiff']) {
    if (typeof mod[name] !== 'function') {
      throw new LiveError('UNSUPPORTED', `this build of @live/workflows has no ${name}()`, {
        metaMessages: ['Rebuild the workspace (pnpm build) and try again.'],
      })
    }
  }
  return mod
}

async function load(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new LiveError('FILE_FAILED', `cannot read snapshot ${file}: ${(error as Error).message}`)
  }
}

async function take(ctx: CommandContext, wf: Record<string, Fn>): Promise<unknown> {
  const live = await ctx.client()
  return withProgress(
    ctx,
    'sync',
    (onProgress) => wf.takeSnapshot!(live, {}, { signal: ctx.signal, onProgress }) as Promise<unknown>,
  )
}

/** `live snapshot save|restore|diff`: the mix to a file and back, and what changed. */
export const snapshot: CommandGroup = {
  async snapshot(ctx) {
    const action = choiceArg(
      required(ctx.positionals, 0, 'an action (save, restore or diff)', USAGE),
      'snapshot action',
      ['save', 'restore', 'diff'] as const,
    )
    const file = required(ctx.positionals, 1, 'a snapshot file', USAGE)
    noMore(ctx.positionals, action === 'diff' ? 3 : 2, USAGE)
    const wf = await workflows()
    if (action === 'save') {
      const snap = await take(ctx, wf)
      await writeFile(file, `${JSON.stringify(snap, null, 2)}\n`)
      ctx.out.result(`saved the set to ${file}`, { saved: file })
      return
    }
    const before = await load(file)
    if (action === 'diff') {
      const other = ctx.positionals[2]
      const after = other === undefined ? await take(ctx, wf) : await load(other)
      const changes = wf.diffSnapshots!(before, after) as unknown[]
      const lines = wf.describeDiff!(changes) as string[]
      ctx.out.result(lines.length === 0 ? 'no differences' : lines.join('\n'), { changes })
      return
    }
    const live = await ctx.client()
    const dryRun = ctx.flags['dry-run'] === true
    const result = await withProgress(
      ctx,
      'restore',
      (onProgress) =>
        wf.restoreSnapshot!(live, before, { dryRun }, { signal: ctx.signal, onProgress }) as Promise<unknown>,
    )
    ctx.out.result(dryRun ? JSON.stringify(result, null, 2) : `restored ${file}`, result)
  },
}
