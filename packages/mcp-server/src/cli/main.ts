import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { createLiveConnection } from '../core/liveConnection.js'
import { createLiveMcpServer, SERVER_VERSION } from '../createLiveMcpServer.js'
import { selectTools } from '../tools/allTools.js'
import { parseArgs, USAGE } from './parseArgs.js'
import { printConfig } from './printConfig.js'

const log = (line: string) => process.stderr.write(`[live-mcp] ${line}\n`)

/**
 * Runs `live-mcp`: stdio by default, `--http` for Streamable HTTP, `--sim` with an embedded simulator.
 *
 * @example
 * await main(['--sim'])
 */
export async function main(argv: readonly string[]): Promise<void> {
  const options = parseArgs(argv)
  const env = process.env
  // The Claude Desktop bundle passes its settings as environment variables (a boolean comes as "true"/"false").
  const sim = options.sim || /^(1|true|yes|on)$/i.test(env.LIVE_MCP_SIM?.trim() ?? '')
  const tools = options.tools ?? env.LIVE_MCP_TOOLS
  // Checked before anything starts, so a typo is one clear line instead of a server without tools.
  selectTools(tools)
  if (options.help) {
    process.stderr.write(`${USAGE}\n`)
    return
  }
  if (options.version) {
    process.stderr.write(`${SERVER_VERSION}\n`)
    return
  }
  if (options.printConfig !== undefined) {
    const i = argv.indexOf('--print-config')
    const passed = argv.filter((arg, j) => !arg.startsWith('--print-config') && (i < 0 || j !== i + 1))
    process.stdout.write(`${printConfig(options.printConfig, passed)}\n`)
    return
  }
  const cleanups: (() => Promise<void>)[] = []
  let connection = createLiveConnection({ host: options.host, port: options.port, replyPort: options.replyPort })
  if (sim) {
    // The bridge flavour answers at once and replies to the request's own port, so it never needs 11001.
    const { createSimulator } = await import('@live/simulator')
    const sim = await createSimulator({ flavour: 'bridge', host: '127.0.0.1', port: 0, set: 'demo' })
    cleanups.push(() => sim.close())
    connection = createLiveConnection({ host: '127.0.0.1', port: sim.port, replyPort: 'source' })
    log(`simulator (bridge flavour, demo set) on 127.0.0.1:${sim.port}`)
  } else {
    log(`Live expected at ${connection.host}:${connection.port} (connects on the first tool call)`)
  }
  cleanups.unshift(() => connection.close())

  let closing = false
  const shutdown = async (code: number) => {
    if (closing) return
    closing = true
    for (const cleanup of cleanups) await cleanup().catch(() => {})
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))

  if (options.http !== undefined) {
    const { serveHttp } = await import('./serveHttp.js')
    const http = await serveHttp({ connection, port: options.http, host: options.httpHost, log, tools })
    cleanups.unshift(() => http.close())
    log(`Streamable HTTP on http://${options.httpHost}:${http.port}/mcp`)
    return
  }
  const live = createLiveMcpServer({ connection, log, tools })
  cleanups.unshift(() => live.close())
  const transport = new StdioServerTransport()
  transport.onclose = () => void shutdown(0)
  process.stdin.on('end', () => void shutdown(0))
  await live.server.connect(transport)
}
