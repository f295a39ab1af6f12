import { fileURLToPath } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'

/** The bin's TypeScript source, run through tsx with the workspace's source condition. */
export const BIN = fileURLToPath(new URL('../src/bin/liveMcp.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** A real MCP SDK client over stdio to a real `live-mcp` child process. */
export interface McpSession {
  readonly client: Client
  readonly stderr: () => string
  /** Calls a tool and returns its result (tool errors included). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>
  /** The text of a tool result. */
  text(result: CallToolResult): string
  /** Calls a tool that must succeed and answers its structured content (checked by the SDK client against the outputSchema). */
  data<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>
  close(): Promise<void>
}

/** The command as installed: `bin/live-mcp.js`, which runs the esbuild bundle in dist/bundle/ (needs a build). */
export const BUILT_BIN = fileURLToPath(new URL('../bin/live-mcp.js', import.meta.url))

/** Spawns `live-mcp` with these arguments (from source through tsx, or `built`) and connects an SDK client to it. */
export async function startMcp(
  args: readonly string[],
  env: Record<string, string> = {},
  from: 'source' | 'built' = 'source',
): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: from === 'built' ? [BUILT_BIN, ...args] : ['--conditions=@live/source', '--import', 'tsx', BIN, ...args],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stderr: 'pipe',
  })
  let stderr = ''
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const client = new Client({ name: 'live-mcp-test', version: '0.0.0' })
  await client.connect(transport)
  // The SDK client checks structured content against a tool's outputSchema only once it has listed the tools.
  await client.listTools()
  const text = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n')
  const call = async (name: string, callArgs: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: callArgs })) as CallToolResult
  return {
    client,
    stderr: () => stderr,
    call,
    text,
    async data<T>(name: string, callArgs: Record<string, unknown> = {}) {
      const result = await call(name, callArgs)
      if (result.isError === true) throw new Error(`${name} failed: ${text(result)}`)
      if (result.structuredContent === undefined) throw new Error(`${name} answered no structured content`)
      return result.structuredContent as T
    },
    close: () => client.close(),
  }
}

/** `live-mcp` (from source) talking to a simulator of the test's own, whose bridge flavour replies to the sender's port. */
export function startMcpOn(sim: { readonly port: number }, env: Record<string, string> = {}): Promise<McpSession> {
  return startMcp(['--host', '127.0.0.1', '--port', String(sim.port), '--reply-port', 'source'], env)
}
