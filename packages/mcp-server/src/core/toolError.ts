import { isLiveError, type LiveError } from '@live/protocol'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'

/** Where Live was expected, for the "not reachable" text. */
export interface Peer {
  readonly host: string
  readonly port: number
}

/** The steps that get AbletonOSC answering, shared by every "not reachable" message. */
export function notReachableText(peer: Peer, detail: string): string {
  return [
    `Live is not reachable at ${peer.host}:${peer.port} (${detail}).`,
    'What to do:',
    '- Start Ableton Live with AbletonOSC installed, and select it in Preferences > Link, Tempo & MIDI > Control Surface.',
    '- If Live listens elsewhere, set ABLETON_OSC_HOST / ABLETON_OSC_PORT (or start this server with --host / --port).',
    '- Run `live doctor` to check the connection step by step.',
    '- To try the tools without Live, start this server with --sim.',
  ].join('\n')
}

function liveErrorText(error: LiveError, peer: Peer): string {
  switch (error.code) {
    case 'TIMEOUT':
    case 'NOT_CONNECTED':
      return notReachableText(peer, error.shortMessage)
    case 'PORT_IN_USE':
      return [
        `Cannot listen for Live's replies: ${error.shortMessage}.`,
        ...error.metaMessages.map((line) => `- ${line}`),
        '- Another program holds the reply port: close it, or set ABLETON_OSC_REPLY_PORT to a free port AbletonOSC replies to.',
      ].join('\n')
    case 'INVALID_ARGUMENTS':
      return [`Invalid argument: ${error.shortMessage}.`, ...error.metaMessages].join('\n')
    case 'NOT_FOUND':
      return [error.shortMessage, ...error.metaMessages].join('\n')
    case 'LIVE_REJECTED':
      return [`Live refused the request: ${error.shortMessage}.`, ...error.metaMessages].join('\n')
    case 'UNSUPPORTED':
      return [`Not possible with this server: ${error.shortMessage}.`, ...error.metaMessages].join('\n')
    default:
      return [
        error.message,
        ...(error.code === 'INTERNAL' ? ['This is a bug in @live/mcp-server: please report it.'] : []),
      ].join('\n')
  }
}

/**
 * Any thrown value as an MCP tool error (`isError: true`) whose text says what happened and what to do.
 *
 * @example
 * toolError(new LiveError('TIMEOUT', 'no reply'), { host: '127.0.0.1', port: 11000 }).isError // true
 */
export function toolError(error: unknown, peer: Peer): CallToolResult {
  const text = isLiveError(error)
    ? liveErrorText(error, peer)
    : `Unexpected error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in @live/mcp-server: please report it.`
  return { content: [{ type: 'text', text }], isError: true }
}
