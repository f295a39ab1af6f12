// Builds the device into dist/: live-bridge.js (the v8 object's script: the dispatcher over LiveAPI, one
// IIFE with no imports), live-bridge-node.js (node.script's UDP relay, CommonJS), LiveBridge.maxpat and LiveBridge.amxd.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const common = { bundle: true, conditions: ['@live/source'], legalComments: 'none', logLevel: 'warning' }

/** The functions Max calls by message name; they must be top-level declarations in the script. */
export const MAX_HANDLERS = [
  'init',
  'ready',
  'port',
  'part',
  'datagram',
  'exportfolder',
  'exportstarted',
  'exportstopped',
  'status',
]

// LiveAPI and max are read as bare identifiers: Max's globalThis is jsthis
// (https://docs.cycling74.com/apiref/js/global-globalthis/), so globalThis.LiveAPI need not be the class.
// max.version and max.os: https://docs.cycling74.com/apiref/js/max/
const footer = (version) => `
var jsthis = this;
var device = LiveBridge.createMaxDevice(
  { outlet: function () { outlet.apply(jsthis, arguments) }, post: function () { post.apply(jsthis, arguments) } },
  {
    version: ${JSON.stringify(version)},
    LiveAPI: typeof LiveAPI === 'undefined' ? undefined : LiveAPI,
    max: typeof max === 'undefined' ? undefined : { version: String(max.version), os: String(max.os) }
  }
);
${MAX_HANDLERS.map((name) => `function ${name}() { device.${name}.apply(device, Array.prototype.slice.call(arguments)) }`).join('\n')}
function anything() { device.anything(messagename, Array.prototype.slice.call(arguments)) }
function notifydeleted() { device.dispose() }
`

/** Imports a TypeScript module of this package (bundled in memory: the build runs before any tsc). */
export async function importSource(entry) {
  const bundle = await esbuild.build({ ...common, entryPoints: [entry], format: 'esm', platform: 'node', write: false })
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`)
}

/** Builds every file of the device into `outdir`. */
export async function build(outdir = join(here, 'dist')) {
  const { version } = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'))
  await mkdir(outdir, { recursive: true })
  await esbuild.build({
    ...common,
    entryPoints: [join(here, 'src/maxEntry.ts')],
    outfile: join(outdir, 'live-bridge.js'),
    format: 'iife',
    globalName: 'LiveBridge',
    platform: 'neutral',
    target: 'es2022',
    banner: {
      js: '// Live Bridge for Max for Live: load in a [v8] object (Max 9).\nautowatch = 0;\ninlets = 1;\noutlets = 5;',
    },
    footer: { js: footer(version) },
  })
  await esbuild.build({
    ...common,
    entryPoints: [join(here, 'src/node/nodeEntry.ts')],
    outfile: join(outdir, 'live-bridge-node.js'),
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['max-api'],
  })
  const { deviceFiles } = await importSource(join(here, 'src/device/deviceFiles.ts'))
  for (const [name, content] of Object.entries(deviceFiles())) await writeFile(join(outdir, name), content)
  // Node reads live-bridge-node.js as CommonJS unless a package.json says otherwise; this package says "module".
  await writeFile(join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`)
  return outdir
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await build()
  console.log(`built the device into ${out}`)
}
