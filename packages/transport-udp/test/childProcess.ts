import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { waitFor } from '@live/transport-compliance'

/** One line a child printed. */
export interface ChildEvent {
  readonly type: string
  readonly [key: string]: unknown
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const script = fileURLToPath(new URL('./fixtures/sharedChild.ts', import.meta.url))

/**
 * Spawns `node --import tsx sharedChild.ts` with the workspace's source condition, and records
 * what it prints.
 */
export function spawnChild(name: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=@live/source', '--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const events: ChildEvent[] = []
  let stderr = ''
  let nextId = 0
  createInterface({ input: child.stdout! }).on('line', (line) => events.push(JSON.parse(line) as ChildEvent))
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  async function next(predicate: (event: ChildEvent) => boolean, what: string): Promise<ChildEvent> {
    await waitFor(
      () => events.some(predicate) || child.exitCode !== null,
      `${name}: ${what}`,
      () => ({ events, stderr }),
    )
    const found = events.find(predicate)
    if (!found) throw new Error(`${name} exited (${child.exitCode}) before ${what}; stderr: ${stderr}`)
    return found
  }

  return {
    name,
    events,
    /** Messages the child received, as `address args…` strings. */
    messages: () =>
      events.filter((e) => e.type === 'message').map((e) => `${e.address} ${(e.args as unknown[]).join(' ')}`),
    /** Waits for the first event that matches. */
    next,
    /** Runs a command in the child and waits until it is done. */
    async run(cmd: string): Promise<ChildEvent> {
      const id = ++nextId
      child.stdin!.write(`${JSON.stringify({ cmd, id })}\n`)
      await next((e) => e.type === 'done' && e.id === id, `command ${cmd} #${id} to finish`)
      return events.filter((e) => e.type === 'role').at(-1) ?? { type: 'none' }
    },
    /** Kills the process outright, as a crash would. */
    async kill(): Promise<void> {
      child.kill('SIGKILL')
      await exited
    },
    /** Asks the child to close its transport and exit. */
    async stop(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin!.write(`${JSON.stringify({ cmd: 'close', id: 0 })}\n`)
        await next((e) => e.type === 'closed', 'closing its transport')
        await waitFor(() => child.exitCode !== null, `${name} to exit on its own after close() (a handle left open?)`)
      }
    },
  }
}

/** A child {@link spawnChild} returns. */
export type Child = ReturnType<typeof spawnChild>
