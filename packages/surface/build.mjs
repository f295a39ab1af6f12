/**
 * Builds the surface's page into dist/page/ (after tsc built the server into dist/): the Preact app and its
 * styles bundled by esbuild into one app.js and one app.css, minified, beside index.html and the icon. The
 * server serves these files only: nothing is loaded from elsewhere.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.dirname(fileURLToPath(import.meta.url))
const out = path.join(root, 'dist', 'page')
await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })

await build({
  absWorkingDir: root,
  entryPoints: { app: 'src/page/main.tsx' },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome100', 'safari15', 'firefox100'],
  conditions: ['@live/source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
})
for (const file of ['index.html', 'icon.svg']) await copyFile(path.join(root, 'src/page', file), path.join(out, file))
