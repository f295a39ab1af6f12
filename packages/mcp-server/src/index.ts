/**
 * @packageDocumentation
 * Ableton Live in every AI assistant: an MCP server with a lean tool list (one read, one update, one
 * delete for every object; the named transport, mixer and launch tools; fades, LFOs, performances,
 * recording, export and snapshots), structured answers, subscribable `live://` resources and prompts,
 * over a lazily opened client. Bin: `live-mcp` (stdio; `--http`, `--sim`, `--tools`).
 */
export { main } from './cli/main.js'
export { type CliOptions, parseArgs, USAGE } from './cli/parseArgs.js'
export { serveHttp } from './cli/serveHttp.js'
export { createLiveConnection, type LiveConnection, type LiveConnectionOptions } from './core/liveConnection.js'
export { notReachableText, toolError } from './core/toolError.js'
export { type LiveTool, TOOLSETS, type Toolset } from './core/toolKit.js'
export { toolDefinition } from './core/toolRegistry.js'
export {
  createLiveMcpServer,
  INSTRUCTIONS,
  type LiveMcpServer,
  type LiveMcpServerOptions,
  SERVER_VERSION,
} from './createLiveMcpServer.js'
export { SESSION_URI, trackUri } from './resources/liveResources.js'
export { ALL_TOOLS, selectTools } from './tools/allTools.js'
