/**
 * @packageDocumentation
 * Ableton Live in every AI assistant: an MCP server with tools (transport, tracks, clips and notes,
 * devices by parameter name, scenes, recording, snapshots, workflows), subscribable `live://`
 * resources and prompts, over a lazily opened client. Bin: `live-mcp` (stdio; `--http`, `--sim`).
 */
export { main } from './cli/main.js'
export { type CliOptions, parseArgs, USAGE } from './cli/parseArgs.js'
export { serveHttp } from './cli/serveHttp.js'
export { createLiveConnection, type LiveConnection, type LiveConnectionOptions } from './core/liveConnection.js'
export { notReachableText, toolError } from './core/toolError.js'
export {
  createLiveMcpServer,
  type LiveMcpServer,
  type LiveMcpServerOptions,
  SERVER_VERSION,
} from './createLiveMcpServer.js'
export { SESSION_URI, trackUri } from './resources/liveResources.js'
