import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getMcpConfigForManifest, unpackExtension } from '@anthropic-ai/mcpb'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_TOOLS } from '../src/tools/allTools.js'

const MCPB = fileURLToPath(new URL('../mcpb/dist/live-mcp.mcpb', import.meta.url))

// The bundle as Claude Desktop installs it: unpacked outside the repository (so nothing resolves through its
// node_modules), started with the command and environment the manifest gives for the user's settings.
describe('the Claude Desktop extension mcpb/dist/live-mcp.mcpb', () => {
  let dir: string
  let manifest: Record<string, unknown>
  beforeAll(async () => {
    if (!existsSync(MCPB))
      throw new Error('mcpb/dist/live-mcp.mcpb is missing: run `pnpm --filter @live/mcp-server build` first')
    dir = await mkdtemp(join(tmpdir(), 'live-mcpb-'))
    expect(await unpackExtension({ mcpbPath: MCPB, outputDir: dir, silent: true })).toBe(true)
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('declares the package version, the settings and every tool', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
    expect(manifest.version).toBe(pkg.version)
    expect(Object.keys(manifest.user_config as object)).toEqual(['host', 'port', 'simulator', 'tools'])
    expect((manifest.tools as { name: string }[]).map((t) => t.name)).toEqual(ALL_TOOLS.map((t) => t.name))
  })

  it('maps the settings to the environment the server reads', async () => {
    const config = await getMcpConfigForManifest({
      manifest: manifest as never,
      extensionPath: dir,
      systemDirs: {},
      userConfig: { port: 11005, simulator: true },
      pathSeparator: '/',
    })
    expect(config).toEqual({
      command: 'node',
      args: [join(dir, 'server/live-mcp.js')],
      env: { ABLETON_OSC_HOST: '127.0.0.1', ABLETON_OSC_PORT: '11005', LIVE_MCP_SIM: 'true', LIVE_MCP_TOOLS: 'all' },
    })
  })

  it('starts from the unpacked bundle alone and serves the simulator in simulator mode', async () => {
    const config = await getMcpConfigForManifest({
      manifest: manifest as never,
      extensionPath: dir,
      systemDirs: {},
      userConfig: { simulator: true, tools: 'core' },
      pathSeparator: '/',
    })
    const client = new Client({ name: 'mcpb-test', version: '0.0.0' })
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: config!.args!,
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', ...config!.env },
        stderr: 'ignore',
      }),
    )
    try {
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name)).toEqual(ALL_TOOLS.filter((t) => t.toolset === 'core').map((t) => t.name))
      const read = await client.callTool({ name: 'ableton_read', arguments: {} })
      expect(read.content).toEqual([{ type: 'text', text: '5 tracks, 8 scenes, 124 BPM 4/4, stopped.' }])
    } finally {
      await client.close()
    }
  })
})
