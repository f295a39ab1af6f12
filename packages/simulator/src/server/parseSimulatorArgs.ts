import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { LiveError } from '@live/protocol'
import type { SimulatorFlavour } from './datagramServer.js'

/** What `live-sim` was asked to do. */
export type SimulatorCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'run'
      /** Which server to imitate. */
      readonly flavour: SimulatorFlavour
      /** An embedded set by name, or a JSON file to load. */
      readonly set: { readonly name: 'default' | 'demo' } | { readonly file: string }
      /** Interface to listen on. */
      readonly host: string
      /** UDP port to listen on. */
      readonly port: number
      /** Port replies go to (abletonosc flavour). */
      readonly replyPort: number
      /** Tick period in ms (abletonosc flavour). */
      readonly tickMs: number
      /** Log each message and reply. */
      readonly verbose: boolean
      /** bridge flavour: where `/live/bridge/export/start` writes files, as an absolute path; undefined refuses exports. */
      readonly exportFolder: string | undefined
    }

/** The text `live-sim --help` prints. */
export const simulatorUsage = `Usage: live-sim [options]

Serves an in-memory Ableton Live set over AbletonOSC's OSC protocol (UDP), so clients run with no Live.

Options:
  --flavour abletonosc|bridge  imitate AbletonOSC (100 ms ticks, replies to port --reply-port)
                               or the Max for Live bridge (replies to each sender's port)  [abletonosc]
  --set default|demo|FILE.json the Live set to serve                                       [default]
  --port N                     UDP port to listen on ($ABLETON_OSC_PORT)                   [11000]
  --reply-port N               port replies go to, abletonosc flavour ($ABLETON_OSC_REPLY_PORT) [11001]
  --host IP                    interface to listen on ($ABLETON_OSC_HOST)                  [127.0.0.1]
  --tick-ms N                  tick period in ms (abletonosc flavour)                      [100]
  --export-folder DIR          bridge flavour: where /live/bridge/export/* writes its (silent)
                               files, as the folder set in the device; unset, exports are refused
  --verbose                    log each received message and each reply
  --help                       show this text
`

const flavours = ['abletonosc', 'bridge'] as const

/**
 * Parses `live-sim`'s flags; throws `INVALID_ARGUMENTS` naming the flag, the value and the valid choices.
 *
 * @example
 * parseSimulatorArgs(['--flavour', 'bridge', '--port', '9000'])
 */
export function parseSimulatorArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): SimulatorCommand {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        flavour: { type: 'string' },
        set: { type: 'string' },
        port: { type: 'string' },
        'reply-port': { type: 'string' },
        host: { type: 'string' },
        'tick-ms': { type: 'string' },
        verbose: { type: 'boolean' },
        'export-folder': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error), 'See live-sim --help for the flags.')
  }
  if (values.help) return { kind: 'help' }

  const flavour = (values.flavour as string | undefined) ?? 'abletonosc'
  if (!(flavours as readonly string[]).includes(flavour)) {
    throw usageError(`--flavour must be one of ${flavours.join(', ')} (got "${flavour}")`)
  }
  const exportFolder = values['export-folder'] as string | undefined
  if (exportFolder !== undefined && flavour !== 'bridge') {
    throw usageError(
      `--export-folder only applies to --flavour bridge (got --flavour ${flavour})`,
      'AbletonOSC cannot write audio files; the Max for Live bridge can.',
    )
  }
  if (exportFolder?.trim() === '') throw usageError('--export-folder needs a folder (got "")')
  const setValue = (values.set as string | undefined) ?? 'default'
  let set: { name: 'default' | 'demo' } | { file: string }
  if (setValue === 'default' || setValue === 'demo') set = { name: setValue }
  else if (setValue.toLowerCase().endsWith('.json')) set = { file: setValue }
  else throw usageError(`--set must be default, demo or a path to a .json file (got "${setValue}")`)

  return {
    kind: 'run',
    flavour: flavour as SimulatorFlavour,
    set,
    host: (values.host as string | undefined) ?? env.ABLETON_OSC_HOST ?? '127.0.0.1',
    port: integer('--port', (values.port as string | undefined) ?? env.ABLETON_OSC_PORT, 11000, 0, 65535),
    replyPort: integer(
      '--reply-port',
      (values['reply-port'] as string | undefined) ?? env.ABLETON_OSC_REPLY_PORT,
      11001,
      1,
      65535,
    ),
    tickMs: integer('--tick-ms', values['tick-ms'] as string | undefined, 100, 1, 60_000),
    verbose: values.verbose === true,
    exportFolder: exportFolder === undefined ? undefined : resolve(exportFolder),
  }
}

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw usageError(`${flag} must be an integer from ${min} to ${max} (got "${text}")`)
  }
  return value
}

function usageError(shortMessage: string, hint = 'Run live-sim --help for usage.'): LiveError {
  return new LiveError('INVALID_ARGUMENTS', shortMessage, { metaMessages: [hint] })
}
