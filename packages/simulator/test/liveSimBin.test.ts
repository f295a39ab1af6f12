import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type OscTestClient, openOscTestClient } from '@live/compliance'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort, waitUntil } from './udpHarness.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const bin = fileURLToPath(new URL('../src/bin/liveSim.ts', import.meta.url))

interface Run {
  readonly child: ChildProcess
  stdout: string
  stderr: string
  readonly exit: Promise<number | null>
}

const running: Run[] = []
const clients: OscTestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close()
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL')
    await run.exit
  }
})

/** Runs the bin from source (tsx, workspace packages resolved to their source), with no ABLETON_OSC_* in its env. */
function liveSim(args: readonly string[]): Run {
  const env = { ...process.env }
  delete env.ABLETON_OSC_HOST
  delete env.ABLETON_OSC_PORT
  const child = spawn(process.execPath, ['--conditions=@live/source', '--import', 'tsx', bin, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const run: Run = {
    child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  }
  child.stdout?.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString()
  })
  running.push(run)
  return run
}

describe('the live-sim bin', () => {
  it('prints where it listens, answers /live/test over UDP and exits 0 on SIGTERM', async () => {
    const client = await openOscTestClient({ host: '127.0.0.1', port: 9 })
    clients.push(client)
    const port = await freePort()
    const run = liveSim(['--port', String(port), '--reply-port', String(client.port), '--tick-ms', '20'])
    await waitUntil(() => run.stdout.includes('listening'), `the listening line (stderr: ${run.stderr})`, 15_000)
    expect(run.stdout.split('\n')[0]).toBe(
      `live-sim (abletonosc flavour) listening on 127.0.0.1:${port}, replies to port ${client.port}, set: default (4 tracks, 8 scenes)`,
    )
    client.setServer('127.0.0.1', port)
    client.send({ address: '/live/test', args: [] })
    const [reply] = await client.waitFor((m) => m.address === '/live/test' && m.args[0] === 'ok')
    expect(reply?.args).toEqual(['ok'])
    run.child.kill('SIGTERM')
    expect(await run.exit).toBe(0)
  })

  it('logs each message and reply with --verbose in the bridge flavour', async () => {
    const port = await freePort()
    const run = liveSim(['--flavour', 'bridge', '--port', String(port), '--verbose'])
    await waitUntil(() => run.stdout.includes('listening'), `the listening line (stderr: ${run.stderr})`, 15_000)
    expect(run.stdout).toContain("replies to each sender's port")
    const client = await openOscTestClient({ host: '127.0.0.1', port })
    clients.push(client)
    client.send({ address: '/live/song/get/tempo', args: [] })
    await client.waitFor('/live/song/get/tempo')
    await waitUntil(() => run.stdout.includes('→'), 'the verbose reply line')
    expect(run.stdout).toContain(`← 127.0.0.1:${client.port} /live/song/get/tempo ,`)
    expect(run.stdout).toContain(`→ 127.0.0.1:${client.port} /live/song/get/tempo ,f 120`)
    run.child.kill('SIGINT')
    expect(await run.exit).toBe(0)
  })

  it('exits 2 naming the flag, the value and the choices on a bad flag value', async () => {
    const run = liveSim(['--flavour', 'live'])
    expect(await run.exit).toBe(2)
    expect(run.stderr).toMatchInlineSnapshot(`
      "live-sim: --flavour must be one of abletonosc, bridge (got "live")
        Run live-sim --help for usage.
      "
    `)
  })

  it('prints usage with --help', async () => {
    const run = liveSim(['--help'])
    expect(await run.exit).toBe(0)
    expect(run.stdout).toContain('Usage: live-sim [options]')
  })
})
