import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createSimulator, type Simulator } from '@live/simulator'
import { freeUdpPort } from '@live/test-utils'
import { udp } from '@live/transport-udp'
import { afterEach, describe, expect, it } from 'vitest'
import type { LiveClient } from '../src/clientTypes.js'
import { createClient } from '../src/createClient.js'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const script = fileURLToPath(new URL('./fixtures/forgetfulScript.ts', import.meta.url))

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Line {
  readonly type: string
  readonly value?: number
}

/** Runs the script in its own node process; `exited` resolves with its exit code when it ends by itself. */
function runScript(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=@live/source', '--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const lines: Line[] = []
  const waiters: (() => void)[] = []
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(JSON.parse(line) as Line)
    for (const wake of waiters.splice(0)) wake()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  void exited.then(() => {
    for (const wake of waiters.splice(0)) wake()
  })
  /** Waits for a line (events, not time); fails if the process ends first. */
  async function line(match: (line: Line) => boolean, what: string): Promise<Line> {
    for (;;) {
      const found = lines.find(match)
      if (found !== undefined) return found
      if (child.exitCode !== null) throw new Error(`the script exited (${child.exitCode}) before ${what}: ${stderr}`)
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  return { child, lines, line, exited, stderr: () => stderr }
}

async function simulator(flavour: 'abletonosc' | 'bridge'): Promise<{ sim: Simulator; replyPort: string }> {
  const replyPort = await freeUdpPort()
  const sim = await createSimulator({ flavour, port: 0, replyPort, tickMs: 10 })
  cleanups.push(() => sim.close())
  return { sim, replyPort: flavour === 'bridge' ? 'source' : String(replyPort) }
}

/** A client in the test process on the same reply port as the script (so one of the two is the hub). */
function neighbour(sim: Simulator, replyPort: string): LiveClient {
  const live = createClient({
    transport: udp({
      host: '127.0.0.1',
      port: sim.port,
      replyPort: Number(replyPort),
      bindAddress: '127.0.0.1',
      env: {},
    }),
  })
  cleanups.push(() => live.close())
  return live
}

describe.each(['abletonosc', 'bridge'] as const)('a script that forgets close(), on the %s simulator', (flavour) => {
  it('exits with code 0 by itself once its request is answered', async () => {
    const { sim, replyPort } = await simulator(flavour)
    const run = runScript({ SIM_PORT: String(sim.port), REPLY_PORT: replyPort, MODE: 'get' })
    expect(await run.exited).toBe(0)
    expect(run.lines).toEqual([{ type: 'tempo', value: 120 }])
  })

  it('sends what it set before it ends', async () => {
    const { sim, replyPort } = await simulator(flavour)
    const run = runScript({ SIM_PORT: String(sim.port), REPLY_PORT: replyPort, MODE: 'set' })
    expect(await run.exited).toBe(0)
    expect(run.lines.map((l) => l.type)).toEqual(['tempo', 'set'])
    await expect.poll(() => sim.model.get('live_set', 'tempo')).toBe(125)
  })

  it('stays alive while it watches, and ends by itself after unwatch', async () => {
    const { sim, replyPort } = await simulator(flavour)
    const run = runScript({ SIM_PORT: String(sim.port), REPLY_PORT: replyPort, MODE: 'watch' })
    await run.line((l) => l.type === 'value' && l.value === 120, 'its first watched value')
    // Still running: it takes each change Live sends it.
    sim.model.set('live_set', 'tempo', 128)
    await run.line((l) => l.type === 'value' && l.value === 128, 'the change to 128')
    expect(run.child.exitCode).toBe(null)
    sim.model.set('live_set', 'tempo', 130)
    await run.line((l) => l.type === 'unwatched', 'unwatch')
    expect(await run.exited).toBe(0)
  })
})

describe('a script that forgets close(), sharing the reply port', () => {
  it('as a member: ends by itself, and the hub in this process goes on', async () => {
    const { sim, replyPort } = await simulator('abletonosc')
    const hub = neighbour(sim, replyPort)
    expect(await hub.song.tempo.get()).toBe(120)
    expect((hub.transport as ReturnType<typeof udp>).replyRole).toBe('hub')
    const run = runScript({ SIM_PORT: String(sim.port), REPLY_PORT: replyPort, MODE: 'get' })
    expect(await run.exited).toBe(0)
    expect(run.lines).toEqual([{ type: 'tempo', value: 120 }])
    expect(await hub.song.signatureNumerator.get()).toBe(4)
  })

  it('as the hub: serves a member while it watches, ends by itself, and the member takes the port over', async () => {
    const { sim, replyPort } = await simulator('abletonosc')
    const run = runScript({ SIM_PORT: String(sim.port), REPLY_PORT: replyPort, MODE: 'watch' })
    await run.line((l) => l.type === 'value' && l.value === 120, 'its first watched value')
    const member = neighbour(sim, replyPort)
    expect(await member.track(0).name.get()).toBe('1-MIDI')
    expect((member.transport as ReturnType<typeof udp>).replyRole).toBe('member')
    sim.model.set('live_set', 'tempo', 130)
    await run.line((l) => l.type === 'unwatched', 'unwatch')
    expect(await run.exited).toBe(0)
    await expect.poll(() => (member.transport as ReturnType<typeof udp>).replyRole).toBe('hub')
    expect(await member.track(1).name.get()).toBe('2-MIDI')
  })
})
