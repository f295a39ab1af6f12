import type { Snapshot } from '@live/workflows'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { createJobs } from './core/jobs.js'
import { createLiveConnection, type LiveConnection, type LiveConnectionOptions } from './core/liveConnection.js'
import { serveTools } from './core/toolRegistry.js'
import { registerLivePrompts } from './prompts/livePrompts.js'
import { registerLiveResources } from './resources/liveResources.js'
import { ALL_TOOLS, selectTools } from './tools/allTools.js'

/** The package version, reported to MCP clients. */
export const SERVER_VERSION = '0.0.0'

/** What every tool shares, said once here instead of in each description (the client shows it to the model). */
export const INSTRUCTIONS = [
  'Ableton Live over OSC: AbletonOSC in Live, or the @live Max for Live bridge (which adds return tracks, the master, devices inside racks and audio files). Call ableton_read first.',
  'Conventions of every tool:',
  '- Tracks, scenes (= clip slots), devices, parameters, sends and chains count from 0. A track is an index, or on the bridge "master" or "return/R" (return A is "return/0").',
  '- Objects are addressed alike in ableton_read, ableton_update, ableton_duplicate and ableton_delete: no track or scene = the song; track = a track; scene = a scene; track + scene = the clip in that slot; track + device = a device (an index, or on the bridge a rack chain path "0/1/2": device 0, its chain 1, that chain\'s device 2).',
  '- Volumes in dB: -6 or "-6dB"; 0 is unity, 6 the top, "-inf" silence (volume_db null in answers). Pan as Live shows it: "25L", "C", "50R" (or -1..1). Sends and most raw values 0..1; a device parameter in its own min..max.',
  '- Times and lengths in beats (quarter notes); a position may also be Live\'s "bar.beat.sixteenth" text ("5.1.1" is bar 5). Colours "#rrggbb".',
  '- A note is "pitch start [duration=0.25] [velocity=100] [mute]", e.g. "C1 0 0.25 110" (a kick on beat 1), or the object {pitch, start, duration, velocity, mute}. Pitches are MIDI numbers or names (C3 = 60, C1 = 36, D1 = 38, F#1 = 42). Reads answer notes in the same text.',
  '- Fades, LFOs, performances, recordings and exports run as background jobs (ableton_jobs lists and stops them); wait: true blocks until the end, with progress. dry_run: true answers the plan and changes nothing.',
  "- Tools marked DESTRUCTIVE (delete, restore) need the person's confirmation first. ableton_song_action undo reverts Live's last change.",
].join('\n')

/** Options of {@link createLiveMcpServer}. */
export interface LiveMcpServerOptions extends LiveConnectionOptions {
  /** A connection shared between servers (one per HTTP session); made from the other options when absent. */
  connection?: LiveConnection | undefined
  /** Where log lines go; never stdout, which carries the protocol. @default process.stderr */
  log?: ((line: string) => void) | undefined
  /** Which tools to list: groups (core, workflows, compose, all) and tool names, comma-separated. @default env LIVE_MCP_TOOLS ?? 'all' */
  tools?: string | undefined
}

/** A Live MCP server: the SDK server, its tool names, and its close. */
export interface LiveMcpServer {
  /** The MCP SDK server: `connect()` it to a transport. */
  readonly server: McpServer
  /** The connection to Live (lazy). */
  readonly connection: LiveConnection
  /** Every listed tool's name, in tools/list order. */
  readonly toolNames: readonly string[]
  /** Stops watches and background workflows, closes the server and (when it owns it) the connection. */
  close(): Promise<void>
}

/**
 * Builds the MCP server for Ableton Live: tools, `live://` resources (subscribable) and prompts, over a lazy client.
 *
 * @example
 * import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
 * const { server } = createLiveMcpServer({ host: '127.0.0.1', port: 11000 })
 * await server.connect(new StdioServerTransport())
 */
export function createLiveMcpServer(options: LiveMcpServerOptions = {}): LiveMcpServer {
  const log = options.log ?? ((line: string) => process.stderr.write(`[live-mcp] ${line}\n`))
  const connection = options.connection ?? createLiveConnection(options)
  const tools = selectTools(options.tools ?? (options.env ?? process.env).LIVE_MCP_TOOLS)
  const server = new McpServer(
    { name: 'live-mcp', title: 'Ableton Live', version: SERVER_VERSION },
    { instructions: INSTRUCTIONS },
  )
  const resources = registerLiveResources(server, connection, log)
  // One registry: recordings and exports are background jobs like fades, listed and stopped by the same tool.
  const jobs = createJobs(log)
  const snapshots = new Map<string, Snapshot>()
  serveTools(server, { connection, changed: resources.changed, jobs, snapshots }, tools, ALL_TOOLS)
  registerLivePrompts(server)
  return {
    server,
    connection,
    toolNames: tools.map((t) => t.name),
    async close() {
      resources.close()
      // Stopped workflows put values back; give them a moment, but never hang the close on them.
      const stopping = Promise.all(jobs.stop().map((job) => job.finished))
      await Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, 2000).unref())])
      await server.close()
      if (options.connection === undefined) await connection.close()
    },
  }
}
