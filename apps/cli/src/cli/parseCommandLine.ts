import { parseArgs } from 'node:util'
import { type FlagSpec, globalFlags } from './commandSpec.js'
import { commandTable, findCommand } from './commandTable.js'
import type { Flags } from './context.js'
import { didYouMean } from './didYouMean.js'
import { usageError } from './exitCodes.js'

/** What the command line asks for. */
export type CommandLine =
  | { readonly kind: 'help'; readonly command: string | undefined }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run'
      readonly command: string
      readonly positionals: readonly string[]
      readonly flags: Flags
      /** The arguments after the command name, untouched (for `sim`, which reuses live-sim's parser). */
      readonly rawArgs: readonly string[]
    }

/** A marker that hides a leading minus from parseArgs, so `-6` and `-inf` stay values. */
const NEGATIVE = '\u0000-'
const negativeValue = /^-(\d|\.\d|inf\b|infinity\b)/i

/**
 * Parses `live`'s command line with node:util parseArgs: the command, its positionals, and the
 * global and command flags; throws INVALID_ARGUMENTS naming the bad flag or command.
 *
 * @example
 * parseCommandLine(['track', '0', 'volume', '-6', '--json'])
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const first = commandIndex(argv)
  const command = first === -1 ? undefined : argv[first]
  if (command === undefined) {
    if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' }
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help', command: undefined }
    throw usageError(`missing a command (got ${argv.join(' ')})`, 'Run `live --help` for the list of commands.')
  }
  const spec = findCommand(command)
  if (spec === undefined) {
    const near = didYouMean(command, Object.keys(commandTable))
    throw usageError(
      `unknown command "${command}"`,
      `${near === undefined ? '' : `${near} `}Run \`live --help\` for every command.`,
    )
  }
  const options: Record<string, FlagSpec> = { ...globalFlags, ...(spec.flags ?? {}) }
  const rest = argv.filter((_, i) => i !== first)
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: rest.map((a) => (negativeValue.test(a) ? NEGATIVE + a.slice(1) : a)),
      options: Object.fromEntries(
        Object.entries(options).map(([name, f]) => [
          name,
          { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    const unknown = /^Unknown option '(-{1,2})([^']+)'/.exec(message)
    if (unknown !== null) {
      const near = didYouMean(unknown[2]!, Object.keys(options), (name) => `--${name}`)
      throw usageError(
        `${command}: unknown flag ${unknown[1]}${unknown[2]}`,
        `${near === undefined ? '' : `${near} `}Run \`live ${command} --help\` for its flags.`,
      )
    }
    throw usageError(
      `${command}: ${message.replace(/\. To specify.*$/, '')}`,
      `Run \`live ${command} --help\` for its flags.`,
    )
  }
  const restore = (value: unknown) =>
    typeof value === 'string' && value.startsWith(NEGATIVE) ? `-${value.slice(NEGATIVE.length)}` : value
  const flags = Object.fromEntries(
    Object.entries(parsed.values).map(([k, v]) => [k, Array.isArray(v) ? v.map(restore) : restore(v)]),
  ) as Flags
  if (flags.help === true) return { kind: 'help', command }
  return {
    kind: 'run',
    command,
    positionals: parsed.positionals.map((p) => restore(p) as string),
    flags,
    rawArgs: argv.slice(first + 1),
  }
}

/** Where the command name is: the first word that is not a flag or a global flag's value. */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('-')) return i
    const name = arg.replace(/^--?/, '')
    const flag = Object.hasOwn(globalFlags, name) ? globalFlags[name] : undefined
    if (flag?.type === 'string') i++
  }
  return -1
}
