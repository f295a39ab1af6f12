import { setMaxListeners } from 'node:events'
import type { LiveClient } from '@live/client'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js'
import type { z } from 'zod'
import type { LiveConnection } from './liveConnection.js'
import { toolError } from './toolError.js'

/** How a tool touches the set, which decides its MCP annotations. */
export type ToolKind = 'read' | 'write' | 'idempotent' | 'destructive'

const ANNOTATIONS: Record<ToolKind, ToolAnnotations> = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  write: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  idempotent: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
}

/** What a tool handler returns: text for the assistant, and optional data appended as JSON. */
export interface ToolAnswer {
  /** One or a few sentences a person can read. */
  readonly text: string
  /** Facts the assistant may use, shown as JSON under the text. */
  readonly data?: unknown
}

/** What every tool handler gets besides its arguments. */
export interface ToolContext {
  /** The client, created on first use. */
  readonly live: LiveClient
  /** The cancellation signal of the MCP request. */
  readonly signal: AbortSignal
  /** Tells the resources that the set's structure or state changed. */
  readonly changed: (what?: { tracks?: readonly number[] | undefined; structure?: boolean | undefined }) => void
}

/** What the tool groups register through: the server, the connection and the change hook. */
export interface ToolHost {
  readonly server: McpServer
  readonly connection: LiveConnection
  readonly changed: ToolContext['changed']
  /** Names of the tools registered, in order. */
  readonly names: string[]
}

/** The definition of one tool. */
export interface LiveToolDefinition<Shape extends z.ZodRawShape> {
  /** A short human title. */
  readonly title: string
  /** When to use it, what it does, and what it answers. */
  readonly description: string
  /** Zod shape of the arguments, each with a description. */
  readonly input: Shape
  /** Read, write, idempotent write or destructive. */
  readonly kind: ToolKind
}

/**
 * Registers a tool whose errors (a thrown LiveError or anything else) come back as `isError` results, never crashes.
 *
 * @example
 * liveTool(host, 'ableton_set_tempo', { title, description, input: { bpm }, kind: 'idempotent' }, async ({ bpm }, { live }) => ...)
 */
export function liveTool<Shape extends z.ZodRawShape>(
  host: ToolHost,
  name: string,
  definition: LiveToolDefinition<Shape>,
  handler: (args: z.infer<z.ZodObject<Shape>>, context: ToolContext) => Promise<ToolAnswer>,
): void {
  host.names.push(name)
  const run = async (args: unknown, extra: { signal: AbortSignal }): Promise<CallToolResult> => {
    try {
      // Bulk reads attach one abort listener per request in flight.
      setMaxListeners(0, extra.signal)
      const live = host.connection.client()
      const answer = await handler(args as z.infer<z.ZodObject<Shape>>, {
        live,
        signal: extra.signal,
        changed: host.changed,
      })
      const text = answer.data === undefined ? answer.text : `${answer.text}\n\n${JSON.stringify(answer.data, null, 2)}`
      return { content: [{ type: 'text', text }] }
    } catch (error) {
      return toolError(error, host.connection)
    }
  }
  host.server.registerTool(
    name,
    {
      title: definition.title,
      description: definition.description,
      inputSchema: definition.input,
      annotations: { title: definition.title, ...ANNOTATIONS[definition.kind] },
    },
    run as never,
  )
}
