/**
 * Bundles the `live` command with esbuild in two builds, so a one-shot command like `live tempo 120`
 * loads one file:
 *
 * - `dist/live.js`: everything the command line reaches without a dynamic `import()`, in one file
 *   (ESM, node20, with a shebang). Node's ESM loader pays for each file, so the fast path is not split.
 * - `dist/lazy/`: what those `import()`s load (command groups, the client, the transport, the whole
 *   protocol), one entry each, split into shared chunks among themselves.
 *
 * - `dist/index.js`: the same for `import { runCli } from '@live/cli'` (its types come from tsc).
 *
 * The two builds each have a copy of the few modules both use (argument parsing, exit codes, LiveError);
 * nothing relies on their identity: `isLiveError` recognises a LiveError from either copy.
 *
 * Last it writes `dist/inputs.json`: every file the bundles were built from, and when. bin/live.js reads it
 * in a checkout to rebuild when a source has changed since (scripts/ensureBuilt.mjs).
 */
import { existsSync } from 'node:fs'
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const builtAt = Date.now()
const root = path.dirname(fileURLToPath(import.meta.url))
const dist = path.join(root, 'dist')
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))
// Only what this script writes: tsc's declarations stay.
await Promise.all(
  ['live.js', 'index.js', 'lazy', 'inputs.json'].map((f) => rm(path.join(dist, f), { recursive: true, force: true })),
)

const shared = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@live/source'],
  external: ['@julusian/midi'],
  banner: {
    js: "import { createRequire as __liveCreateRequire } from 'node:module';\nconst require = __liveCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  define: { LIVE_VERSION: JSON.stringify(version) },
}

// Small modules loaded with import() that stay inside live.js (evaluated on first use, never a file of their
// own): picocolors is CommonJS, and a CommonJS entry would lose its named exports across the two builds; the
// transport commands are the one-shot sends that must start fast.
const INLINE = new Set(['picocolors', '../commands/transport.js'])

/** Name of a lazily imported module's file in dist/lazy/: `../commands/tracks.js` → tracks, `@live/client` → client. */
const lazyName = (specifier) =>
  specifier.startsWith('.') ? path.basename(specifier, path.extname(specifier)) : specifier.replace(/^@[^/]+\//, '')

const lazyEntries = new Map()
const main = await build({
  ...shared,
  entryPoints: { live: 'src/main.ts', index: 'src/index.ts' },
  outdir: dist,
  splitting: false,
  banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` },
  plugins: [
    {
      name: 'lazy-imports',
      setup(b) {
        b.onResolve({ filter: /.*/ }, async (args) => {
          if (args.kind !== 'dynamic-import' || INLINE.has(args.path)) return undefined
          const resolved = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir })
          if (resolved.errors.length > 0) return { errors: resolved.errors }
          const name = lazyName(args.path)
          const known = lazyEntries.get(name)
          if (known !== undefined && known !== resolved.path) {
            return {
              errors: [{ text: `two lazy modules would both be dist/lazy/${name}.js: ${known} and ${resolved.path}` }],
            }
          }
          lazyEntries.set(name, resolved.path)
          return { path: `./lazy/${name}.js`, external: true }
        })
      },
    },
  ],
})

const lazy = await build({
  ...shared,
  entryPoints: Object.fromEntries(lazyEntries),
  outdir: path.join(dist, 'lazy'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
})
await chmod(path.join(dist, 'live.js'), 0o755)

// Dependencies come in through the lockfile: any change to them changes it.
let lockfile = root
while (!existsSync(path.join(lockfile, 'pnpm-lock.yaml')) && path.dirname(lockfile) !== lockfile) {
  lockfile = path.dirname(lockfile)
}
const inputs = [
  'build.mjs',
  'package.json',
  ...(existsSync(path.join(lockfile, 'pnpm-lock.yaml'))
    ? [path.relative(root, path.join(lockfile, 'pnpm-lock.yaml'))]
    : []),
  ...new Set(
    [main, lazy].flatMap((result) => Object.keys(result.metafile.inputs)).filter((f) => !f.includes('node_modules/')),
  ),
]
const stamp = path.join(dist, `inputs.json.${process.pid}`)
await writeFile(stamp, `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`)
await rename(stamp, path.join(dist, 'inputs.json'))
