#!/usr/bin/env node
/**
 * Publish-readiness, proven by installing: packs every public package of the workspace with `pnpm pack`
 * (as `pnpm publish` would), installs the tarballs with npm into a fresh project outside the workspace,
 * and there runs what the READMEs promise: each ```ts example (typechecked against the installed
 * declarations, then run against a simulator started from the installed `live-sim`), and the commands.
 *
 * A README example runs unless the line before its fence says otherwise:
 *   <!-- example: bridge -->            run it against the simulator's bridge flavour
 *   <!-- example: typecheck only, because … -->   typecheck it, do not run it (say why)
 *
 * Run after `pnpm build` (`pnpm test` builds): `node tooling/scripts/packCheck.mjs [--keep]`.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { examplesOf, readmesOf, typecheckExamples } from './readmeExamples.mjs'

const root = join(fileURLToPath(import.meta.url), '..', '..', '..')
const keep = process.argv.includes('--keep')
const started = Date.now()
const failures = []
const log = (line) => process.stdout.write(`[pack-check] ${line}\n`)

/** The workspace's public packages: every packages/* and apps/* folder whose manifest is not private. */
function publicPackages() {
  return ['packages', 'apps']
    .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options })
}

/** A UDP port that is free now (bound, then released). */
async function freePort() {
  const socket = createSocket('udp4')
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise((resolve) => socket.close(resolve))
  return port
}

/** Runs a program to its end with a deadline; resolves with its exit code and output. */
function runProgram(command, args, options, deadlineMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, output })
    })
  })
}

/** Starts the installed `live-sim` on free ports and waits for its listening line. */
async function startSimulator(app, flavour) {
  const port = await freePort()
  const replyPort = await freePort()
  const child = spawn(
    join(app, 'node_modules/.bin/live-sim'),
    ['--set', 'demo', '--flavour', flavour, '--port', String(port), '--reply-port', String(replyPort)],
    { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`live-sim did not start within 15 s:\n${output}`)), 15_000)
    const onData = (chunk) => {
      output += chunk
      if (/listening on/.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`live-sim exited with ${code}:\n${output}`)))
  })
  return {
    env: {
      ABLETON_OSC_PORT: String(port),
      ABLETON_OSC_REPLY_PORT: flavour === 'bridge' ? 'source' : String(replyPort),
    },
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit')
        child.on('exit', resolve)
        child.kill('SIGTERM')
      }),
  }
}

/** Speaks enough MCP over stdio to list the tools of the installed `live-mcp --sim`. */
async function listMcpTools(app) {
  const child = spawn(join(app, 'node_modules/.bin/live-mcp'), ['--sim'], { cwd: app, stdio: ['pipe', 'pipe', 'pipe'] })
  let buffer = ''
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const replies = new Map()
  child.stdout.on('data', (chunk) => {
    buffer += chunk
    let newline = buffer.indexOf('\n')
    while (newline >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      newline = buffer.indexOf('\n')
      try {
        const message = JSON.parse(line)
        if (message.id !== undefined) replies.get(message.id)?.(message)
      } catch {}
    }
  })
  const request = (id, method, params) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`live-mcp: no answer to ${method} within 20 s\n${stderr}`)),
        20_000,
      )
      replies.set(id, (message) => {
        clearTimeout(timer)
        resolve(message)
      })
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`)
    })
  try {
    const init = await request(1, 'initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'pack-check', version: '0.0.0' },
    })
    if (init.error !== undefined) throw new Error(`live-mcp initialize failed: ${JSON.stringify(init.error)}`)
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`)
    const list = await request(2, 'tools/list', {})
    if (list.error !== undefined) throw new Error(`live-mcp tools/list failed: ${JSON.stringify(list.error)}`)
    return list.result.tools.map((tool) => tool.name)
  } finally {
    child.kill('SIGTERM')
  }
}

