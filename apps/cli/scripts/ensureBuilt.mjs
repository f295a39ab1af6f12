/**
 * Used by bin/live.js in a checkout: rebuilds the bundle (`node build.mjs`) when dist/ is missing or
 * older than a file it was built from (the list build.mjs wrote to dist/inputs.json), so `live`,
 * `pnpm live` and `pnpm -s live` run what the sources say. The check is one stat per input; a build
 * prints one line and esbuild's own messages, all on stderr. Concurrent first runs build once: a lock
 * directory makes the others wait, then find the build fresh.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** How long another process's build may hold the lock before it is taken as abandoned. */
const LOCK_STALE_MS = 120_000
/** How often a waiting process looks at the lock. */
const LOCK_POLL_MS = 50

/** Why dist/ must be rebuilt, or undefined when it is fresh. */
function staleness(root) {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(path.join(root, 'dist', 'inputs.json'), 'utf8'))
  } catch {
    return 'first use'
  }
  for (const input of stamp.inputs) {
    const stat = statSync(path.join(root, input), { throwIfNoEntry: false })
    if (stat === undefined) return `${input} is gone`
    if (stat.mtimeMs > stamp.builtAt) return `${input} changed`
  }
  return undefined
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Takes the build lock, waiting while another process holds it; false when that process built already. */
function lock(root, lockDir) {
  for (;;) {
    try {
      mkdirSync(lockDir)
      return true
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
    }
    const held = statSync(lockDir, { throwIfNoEntry: false })
    if (held !== undefined && Date.now() - held.mtimeMs > LOCK_STALE_MS)
      rmSync(lockDir, { recursive: true, force: true })
    else sleep(LOCK_POLL_MS)
    if (staleness(root) === undefined) return false
  }
}

/** Rebuilds dist/ under `root` (a file URL or path) when it is stale; exits 1 naming the failure when the build fails. */
export function ensureBuilt(rootUrl) {
  const root = typeof rootUrl === 'string' ? rootUrl : fileURLToPath(rootUrl)
  if (staleness(root) === undefined) return
  const lockDir = path.join(root, 'dist.lock')
  if (!lock(root, lockDir)) return
  let failure
  try {
    const reason = staleness(root)
    if (reason === undefined) return
    process.stderr.write(`live: building the command (${reason})...\n`)
    const build = spawnSync(process.execPath, ['build.mjs'], { cwd: root, stdio: ['ignore', 2, 2] })
    if (build.status !== 0) failure = build.error?.message ?? `exit code ${build.status}`
  } finally {
    rmSync(lockDir, { recursive: true, force: true })
  }
  if (failure !== undefined) {
    process.stderr.write(`live: the build failed (${failure}): fix what it says above, then run live again\n`)
    process.exit(1)
  }
}
