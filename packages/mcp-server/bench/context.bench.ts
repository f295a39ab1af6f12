/**
 * What the server costs an assistant's context: the bytes of tools/list (compact JSON of the SDK client's
 * `listTools().tools`, paid on every turn) beside Producer Pal's published 25.2 KB, for the default list and for
 * `--tools core`; and the bytes of reading a 64-track × 16-scene set at a glance (the answer's text plus its
 * structured content as JSON) against the 12 KB budget. Sizes, not times: the same on any machine.
 */
import { fileURLToPath } from 'node:url'
import { createSimulator } from '@live/simulator'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { report } from '../../../tooling/bench/harness.js'
import { BIG_SET, bigSet } from '../../client/bench/bigSet.js'

const KB = 1024
/** Producer Pal's tools/list, as the issue measured it (20 tools). */
const PRODUCER_PAL = 25.2 * KB
const bin = fileURLToPath(new URL('../bin/live-mcp.js', import.meta.url))

async function connect(args: string[]): Promise<Client> {
  const client = new Client({ name: 'bench', version: '0.0.0' })
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [bin, ...args], stderr: 'ignore' }))
  return client
}

const listBytes = async (args: string[]) => {
  const client = await connect(args)
  const { tools } = await client.listTools()
  await client.close()
  return { bytes: Buffer.byteLength(JSON.stringify(tools)), tools }
}

const all = await listBytes(['--sim'])
for (const tool of all.tools)
  console.log(`${String(Buffer.byteLength(JSON.stringify(tool))).padStart(6)} B  ${tool.name}`)
report({
  group: 'MCP context cost (bytes)',
  name: `tools/list, default (${all.tools.length} tools)`,
  figure: all.bytes,
  unit: 'B',
  betterIs: 'lower',
  baseline: { name: 'Producer Pal (20 tools)', figure: PRODUCER_PAL },
  target: PRODUCER_PAL / (24 * KB),
  note: 'target: at most 24 KB (ratio vs Producer Pal >= 1.05); before this list: 47 tools, 53 KB',
})
const core = await listBytes(['--sim', '--tools', 'core'])
report({
  group: 'MCP context cost (bytes)',
  name: `tools/list, --tools core (${core.tools.length} tools)`,
  figure: core.bytes,
  unit: 'B',
  betterIs: 'lower',
  baseline: { name: 'Producer Pal (20 tools)', figure: PRODUCER_PAL },
})

const sim = await createSimulator({ flavour: 'bridge', port: 0, set: bigSet() })
const client = await connect(['--host', '127.0.0.1', '--port', String(sim.port), '--reply-port', 'source'])
const result = (await client.callTool({ name: 'ableton_read', arguments: {} })) as CallToolResult
const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('')
const bytes = Buffer.byteLength(text) + Buffer.byteLength(JSON.stringify(result.structuredContent))
report({
  group: 'MCP context cost (bytes)',
  name: `ableton_read of ${BIG_SET.tracks} tracks × ${BIG_SET.scenes} scenes (text + structured JSON)`,
  figure: bytes,
  unit: 'B',
  betterIs: 'lower',
  baseline: { name: '12 KB budget', figure: 12 * KB },
  target: 1,
  note: 'counts what a client may put in the context: the one-line text and the JSON of structuredContent, together',
})
await client.close()
await sim.close()