/** The installed `live` against the installed `live-sim`: a set, a JSON read, and `live ui --sim` serving its page. */
async function checkLiveCommand(app) {
  const live = join(app, 'node_modules/.bin/live')
  const sim = await startSimulator(app, 'abletonosc')
  try {
    const env = { ...process.env, ...sim.env }
    const set = await runProgram(live, ['tempo', '128'], { cwd: app, env }, 20_000)
    if (set.code !== 0) failures.push(`live tempo 128 exited with ${set.code}\n${set.output.trim()}`)
    const status = await runProgram(live, ['status', '--json'], { cwd: app, env }, 20_000)
    let tempo
    try {
      tempo = JSON.parse(status.output).song?.tempo
    } catch {}
    if (status.code !== 0 || tempo !== 128) {
      failures.push(`live status --json: expected tempo 128 in one JSON document, got\n${status.output.trim()}`)
    } else log('live tempo 128 and live status --json work against the installed live-sim')
  } finally {
    await sim.stop()
  }
  // live ui --sim: its first line is a JSON document with the page's address.
  const child = spawn(live, ['ui', '--sim', '--http', '0', '--json'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`live ui --sim printed no address within 20 s:\n${output}`)),
        20_000,
      )
      const onData = (chunk) => {
        output += chunk
        const line = output.split('\n').find((l) => l.startsWith('{'))
        if (line === undefined) return
        clearTimeout(timer)
        resolve(JSON.parse(line).url)
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('exit', (code) => reject(new Error(`live ui --sim exited with ${code}:\n${output}`)))
    })
    const page = await fetch(url)
    const html = await page.text()
    if (page.status !== 200 || !html.includes('<html')) failures.push(`live ui --sim: ${url} answered ${page.status}`)
    else log(`live ui --sim serves its page at ${url}`)
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error))
  } finally {
    child.removeAllListeners('exit')
    child.kill('SIGINT')
  }
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'live-pack-check-'))
  const tarballs = join(work, 'tarballs')
  const app = join(work, 'app')
  mkdirSync(tarballs)
  mkdirSync(app)
  try {
    // 1. Pack, as publishing would: workspace: and catalog: ranges become versions.
    const packages = publicPackages()
    for (const { dir } of packages) run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir })
    const files = readdirSync(tarballs).filter((f) => f.endsWith('.tgz'))
    log(`packed ${files.length} packages: ${packages.map((p) => p.manifest.name).join(', ')}`)
    for (const file of files) {
      const manifest = JSON.parse(run('tar', ['-xzOf', join(tarballs, file), 'package/package.json']))
      const ranges = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }
      for (const [name, range] of Object.entries(ranges)) {
        if (/^(workspace|catalog):/.test(range)) failures.push(`${file}: dependency ${name} is still ${range}`)
      }
      const listing = run('tar', ['-tzf', join(tarballs, file)])
      for (const needed of ['package/README.md', 'package/dist/index.js', 'package/dist/index.d.ts']) {
        if (!listing.includes(needed)) failures.push(`${file}: ${needed.slice(8)} is not in the tarball`)
      }
    }

    // 2. A fresh project outside the workspace, as a user makes one.
    writeFileSync(
      join(app, 'package.json'),
      `${JSON.stringify({ name: 'pack-check-app', private: true, type: 'module' }, null, 2)}\n`,
    )
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files.map((f) => join(tarballs, f))], {
      cwd: app,
    })
    log(`installed into ${app}`)

    // 3. The READMEs' examples: typechecked against the installed declarations, then run.
    const published = new Set(['README.md', ...packages.map(({ dir }) => relative(root, join(dir, 'README.md')))])
    const examples = readmesOf(root)
      .filter((readme) => published.has(readme))
      .flatMap((readme) => examplesOf(root, readme))
    // esbuild and TypeScript come from the workspace (the CLI builds with esbuild): the app installs only our tarballs.
    const ts = createRequire(join(root, 'package.json'))('typescript')
    const esbuild = createRequire(join(root, 'apps/cli/package.json'))('esbuild')
    const { files: sources, problems } = typecheckExamples(ts, root, app, examples)
    failures.push(...problems)
    log(`typechecked ${sources.length} README examples against the installed packages`)

    let ran = 0
    for (const { file, example } of sources) {
      if (example.directive.startsWith('typecheck only')) continue
      const flavour = example.directive === 'bridge' ? 'bridge' : 'abletonosc'
      const js = file.replace(/\.mts$/, '.mjs')
      writeFileSync(js, (await esbuild.transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm' })).code)
      const sim = await startSimulator(app, flavour)
      try {
        const result = await runProgram('node', [js], { cwd: app, env: { ...process.env, ...sim.env } }, 30_000)
        if (result.code !== 0) {
          const why = result.signal === 'SIGKILL' ? 'did not end within 30 s' : `exited with ${result.code}`
          failures.push(`${example.readme}:${example.line}: the example ${why}\n${result.output.trim()}`)
        }
      } finally {
        await sim.stop()
      }
      ran++
    }
    log(`ran ${ran} README examples against the installed live-sim`)

    // 4. The commands the packages install.
    const bins = readdirSync(join(app, 'node_modules/.bin'))
    for (const { manifest } of packages) {
      for (const bin of Object.keys(manifest.bin ?? {})) {
        if (!bins.includes(bin)) failures.push(`${manifest.name}: its command ${bin} was not linked by npm`)
        else {
          const result = await runProgram(join(app, 'node_modules/.bin', bin), ['--help'], { cwd: app }, 20_000)
          if (result.code !== 0) failures.push(`${bin} --help exited with ${result.code}\n${result.output.trim()}`)
        }
      }
    }
    if (bins.includes('live') && bins.includes('live-sim')) await checkLiveCommand(app)
    if (bins.includes('live-mcp')) {
      const tools = await listMcpTools(app)
      if (!tools.includes('ableton_set_tempo')) failures.push(`live-mcp --sim lists no ableton_set_tempo: ${tools}`)
      else log(`live-mcp --sim lists ${tools.length} tools`)
    }
  } finally {
    if (keep) log(`kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
  if (failures.length > 0) {
    process.stderr.write(`[pack-check] ${failures.length} problem(s):\n${failures.map((f) => `  - ${f}`).join('\n')}\n`)
    process.exit(1)
  }
  log(`all good in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

main().catch((error) => {
  process.stderr.write(`[pack-check] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
