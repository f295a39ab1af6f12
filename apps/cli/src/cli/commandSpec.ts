import type { CommandGroup } from './context.js'

/** A flag of a command, as node:util parseArgs takes it. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string | undefined
  readonly multiple?: boolean | undefined
  /** One line for `--help` and completion. */
  readonly help: string
  /** The values a string flag takes (the command checks against these; completion offers them). */
  readonly choices?: readonly string[] | undefined
}

/** One command of `live`: how it loads, what it does, how to call it, its words and its own flags. */
export interface CommandSpec {
  /** Loads the file under src/commands/ that runs the command (imported only when it runs). */
  readonly load: () => Promise<CommandGroup>
  readonly summary: string
  /** Each form of the command line; `--help` prints them, usage errors quote them. */
  readonly usage: readonly string[]
  readonly examples: readonly string[]
  readonly flags?: Readonly<Record<string, FlagSpec>> | undefined
  /** Runs until stopped (watch, sim, console, demo, workflows): no overall deadline. */
  readonly long?: boolean | undefined
  /**
   * Every keyword the command takes, by role: subcommands, property names, fixed values. The command
   * checks its arguments against these lists, completion offers them, and a test finds each in `usage`.
   */
  readonly words?: Readonly<Record<string, readonly string[]>> | undefined
}

/** Flags every command accepts. */
export const globalFlags: Readonly<Record<string, FlagSpec>> = {
  host: { type: 'string', help: 'server host ($ABLETON_OSC_HOST, default 127.0.0.1)' },
  port: { type: 'string', help: 'server port ($ABLETON_OSC_PORT, default 11000)' },
  'reply-port': {
    type: 'string',
    help: "port AbletonOSC replies to, or 'source' ($ABLETON_OSC_REPLY_PORT, default 11001)",
  },
  timeout: { type: 'string', help: 'ms to wait for each reply (default 1000)' },
  json: { type: 'boolean', help: 'print one JSON document on stdout' },
  'no-color': { type: 'boolean', help: 'no colour (also NO_COLOR=1)' },
  yes: { type: 'boolean', short: 'y', help: 'do not ask for confirmation' },
  help: { type: 'boolean', short: 'h', help: 'show help' },
}

/** A command's usage forms on one line, as usage errors quote them. */
export function usageLine(spec: Pick<CommandSpec, 'usage'>): string {
  return spec.usage.join('  |  ')
}

/** Every word completion offers after a command: its keywords, its flags and the global ones. */
export function completionWords(spec: CommandSpec): string[] {
  const words = Object.values(spec.words ?? {}).flat()
  const flags = Object.keys({ ...globalFlags, ...(spec.flags ?? {}) }).map((f) => `--${f}`)
  const choices = Object.values(spec.flags ?? {}).flatMap((f) => f.choices ?? [])
  return [...new Set([...words, ...choices, ...flags])]
}
