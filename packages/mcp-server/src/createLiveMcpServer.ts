import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { createJobs } from './core/jobs.js'
import { createLiveConnection, type LiveConnection, type LiveConnectionOptions } from './core/liveConnection.js'
import type { ToolHost } from './core/toolKit.js'
import { registerLivePrompts } from './prompts/livePrompts.js'
import { registerLiveResources } from './resources/liveResources.js'
import { registerClipTools } from './tools/clipTools.js'
import { registerDeviceTools } from './tools/deviceTools.js'
import { registerMixerTools } from './tools/mixerTools.js'
import { registerRecordingTools } from './tools/recordingTools.js'
import { registerSceneTools } from './tools/sceneTools.js'
import { registerSessionTools } from './tools/sessionTools.js'
import { registerSnapshotTools } from './tools/snapshotTools.js'
import { registerTrackTools } from './tools/trackTools.js'
import { registerTransportTools } from './tools/transportTools.js'
import { registerWorkflowTools } from './tools/workflowTools.js'

/** The package version, reported to MCP clients. */
export const SERVER_VERSION = '0.0.0'

/** Options of {@link createLiveMcpServer}. */
export interface LiveMcpServerOptions extends LiveConnectionOptions {
  /** A connection shared between servers (one per HTTP session); made from the other options when absent. */
  connection?: LiveConnection | undefined
  /** Where log lines go; never stdout, which carries the protocol. @default process.stderr */
  log?: ((line: string) => void) | undefined
}

/** A Live MCP server: the SDK server, its tool names, and its close. */
export interface LiveMcpServer {
  /** The MCP SDK server: `connect()` it to a transport. */
  readonly server: McpServer
  /** The connection to Live (lazy). */
  readonly connection: LiveConnection
  /** Every tool's name, in registration order. */
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
  const server = new McpServer(
    { name: 'live-mcp', title: 'Ableton Live', version: SERVER_VERSION },
    {
      instructions:
        'Controls Ableton Live over AbletonOSC. Call ableton_get_session first: tracks and scenes count from 0, volumes are in dB (0 dB is unity). Destructive tools (delete, restore) say so: confirm with the person first.',
    },
  )
  const resources = registerLiveResources(server, connection, log)
  const host: ToolHost = { server, connection, changed: resources.changed, names: [] }
  registerSessionTools(host)
  registerTransportTools(host)
  registerTrackTools(host)
  registerMixerTools(host)
  registerClipTools(host)
  registerSceneTools(host)
  registerDeviceTools(host)
  // One registry: recordings and exports are background jobs like fades, listed and stopped by the same tools.
  const jobs = createJobs(log)
  registerRecordingTools(host, jobs)
  registerSnapshotTools(host)
  registerWorkflowTools(host, jobs)
  registerLivePrompts(server)
  return {
    server,
    connection,
    toolNames: host.names,
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
