// Loaded up front: the transport commands are the one-shot sends that must start fast.

import { setMaxListeners } from 'node:events'
import { isLiveError, LiveError } from '@live/protocol/encode'
import { transport } from '../commands/transport.js'
import { commandTable, type GroupName } from './commandTable.js'
import type { CommandContext, CommandGroup, Connection } from './context.js'
import { connectClient } from './context.js'
import { ExitCode, exitCodeOf, usageError } from './exitCodes.js'
import { commandHelp, mainHelp } from './help.js'
import { leanSend } from './leanSend.js'
import { colourEnabled, createOutput, jsonReplacer, loadColors } from './output.js'
import { parseCommandLine } from './parseCommandLine.js'

/** The files under src/commands/, each loaded only when one of its commands runs. */
const groups: Record<GroupName, () => Promise<CommandGroup>> = {
  transport: async () => transport,
  tracks: () => import('../commands/tracks.js').then((m) => m.tracks),
  clips: () => import('../commands/clips.js').then((m) => m.clips),
  devices: () => import('../commands/devices.js').then((m) => m.devices),
  watch: () => import('../commands/watch.js').then((m) => m.watch),
  snapshot: () => import('../commands/snapshot.js').then((m) => m.snapshot),
  workflows: () => import('../commands/workflows.js').then((m) => m.workflows),
  sim: () => import('../commands/sim.js').then((m) => m.sim),
  console: () => import('../commands/console.js').then((m) => m.console),
  doctor: () => import('../commands/doctor.js').then((m) => m.doctor),
  demo: () => import('../commands/demo.js').then((m) => m.demo),
  completion: () => import('../commands/completion.js').then((m) => m.completion),
  ui: () => import('../commands/ui.js').then((m) => m.ui),
}

/** The version printed by `live --version`. */
const VERSION = '0.0.0'

/** A one-shot command's overall deadline, as a multiple of the reply timeout (several requests, retries). */
const DEADLINE_FACTOR = 20

function port(text: string | undefined, what: string): number | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 65535) {
    throw usageError(`${what} must be a port from 1 to 65535 (got "${text}")`)
  }
  return value
}

function resolveConnection(flags: CommandContext['flags'], env: CommandContext['env']): Connection {
  const host = (flags.host as string | undefined) ?? (env.ABLETON_OSC_HOST?.trim() || '127.0.0.1')
  const replyText = (flags['reply-port'] as string | undefined) ?? env.ABLETON_OSC_REPLY_PORT
  const timeoutText = flags.timeout as string | undefined
  const timeout = timeoutText === undefined ? 1000 : Number(timeoutText)
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 600_000) {
    throw usageError(`--timeout must be a whole number of ms from 1 to 600000 (got "${timeoutText}")`)
  }
  return {
    host,
    port: port(flags.port as string | undefined, '--port') ?? port(env.ABLETON_OSC_PORT, 'ABLETON_OSC_PORT') ?? 11000,
    replyPort: replyText?.trim() === 'source' ? 'source' : port(replyText, '--reply-port'),
    timeout,
  }
}

function printError(error: unknown, json: boolean, command: string | undefined): void {
  const live = isLiveError(error)
    ? error
    : new LiveError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error })
  if (json) {
    const body = { code: live.code, message: live.shortMessage, hints: live.metaMessages, details: live.details ?? {} }
    process.stdout.write(`${JSON.stringify({ error: body }, jsonReplacer, 2)}\n`)
    return
  }
  const lines = [`live${command === undefined ? '' : ` ${command}`}: ${live.code}: ${live.shortMessage}`]
  for (const hint of live.metaMessages) lines.push(`  ${hint}`)
  if (live.code === 'TIMEOUT' && !live.metaMessages.some((m) => m.includes('doctor')))
    lines.push('  Try `live doctor`.')
  if (!isLiveError(error) && error instanceof Error && process.env.LIVE_DEBUG) lines.push(error.stack ?? '')
  process.stderr.write(`${lines.join('\n')}\n`)
}

/**
 * Runs `live` with the given arguments and resolves with the exit code; never throws.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2))
 */
export async function runCli(argv: readonly string[], env = process.env): Promise<number> {
  const json = argv.includes('--json')
  let commandName: string | undefined
  const cleanups: (() => Promise<void> | void)[] = []
  const controller = new AbortController()
  // Workflows and bulk reads attach one abort listener per request in flight.
  setMaxListeners(0, controller.signal)
  let interrupted = 0
  const onSigint = () => {
    interrupted++
    if (interrupted > 1) process.exit(ExitCode.INTERRUPTED)
    controller.abort(new LiveError('ABORTED', 'interrupted (Ctrl-C)'))
  }
  process.on('SIGINT', onSigint)
  process.on('SIGTERM', onSigint)
  let deadline: NodeJS.Timeout | undefined
  try {
    const line = parseCommandLine(argv)
    if (line.kind === 'version') {
      process.stdout.write(`${VERSION}\n`)
      return ExitCode.OK
    }
    if (line.kind === 'help') {
      const spec = line.command === undefined ? undefined : commandTable[line.command]
      process.stdout.write(`${spec === undefined ? mainHelp() : commandHelp(line.command!, spec)}\n`)
      return ExitCode.OK
    }
    commandName = line.command
    const spec = commandTable[line.command]!
    const connection = resolveConnection(line.flags, env)
    const outputOptions = { json: line.flags.json === true, noColor: line.flags['no-color'] === true, env }
    const colors = await loadColors(colourEnabled(outputOptions, process.stdout.isTTY === true))
    const out = createOutput({ ...outputOptions, colors })
    if (spec.long !== true) {
      const ms = connection.timeout * DEADLINE_FACTOR
      deadline = setTimeout(
        () => controller.abort(new LiveError('TIMEOUT', `${line.command} did not finish within ${ms} ms`)),
        ms,
      )
      deadline.unref()
    }
    let client: ReturnType<CommandContext['client']> | undefined
    const ctx: CommandContext & { rawArgs: readonly string[] } = {
      command: line.command,
      positionals: line.positionals,
      flags: line.flags,
      rawArgs: line.rawArgs,
      out,
      connection,
      signal: controller.signal,
      env,
      client() {
        if (client === undefined) {
          client = connectClient(connection, env)
          cleanups.push(async () => (await client)?.close())
        }
        return client
      },
      send: (...messages) => leanSend(connection, messages),
      defer: (cleanup) => void cleanups.push(cleanup),
    }
    const group = await groups[spec.group]()
    const run = group[line.command]
    if (run === undefined) throw new LiveError('INTERNAL', `no handler for ${line.command} in ${spec.group}`)
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(controller.signal.reason)
      if (controller.signal.aborted) fail()
      controller.signal.addEventListener('abort', fail, { once: true })
    })
    aborted.catch(() => {})
    const code = spec.long === true ? await run(ctx) : await Promise.race([run(ctx), aborted])
    return typeof code === 'number' ? code : ExitCode.OK
  } catch (error) {
    printError(error, json, commandName)
    return exitCodeOf(error)
  } finally {
    if (deadline !== undefined) clearTimeout(deadline)
    for (const cleanup of cleanups.reverse()) {
      await Promise.race([
        Promise.resolve()
          .then(cleanup)
          .catch(() => {}),
        new Promise((r) => setTimeout(r, 1000).unref()),
      ])
    }
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigint)
  }
}
