#!/usr/bin/env node
// The live-mcp command: a stable file for package managers to link before the build exists.
// It runs the bundle (dist/bundle/, see build.mjs), which starts faster than the per-file library build.
// From a checkout where nothing is built yet, it builds that bundle first (esbuild, a few seconds, once),
// so `node packages/mcp-server/bin/live-mcp.js` works right after `pnpm install`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = new URL('../dist/bundle/live-mcp.js', import.meta.url)
if (!existsSync(bundle)) {
  const say = (line) => process.stderr.write(`[live-mcp] ${line}\n`)
  const build = fileURLToPath(new URL('../build.mjs', import.meta.url))
  if (!existsSync(build)) {
    say('dist/bundle/live-mcp.js is missing from this installation: reinstall @live/mcp-server.')
    process.exit(1)
  }
  say('first start from a checkout: bundling the server into dist/bundle (once, a few seconds)...')
  // stdout carries the MCP protocol: esbuild's words go to stderr.
  const run = spawnSync(process.execPath, [build], { stdio: ['ignore', 2, 2] })
  if (run.status !== 0 || !existsSync(bundle)) {
    say('could not build it: run `pnpm install && pnpm build` in the repository, then start live-mcp again.')
    process.exit(1)
  }
}
await import(bundle.href)
