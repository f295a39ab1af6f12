import { setMaxListeners } from 'node:events'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js'
import { argumentError } from './argumentErrors.js'
import { toolJsonSchema } from './jsonSchema.js'
import type { LiveConnection } from './liveConnection.js'
import { forwardProgress } from './progress.js'
import { toolError } from './toolError.js'
import { ANNOTATIONS, type LiveTool, type ToolContext } from './toolKit.js'

/** What the tools share on one server: the connection, the change hook, jobs and snapshots. */
export interface ToolHost {
  readonly connection: LiveConnection
  readonly changed: ToolContext['changed']
  readonly jobs: ToolContext['jobs']
  readonly snapshots: ToolContext['snapshots']
}

// Built once per tool and shared by every server of the process (one per HTTP session).
const definitions = new WeakMap<LiveTool, Tool>()

/**
 * A tool as tools/list shows it: compact input and output JSON Schemas, only the annotations that differ from the
 * defaults, and no `title` (the names read well, and a title is 20-30 bytes a tool on every turn).
 *
 * @example
 * toolDefinition(setTempo).inputSchema // { type: 'object', properties: { bpm: { type: 'number', minimum: 20, maximum: 999 } }, required: ['bpm'] }
 */
export function toolDefinition(tool: LiveTool): Tool {
  let definition = definitions.get(tool)
  if (definition === undefined) {
    definition = {
      name: tool.name,
      description: tool.description,
      inputSchema: toolJsonSchema(tool.input, 'input') as Tool['inputSchema'],
      outputSchema: toolJsonSchema(tool.output, 'output') as Tool['outputSchema'],
      annotations: ANNOTATIONS[tool.kind],
    }
    definitions.set(tool, definition)
  }
  return definition
}

const text = (message: string): CallToolResult => ({ content: [{ type: 'text', text: message }], isError: true })

/**
 * Serves tools/list and tools/call for these tools on the SDK server's low-level handlers: the server checks
 * arguments itself (so a bad one is an `isError` result in our words, as the MCP spec of 2025-11-25 asks),
 * answers structured content plus one line, forwards progress, and stops work when the request is cancelled.
 *
 * @example
 * serveTools(server, host, [setTempo, fade], ALL_TOOLS)
 */
export function serveTools(
  server: McpServer,
  host: ToolHost,
  tools: readonly LiveTool[],
  known: readonly LiveTool[] = tools,
): void {
  const byName = new Map(tools.map((tool) => [tool.name, tool]))
  server.server.registerCapabilities({ tools: {} })
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map(toolDefinition) }))
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name, arguments: args = {} } = request.params
    const tool = byName.get(name)
    if (tool === undefined) {
      const other = known.find((t) => t.name === name)
      return text(
        other === undefined
          ? `Unknown tool ${JSON.stringify(name)}. Call tools/list for the tools of this server.`
          : `${name} is in the ${other.toolset} tools, which this server was started without: start live-mcp with --tools ${other.toolset} (or LIVE_MCP_TOOLS=all).`,
      )
    }
    const parsed = tool.input.safeParse(args)
    if (!parsed.success) {
      return toolError(argumentError(parsed.error, args, toolDefinition(tool).inputSchema, name), host.connection)
    }
    const token = request.params._meta?.progressToken
    const forwarder =
      token === undefined
        ? undefined
        : forwardProgress((params) => {
            extra
              .sendNotification({ method: 'notifications/progress', params: { progressToken: token, ...params } })
              .catch(() => {})
          })
    try {
      // Bulk reads attach one abort listener per request in flight.
      setMaxListeners(0, extra.signal)
      const answer = await tool.run(parsed.data, {
        live: host.connection.client(),
        signal: extra.signal,
        changed: host.changed,
        progress: (p) => forwarder?.report(p),
        jobs: host.jobs,
        snapshots: host.snapshots,
      })
      return {
        content: [{ type: 'text', text: answer.text }],
        structuredContent: answer.data as Record<string, unknown>,
      }
    } catch (error) {
      return toolError(error, host.connection)
    } finally {
      forwarder?.close()
    }
  })
}
