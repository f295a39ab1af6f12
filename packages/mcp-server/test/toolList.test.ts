import { spawnSync } from 'node:child_process'
import type { Tool } from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, type McpSession, startMcp } from './mcpHarness.js'

/** The tool names the skill document and people's configurations use: they must keep working. */
const SKILL_NAMES = [
  'ableton_transport_play',
  'ableton_transport_stop',
  'ableton_transport_record',
  'ableton_set_tempo',
  'ableton_fire_clip',
  'ableton_set_track_volume',
  'ableton_set_track_pan',
  'ableton_mute_track',
  'ableton_solo_track',
  'ableton_arm_track',
  'ableton_set_device_param',
  'ableton_create_track',
  'ableton_launch_scene',
]

/** What an assistant pays for the list on every turn: the compact JSON of the SDK client's listTools() tools. */
const bytes = (tools: readonly Tool[]) => Buffer.byteLength(JSON.stringify(tools))

describe('tools/list of live-mcp --sim, through the SDK client', () => {
  let mcp: McpSession
  let tools: Tool[]
  beforeAll(async () => {
    mcp = await startMcp(['--sim'])
    tools = (await mcp.client.listTools()).tools
  })
  afterAll(() => mcp?.close())

  it('costs at most 24 KB, leaving 4.5 KB of it for the composing tools still to come', () => {
    expect(bytes(tools)).toBeLessThanOrEqual(24 * 1024 - 4.5 * 1024)
  })

  it('keeps the 13 names of the skill document and ableton_fade with track, to_db, seconds and wait', () => {
    const names = tools.map((t) => t.name)
    for (const name of SKILL_NAMES) expect(names, name).toContain(name)
    const fade = tools.find((t) => t.name === 'ableton_fade')!
    expect(Object.keys(fade.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['track', 'to_db', 'seconds', 'wait']),
    )
    expect(fade.inputSchema.required).toEqual(['track'])
  })

  it('gives every tool an object outputSchema and a description that says what it does', () => {
    for (const tool of tools) {
      expect(tool.outputSchema?.type, tool.name).toBe('object')
      expect(Object.keys(tool.outputSchema?.properties ?? {}).length, tool.name).toBeGreaterThan(0)
      expect(tool.description?.length, tool.name).toBeGreaterThan(15)
    }
  })

  it('carries no $schema, no MAX_SAFE_INTEGER bound and no repeated track description', () => {
    const json = JSON.stringify(tools)
    expect(json).not.toContain('$schema')
    expect(json).not.toContain(String(Number.MAX_SAFE_INTEGER))
    expect(json).not.toContain('additionalProperties":false')
    expect(json.match(/counting from 0/g)).toBeNull()
  })

  it('lists the tools with their annotations and arguments', () => {
    const rows = tools.map((t) => {
      const a = t.annotations ?? {}
      const flags = `${a.readOnlyHint ? 'R' : '-'}${a.destructiveHint === true ? 'D' : '-'}${a.idempotentHint ? 'I' : '-'}`
      return `${t.name} ${flags} (${Object.keys(t.inputSchema.properties ?? {}).join(', ')})`
    })
    expect(rows).toMatchSnapshot()
  })

  it('marks the destructive tools and only them', () => {
    const destructive = tools.filter((t) => t.annotations?.destructiveHint !== false && !t.annotations?.readOnlyHint)
    expect(destructive.map((t) => t.name)).toEqual(['ableton_delete', 'ableton_restore_snapshot'])
    for (const tool of destructive) expect(tool.description).toMatch(/^DESTRUCTIVE/)
  })
})

describe('--tools and LIVE_MCP_TOOLS choose the groups', () => {
  it('lists only the core tools with --tools core, and says where a left-out tool is', async () => {
    const mcp = await startMcp(['--sim', '--tools', 'core'])
    try {
      const { tools } = await mcp.client.listTools()
      const names = tools.map((t) => t.name)
      expect(names).toContain('ableton_fade')
      expect(names).toContain('ableton_read')
      expect(names).not.toContain('ableton_lfo')
      expect(bytes(tools)).toBeLessThan(16 * 1024)
      const result = await mcp.call('ableton_lfo', { track: 0, depth: 0.1 })
      expect(result.isError).toBe(true)
      expect(mcp.text(result)).toMatchInlineSnapshot(
        `"ableton_lfo is in the workflows tools, which this server was started without: start live-mcp with --tools workflows (or LIVE_MCP_TOOLS=all)."`,
      )
    } finally {
      await mcp.close()
    }
  })

  it('takes groups and single tools from LIVE_MCP_TOOLS', async () => {
    const mcp = await startMcp(['--sim'], { LIVE_MCP_TOOLS: 'workflows,ableton_read' })
    try {
      const names = (await mcp.client.listTools()).tools.map((t) => t.name)
      expect(names).toEqual([
        'ableton_read',
        'ableton_lfo',
        'ableton_perform',
        'ableton_record_clip',
        'ableton_export_audio',
        'ableton_snapshot',
        'ableton_restore_snapshot',
      ])
    } finally {
      await mcp.close()
    }
  })

  it('refuses an unknown group with a clear message and no stack trace', () => {
    const run = spawnSync(
      process.execPath,
      ['--conditions=@live/source', '--import', 'tsx', BIN, '--tools', 'core,fades'],
      {
        encoding: 'utf8',
        input: '',
      },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toMatchInlineSnapshot(`
      "[live-mcp] INVALID_ARGUMENTS: unknown tool group or tool "fades"
        Groups: all, core, workflows, compose; or tool names such as ableton_fade, comma-separated.
      "
    `)
  })
})
