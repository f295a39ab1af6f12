import type { LiveClient } from '@live/client'
import type { Snapshot, WorkflowProgress } from '@live/workflows'
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js'
import type { z } from 'zod'
import type { Jobs } from './jobs.js'

/** How a tool touches the set, which decides its MCP annotations. */
export type ToolKind = 'read' | 'write' | 'idempotent' | 'destructive'

/** The groups `--tools` / LIVE_MCP_TOOLS choose from; `compose` is for the composing tools (native devices, Arrangement clips, automation). */
export const TOOLSETS = ['core', 'workflows', 'compose'] as const
/** One group of tools. */
export type Toolset = (typeof TOOLSETS)[number]

/**
 * Only what differs from the spec's defaults (readOnly false, destructive true, idempotent false), plus
 * destructiveHint on the destructive tools for clients that do not apply defaults. openWorldHint is left at its
 * default: 22 bytes a tool, and "may reach outside" is the cautious reading for a tool driving another program.
 */
export const ANNOTATIONS: Record<ToolKind, ToolAnnotations> = {
  read: { readOnlyHint: true },
  write: { destructiveHint: false },
  idempotent: { destructiveHint: false, idempotentHint: true },
  destructive: { destructiveHint: true },
}

/** What a tool answers: one line for clients that show text, and the facts as structured content. */
export interface ToolAnswer<Data> {
  /** One short line a person can read. */
  readonly text: string
  /** The structured content; it matches the tool's output schema. */
  readonly data: Data
}

/** What every tool handler gets besides its arguments. */
export interface ToolContext {
  /** The client, created on first use. */
  readonly live: LiveClient
  /** Aborted when the MCP request is cancelled. */
  readonly signal: AbortSignal
  /** Tells the resources that the set's structure or state changed. */
  readonly changed: (what?: { tracks?: readonly number[] | undefined; structure?: boolean | undefined }) => void
  /** Forwards a workflow's progress to the request (a no-op when the request has no progress token). */
  readonly progress: (progress: WorkflowProgress) => void
  /** The background workflows of this server. */
  readonly jobs: Jobs
  /** The snapshots saved in this session, by name. */
  readonly snapshots: Map<string, Snapshot>
}

/** The definition of one tool: its schemas, words, group, and handler. */
export interface LiveTool<Input extends z.ZodObject = z.ZodObject, Output extends z.ZodObject = z.ZodObject> {
  readonly name: string
  /** What it does, when to use it, what it needs: two or three sentences. */
  readonly description: string
  /** Which `--tools` group lists it. */
  readonly toolset: Toolset
  /** Read, write, idempotent write or destructive. */
  readonly kind: ToolKind
  /** The arguments: a strict object, checked by the server (errors in our words, never the SDK's). */
  readonly input: Input
  /** The structured content's shape (sent as outputSchema; the SDK client checks answers against it). */
  readonly output: Output
  /** Does the work; a thrown LiveError becomes an `isError` result. */
  run(args: z.output<Input>, context: ToolContext): Promise<ToolAnswer<z.input<Output>>>
}

/**
 * Declares a tool with its argument and answer types inferred from the schemas.
 *
 * @example
 * export const setTempo = defineTool({ name: 'ableton_set_tempo', input: z.strictObject({ bpm }), output, run: async ({ bpm }, { live }) => ... })
 */
export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject>(
  tool: LiveTool<Input, Output>,
): LiveTool<Input, Output> {
  return tool
}
