/**
 * Bundles the `live` command with esbuild: `dist/live.js` (ESM, node20, with a shebang) plus lazily
 * imported chunks, so a one-shot command like `live tempo 120` loads only what it runs.
 */
import { chmod, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.dirname(fileURLToPath(import.meta.url))
await rm(path.join(root, 'dist'), { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: { live: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  conditions: ['@live/source'],
  external: ['@julusian/midi'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __liveCreateRequire } from 'node:module';\nconst require = __liveCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
})
await chmod(path.join(root, 'dist/live.js'), 0o755)
