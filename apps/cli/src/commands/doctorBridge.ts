import { isLiveError } from '@live/protocol'
import type { CommandContext } from '../cli/context.js'
import { ExitCode } from '../cli/exitCodes.js'

/** One row of the bridge's self-test, as `/live/bridge/selftest` sends it. */
interface SelfTestRow {
  call: string
  result: string
  ms: number
  detail: string
}

/** A whole self-test takes a few dozen LOM calls: give it longer than one request. @default 15 s at least */
const SELFTEST_TIMEOUT_MS = 15_000

/**
 * `live doctor --bridge`: asks the Live Bridge device (or the simulator's bridge flavour) to run its self-test,
 * every LOM call the bridge uses on a scratch track, and prints the table; `--json` gives the document to paste
 * into a bug report. Never retried: a retry would run the test (and create a scratch track) twice.
 */
export async function doctorBridge(ctx: CommandContext): Promise<number> {
  const { host, port } = ctx.connection
  const { c } = ctx.out
  let reply: readonly unknown[]
  try {
    const live = await ctx.client()
    await live.open({ signal: ctx.signal })
    reply = (await live.request('/live/bridge/selftest', [], {
      signal: ctx.signal,
      timeout: Math.max(ctx.connection.timeout, SELFTEST_TIMEOUT_MS),
      retries: 0,
    })) as readonly unknown[]
  } catch (error) {
    const reason = isLiveError(error) ? `${error.code}: ${error.shortMessage}` : String(error)
    const fix = `Is the Live Bridge device on a track in Live, listening on ${host}:${port} (its status line says so)? Point at it with --port (the device's Port, 11002 by default); AbletonOSC has no self-test.`
    ctx.out.result(() => `${c.red('✖')} no self-test from ${host}:${port} (${reason})\n  ${c.yellow('→')} ${fix}`, {
      ok: false,
      error: reason,
      fix,
    })
    return isLiveError(error) && error.code === 'TIMEOUT' ? ExitCode.UNREACHABLE : ExitCode.FAILED
  }
  const [liveVersion, maxVersion, os, ...cells] = reply.map(String)
  const rows: SelfTestRow[] = []
  for (let i = 0; i + 3 < cells.length; i += 4) {
    rows.push({ call: cells[i]!, result: cells[i + 1]!, ms: Number(cells[i + 2]), detail: cells[i + 3]! })
  }
  const failed = rows.filter((row) => row.result === 'fail').length
  const ok = failed === 0
  const mark = (result: string) => (result === 'ok' ? c.green('✔') : result === 'skip' ? c.yellow('–') : c.red('✖'))
  const width = Math.min(72, Math.max(...rows.map((row) => row.call.length), 4))
  ctx.out.result(
    () =>
      [
        `Live ${liveVersion} · Max ${maxVersion} · ${os} · ${host}:${port}`,
        ...rows.map(
          (row) =>
            `${mark(row.result)} ${row.call.slice(0, width).padEnd(width)} ${row.ms.toFixed(2).padStart(8)} ms  ${row.detail}`,
        ),
        ok
          ? c.green(`All ${rows.length} calls answered as expected.`)
          : c.red(`${failed} of ${rows.length} calls failed: paste \`live doctor --bridge --json\` into a bug report.`),
      ].join('\n'),
    { ok, liveVersion, maxVersion, os, server: `${host}:${port}`, rows },
  )
  return ok ? ExitCode.OK : ExitCode.FAILED
}
