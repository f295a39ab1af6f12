import { type CommandSpec, type FlagSpec, globalFlags } from './commandSpec.js'
import { commandTable } from './commandTable.js'

/** The exit codes section, shared by `live --help` and the README. */
export const exitCodesText = `Exit codes:
  0  success
  1  anything else went wrong
  2  usage error: a bad argument or flag (nothing was sent)
  3  Live rejected the request (LIVE_REJECTED), or the set lacks what it names
  4  timeout: Live (or the simulator) is not running or not reachable
  130 interrupted (Ctrl-C)`

function flagLines(flags: Readonly<Record<string, FlagSpec>>): string[] {
  return Object.entries(flags).map(([name, flag]) => {
    const left = `${flag.short === undefined ? '    ' : `-${flag.short}, `}--${name}${flag.type === 'string' ? ' X' : ''}`
    const choices = flag.choices === undefined ? '' : ` (${flag.choices.join(', ')})`
    return `  ${left.padEnd(22)} ${flag.help}${choices}`
  })
}

/** `live --help`: every command, the global flags, the environment and the exit codes. */
export function mainHelp(): string {
  const width = Math.max(...Object.keys(commandTable).map((n) => n.length))
  const commands = Object.entries(commandTable as Readonly<Record<string, CommandSpec>>).map(
    ([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`,
  )
  return [
    'Usage: live COMMAND [ARGS] [--json] [--host H] [--port P]',
    '',
    'Drive Ableton Live (through AbletonOSC or the @live bridge) from a shell.',
    'New here? Run `live demo`: a short performance on a built-in simulator, no Live needed.',
    '',
    'Commands:',
    ...commands,
    '',
    'Global flags:',
    ...flagLines(globalFlags),
    '',
    'Environment: ABLETON_OSC_HOST, ABLETON_OSC_PORT, ABLETON_OSC_REPLY_PORT, NO_COLOR.',
    '',
    'Examples:',
    '  live status',
    '  live clips',
    '  live tempo 128',
    '  live tracks',
    '  live track 0 volume -6dB',
    '  live scene 2 fire',
    '  live watch beat',
    '  live doctor',
    '',
    exitCodesText,
    '',
    'Run `live COMMAND --help` for a command’s arguments and examples.',
    'Shell completion: `live completion bash|zsh|fish` (see `live completion --help`).',
  ].join('\n')
}

/** `live COMMAND --help`. */
export function commandHelp(name: string, spec: CommandSpec): string {
  return [
    ...spec.usage.map((form, i) => `${i === 0 ? 'Usage: ' : '       '}${form}`),
    '',
    `${name}: ${spec.summary}.`,
    ...(spec.flags === undefined ? [] : ['', 'Flags:', ...flagLines(spec.flags)]),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
    'Global flags: --json, --host H, --port P, --reply-port P, --timeout MS, --no-color, --yes (see `live --help`).',
  ].join('\n')
}
