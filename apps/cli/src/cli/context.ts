import type { LiveClient } from '@live/client'
import type { Endpoint } from './leanSend.js'
import type { Output } from './output.js'

/** How to reach the server, from flags and the environment. */
export interface Connection extends Endpoint {
  /** Where AbletonOSC's replies arrive (`--reply-port`, ABLETON_OSC_REPLY_PORT), or undefined for the default. */
  readonly replyPort: number | 'source' | undefined
  /** Milliseconds to wait for each reply. */
  readonly timeout: number
}

/** Flag values of one run: strings, booleans, or repeated strings. */
export type Flags = Readonly<Record<string, string | boolean | string[] | undefined>>

/** What every command receives. */
export interface CommandContext {
  /** The command's name (`tempo`, `track`...). */
  readonly command: string
  /** The command's usage forms from the command table, on one line, for usage errors. */
  readonly usage: string
  /** The arguments after the command name. */
  readonly positionals: readonly string[]
  /** The flags, global and the command's own. */
  readonly flags: Flags
  /** Where to print. */
  readonly out: Output
  /** How to reach the server. */
  readonly connection: Connection
  /** Fires on Ctrl-C (and on the command's deadline). */
  readonly signal: AbortSignal
  /** The environment. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The typed client over UDP, created on first use and closed when the command ends. */
  client(): Promise<LiveClient>
  /** Sends messages that expect no reply, without a client (fast). */
  send(...messages: { address: string; args: readonly (number | string | boolean)[]; types: string }[]): Promise<void>
  /** Registers cleanup to run when the command ends. */
  defer(cleanup: () => Promise<void> | void): void
}

/** A command: resolves with its exit code (0 when it returns nothing). */
// biome-ignore lint/suspicious/noConfusingVoidType: commands that print and return nothing are `async () => {}`
export type CommandRun = (ctx: CommandContext) => Promise<number | undefined | void>

/** The commands of one group file, by name. */
export type CommandGroup = Readonly<Record<string, CommandRun>>

/** Creates the typed client over udp() (imported lazily: one-shot sets never load it). */
export async function connectClient(connection: Connection, env: CommandContext['env']): Promise<LiveClient> {
  const [{ createClient }, { udp }] = await Promise.all([import('@live/client'), import('@live/transport-udp')])
  const transport = udp({
    host: connection.host,
    port: connection.port,
    ...(connection.replyPort === undefined ? {} : { replyPort: connection.replyPort }),
    env,
  })
  const client = createClient({ transport, timeout: connection.timeout })
  // Replies no request claims (e.g. the out-of-range probe that ends a sync's count of sends) are not the
  // user's business; requests that fail reject on their own. LIVE_DEBUG=1 shows them.
  client.on('error', (error) => {
    if (env.LIVE_DEBUG) process.stderr.write(`@live/client: ${error.message}\n`)
  })
  return client
}
