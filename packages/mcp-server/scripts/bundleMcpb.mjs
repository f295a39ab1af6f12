/**
 * Builds the Claude Desktop extension `mcpb/dist/live-mcp.mcpb` (an MCP Bundle, packed with @anthropic-ai/mcpb):
 * the server as one self-contained esbuild bundle (the MCP SDK and zod inside, so it needs no node_modules and
 * runs on the Node that Claude Desktop ships), and `mcpb/manifest.json` with this package's version and the
 * tools' names and descriptions. The manifest's user_config (host, port, simulator mode, tools) reaches the
 * server as ABLETON_OSC_HOST, ABLETON_OSC_PORT, LIVE_MCP_SIM and LIVE_MCP_TOOLS. Run by `pnpm build`, after tsc.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { packExtension } from '@anthropic-ai/mcpb'
import { bundleServer } from '../build.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
// Beside the manifest, not in dist/: the npm package ships dist/, and the bundle is not part of it.
const staging = path.join(root, 'mcpb/dist/live-mcp')
const output = path.join(root, 'mcpb/dist/live-mcp.mcpb')

await rm(staging, { recursive: true, force: true })
await rm(output, { force: true })
await bundleServer({
  outdir: path.join(staging, 'server'),
  // MIDI clock output is not a tool of the server; its native module is never loaded.
  external: ['@julusian/midi'],
  // Bundled CommonJS (ajv, inside the SDK) calls require(): give the ESM output one.
  banner:
    "import { createRequire as __liveRequire } from 'node:module'; const require = __liveRequire(import.meta.url);",
})

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))
const manifest = JSON.parse(await readFile(path.join(root, 'mcpb/manifest.json'), 'utf8'))
// The tools as the default list shows them: the library build (tsc) ran just before.
const { ALL_TOOLS } = await import(path.join(root, 'dist/index.js'))
manifest.version = pkg.version
manifest.tools = ALL_TOOLS.map((tool) => ({ name: tool.name, description: tool.description }))
await mkdir(staging, { recursive: true })
// The package marks itself ESM; the bundle's .js files need the same mark once outside it.
await writeFile(path.join(staging, 'server/package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
if (!(await packExtension({ extensionPath: staging, outputPath: output, silent: true }))) {
  console.error(
    'bundleMcpb: mcpb pack refused mcpb/dist/live-mcp (run `pnpm exec mcpb validate mcpb/dist/live-mcp/manifest.json` to see why)',
  )
  process.exit(1)
}
