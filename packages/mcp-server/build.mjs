/**
 * Bundles the `live-mcp` command with esbuild into `dist/bundle/` (run after tsc, which builds the library).
 * Node's ESM loader pays for every file: the unbundled server loads ~120 of ours before its first answer,
 * the bundle a handful. The SDK and zod stay external (one copy, shared with whoever embeds the server);
 * workflows, the simulator and the HTTP transport are chunks loaded on first use.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.dirname(fileURLToPath(import.meta.url))
const outdir = path.join(root, 'dist/bundle')
await rm(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: { 'live-mcp': 'src/bin/liveMcp.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  conditions: ['@live/source'],
  external: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*', 'zod', 'zod/*', '@julusian/midi'],
  legalComments: 'none',
  logLevel: 'warning',
})
