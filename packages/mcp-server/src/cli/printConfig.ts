import { realpathSync } from 'node:fs'
import { LiveError } from '@live/protocol'

/** The clients `--print-config` writes a set-up for. */
export const CONFIG_CLIENTS = ['claude-desktop', 'claude-code', 'cursor', 'code-buddy'] as const
/** One of {@link CONFIG_CLIENTS}. */
export type ConfigClient = (typeof CONFIG_CLIENTS)[number]

const quote = (text: string) => (/^[\w./:@=-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`)

/**
 * The set-up of this very command for an MCP client, with real paths: this Node and this file, so it works from a
 * checkout (where nothing is on npm) and from Claude Desktop, whose PATH may not hold `node`.
 *
 * @example
 * printConfig('cursor', ['--sim'], '/repo/packages/mcp-server/bin/live-mcp.js') // '{ "mcpServers": { "ableton-live": ... } }'
 */
export function printConfig(client: string, serverArgs: readonly string[], script = process.argv[1] ?? ''): string {
  if (!(CONFIG_CLIENTS as readonly string[]).includes(client)) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `--print-config takes one of ${CONFIG_CLIENTS.join(', ')}, got ${JSON.stringify(client)}`,
      {
        metaMessages: ['Example: live-mcp --print-config claude-desktop'],
      },
    )
  }
  const command = process.execPath
  const args = [realpathSync(script), ...serverArgs]
  const env = { ABLETON_OSC_HOST: '127.0.0.1', ABLETON_OSC_PORT: '11000' }
  if (client === 'claude-code') {
    const flags = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`])
    // The name before the flags: `-e` takes several values, and would take the name as one.
    return ['claude', 'mcp', 'add', 'ableton-live', ...flags, '--', command, ...args].map(quote).join(' ')
  }
  return JSON.stringify({ mcpServers: { 'ableton-live': { command, args, env } } }, null, 2)
}
