import type { CommandContext } from '../cli/context.js'

/** A workflow's progress report (WorkflowProgress in @live/workflows). */
interface Progress {
  phase: string
  done: number
  total?: number | undefined
}

/**
 * Runs long work with a cli-progress bar on a terminal (nothing otherwise, and nothing with --json).
 *
 * @example
 * await withProgress(ctx, 'restore', (onProgress) => restoreSnapshot(live, snap, {}, { onProgress }))
 */
export async function withProgress<T>(
  ctx: CommandContext,
  label: string,
  work: (onProgress: (p: Progress) => void) => Promise<T>,
): Promise<T> {
  if (!ctx.out.isTTY || !process.stderr.isTTY) return work(() => {})
  const { default: progress } = await import('cli-progress')
  const bar = new progress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {phase}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    progress.Presets.shades_classic,
  )
  let started = false
  try {
    return await work((p) => {
      const total = p.total ?? Math.max(p.done, 1)
      if (!started) {
        bar.start(total, p.done, { phase: p.phase })
        started = true
      } else {
        bar.setTotal(total)
        bar.update(p.done, { phase: p.phase })
      }
    })
  } finally {
    if (started) bar.stop()
  }
}
