/**
 * Bundles the `live-mcp` command with esbuild into `dist/bundle/` (run after tsc, which builds the library).
 * Node's ESM loader pays for every file: the unbundled server loads ~120 of ours before its first answer,
 * the bundle a handful. The SDK and zod stay external (one copy, shared with whoever embeds the server);
 * workflows, the simulator and the HTTP transport are chunks loaded on first use.
 * `bundleServer` is also what scripts/bundleMcpb.mjs builds the Claude Desktop extension's server with.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = path.dirname(fileURLToPath(import.meta.url))

/**
 * Bundles src/bin/liveMcp.ts (from the workspace's sources) into `outdir`, ESM with lazily loaded chunks.
 *
 * @example
 * await bundleServer({ outdir: 'dist/bundle', external: ['zod'] })
 */
export async function bundleServer({ outdir, external, banner }) {
  await rm(path.resolve(root, outdir), { recursive: true, force: true })
  await build({
    absWorkingDir: root,
    entryPoints: { 'live-mcp': 'src/bin/liveMcp.ts' },
    outdir: path.resolve(root, outdir),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    conditions: ['@live/source'],
    external,
    ...(banner === undefined ? {} : { banner: { js: banner } }),
    legalComments: 'none',
    logLevel: 'warning',
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await bundleServer({
    outdir: 'dist/bundle',
    external: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*', 'zod', 'zod/*', '@julusian/midi'],
  })
}
