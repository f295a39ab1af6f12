import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import type { LiveConnection } from '../core/liveConnection.js'
import { createLiveMcpServer, type LiveMcpServer } from '../createLiveMcpServer.js'

/**
 * Serves Streamable HTTP at `/mcp`, one MCP session per client, with the SDK's Host and Origin checks against DNS rebinding.
 *
 * @example
 * const http = await serveHttp({ connection, port: 3333, host: '127.0.0.1', log })
 */
export async function serveHttp(options: {
  connection: LiveConnection
  port: number
  host: string
  log: (line: string) => void
  /** Which tools each session lists (see `--tools`). */
  tools?: string | undefined
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; live: LiveMcpServer }>()
  let allowedHosts: string[] = []
  let allowedOrigins: string[] = []
  const server = createServer(async (req, res) => {
    try {
      if ((req.url ?? '').split('?')[0] !== '/mcp') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the MCP endpoint is /mcp\n')
        return
      }
      const id = req.headers['mcp-session-id']
      const existing = typeof id === 'string' ? sessions.get(id) : undefined
      if (existing !== undefined) {
        await existing.transport.handleRequest(req, res)
        return
      }
      const live = createLiveMcpServer({ connection: options.connection, log: options.log, tools: options.tools })
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableDnsRebindingProtection: true,
        allowedHosts,
        allowedOrigins,
        onsessioninitialized: (sessionId) => {
          sessions.set(sessionId, { transport, live })
        },
      })
      transport.onclose = () => {
        if (transport.sessionId !== undefined) sessions.delete(transport.sessionId)
      }
      await live.server.connect(transport)
      await transport.handleRequest(req, res)
      if (transport.sessionId === undefined) await live.close()
    } catch (error) {
      options.log(`http request failed: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) res.writeHead(500).end()
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', options.host])
  allowedHosts = [...names].map((name) => `${name}:${port}`)
  allowedOrigins = [...names].map((name) => `http://${name}:${port}`)
  return {
    server,
    port,
    async close() {
      for (const { live } of sessions.values()) await live.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
