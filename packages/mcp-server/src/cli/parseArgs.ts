import { LiveError } from '@live/protocol'

/** What the `live-mcp` command line asks for. */
export interface CliOptions {
  /** Start an embedded simulator with the demo set instead of talking to Live. */
  readonly sim: boolean
  /** Live's host (else ABLETON_OSC_HOST, else 127.0.0.1). */
  readonly host?: string | undefined
  /** Live's port (else ABLETON_OSC_PORT, else 11000). */
  readonly port?: number | undefined
  /** Where replies arrive: a port or 'source' (else ABLETON_OSC_REPLY_PORT, else 11001). */
  readonly replyPort?: number | 'source' | undefined
  /** Serve Streamable HTTP on this port instead of stdio. */
  readonly http?: number | undefined
  /** The interface HTTP binds. @default '127.0.0.1' */
  readonly httpHost: string
  /** Which tools to list: groups and tool names, comma-separated (else LIVE_MCP_TOOLS, else all). */
  readonly tools?: string | undefined
  /** Print the set-up of this command for an MCP client instead of serving. */
  readonly printConfig?: string | undefined
  readonly help: boolean
  readonly version: boolean
}

/** The `--help` text. */
export const USAGE = `live-mcp: Ableton Live for AI assistants, over the Model Context Protocol.

Usage: live-mcp [options]          (stdio, for Claude Desktop, Claude Code, Cursor, Code Buddy...)

  --sim                 run an embedded simulator with a demo set (no Live needed; env LIVE_MCP_SIM=true)
  --host <host>         AbletonOSC host (env ABLETON_OSC_HOST, default 127.0.0.1)
  --port <port>         AbletonOSC port (env ABLETON_OSC_PORT, default 11000)
  --reply-port <port>   port Live replies to, or "source" (env ABLETON_OSC_REPLY_PORT, default 11001)
  --tools <list>        tools to list: groups core, workflows, compose, all (default), or tool names,
                        comma-separated (env LIVE_MCP_TOOLS); core alone is the smallest useful set
  --print-config <client>  print the set-up of this command, with real paths, for claude-desktop,
                        claude-code, cursor or code-buddy (the other options are passed on)
  --http [port]         serve Streamable HTTP on http://127.0.0.1:<port>/mcp (default 3333) instead of stdio
  --http-host <host>    interface for --http (default 127.0.0.1; only Host/Origin of it and localhost are accepted)
  -h, --help            this text
  -v, --version         the version

Logs go to stderr; stdout carries the protocol. No telemetry.`

function port(flag: string, text: string | undefined): number {
  const value = Number(text)
  if (text === undefined || !Number.isInteger(value) || value < 0 || value > 65535) {
    throw new LiveError('INVALID_ARGUMENTS', `${flag} needs a port 0..65535, got ${JSON.stringify(text ?? '')}`, {
      metaMessages: ['Run `live-mcp --help`.'],
    })
  }
  return value
}

/**
 * Parses `live-mcp` arguments; throws INVALID_ARGUMENTS on anything unknown.
 *
 * @example
 * parseArgs(['--sim', '--http', '3333']) // { sim: true, http: 3333, ... }
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: { -readonly [K in keyof CliOptions]: CliOptions[K] } = {
    sim: false,
    httpHost: '127.0.0.1',
    help: false,
    version: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = () => inline ?? argv[++i]
    switch (flag) {
      case '--sim':
        options.sim = true
        break
      case '--host':
        options.host = value()
        break
      case '--port':
        options.port = port('--port', value())
        break
      case '--reply-port': {
        const text = value()
        options.replyPort = text === 'source' ? 'source' : port('--reply-port', text)
        break
      }
      case '--http': {
        const next = inline ?? argv[i + 1]
        if (next !== undefined && /^\d+$/.test(next)) {
          options.http = port('--http', next)
          if (inline === undefined) i++
        } else options.http = 3333
        break
      }
      case '--tools':
        options.tools = value()
        break
      case '--print-config':
        options.printConfig = value() ?? ''
        break
      case '--http-host':
        options.httpHost = value() ?? '127.0.0.1'
        break
      case '-h':
      case '--help':
        options.help = true
        break
      case '-v':
      case '--version':
        options.version = true
        break
      default:
        throw new LiveError('INVALID_ARGUMENTS', `unknown option ${JSON.stringify(arg)}`, {
          metaMessages: ['Run `live-mcp --help`.'],
        })
    }
  }
  return options
}
