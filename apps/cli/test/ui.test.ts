import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { liveBin, runLive } from './runLive.js'

/** `live ui ...` as a subprocess, and its output so far. */
interface UiRun {
  child: ChildProcessWithoutNullStreams
  stdout(): string
  stderr(): string
  exited: Promise<number | null>
}

function startUi(args: readonly string[]): UiRun {
  const child = spawn(process.execPath, [liveBin, 'ui', ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { child, stdout: () => stdout, stderr: () => stderr, exited }
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
      .on('error', reject)
      .end()
  })
}

describe('live ui', () => {
  let run: UiRun | undefined
  afterEach(async () => {
    if (run !== undefined && run.child.exitCode === null) {
      run.child.kill('SIGINT')
      await run.exited
    }
    run = undefined
  })

  it('serves the surface for the demo set with --sim, follows a tempo set by the CLI, and stops on Ctrl-C', async () => {
    run = startUi(['--sim', '--http', '0', '--json'])
    await expect.poll(() => run!.stdout().includes('\n'), { timeout: 15_000 }).toBe(true)
    const info = JSON.parse(run.stdout()) as { url: string; port: number; simPort: number; live: string; lanUrls: [] }
    expect(info.url).toBe(`http://127.0.0.1:${info.port}/`)
    expect(info.lanUrls).toEqual([])
    expect(info.live).toBe(`a simulated Live set (demo, bridge flavour, port ${info.simPort})`)
    const page = await get(info.url)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>live ui</title>')

    const state = new Map<string, unknown>()
    const ws = new WebSocket(`ws://127.0.0.1:${info.port}/socket`, {
      headers: { origin: `http://127.0.0.1:${info.port}` },
    })
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString())
      for (const [key, value] of Object.entries(message.entries ?? {})) state.set(key, value)
    })
    try {
      await expect.poll(() => state.get('live'), { timeout: 15_000 }).toBe('connected')
      await expect.poll(() => state.get('t.0.name')).toBe('Drums')
      expect(state.get('song.tempo')).toBe(124)
      const tempo = await runLive(['tempo', '133', '--port', String(info.simPort), '--reply-port', 'source'])
      expect(tempo.code).toBe(0)
      await expect.poll(() => state.get('song.tempo'), { timeout: 15_000 }).toBe(133)
    } finally {
      ws.close()
    }
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
    expect(run.stderr()).toBe('') // --json: one document on stdout, nothing else
  })

  it('with --lan, prints the address with its token and a QR code, and refuses requests without the token', async () => {
    run = startUi(['--sim', '--lan', '--http', '0'])
    await expect.poll(() => /Ctrl-C stops it/.test(run!.stdout()), { timeout: 15_000 }).toBe(true)
    const url = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(run.stdout())?.[1]
    expect(url).toBeDefined()
    const port = new URL(url!).port
    expect((await get(`http://127.0.0.1:${port}/`)).status).toBe(403)
    expect((await get(url!)).status).toBe(200)
    // Either this machine has a network (its addresses and a QR code of the first), or it says it has none.
    const out = run.stdout()
    expect(out.includes('█') || out.includes('No network address found')).toBe(true)
  })

  it('says what is wrong with its flags', async () => {
    const bad = await runLive(['ui', '--http', 'abc'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatchInlineSnapshot(`
      "live ui: INVALID_ARGUMENTS: --http must be a whole number from 0 to 65535 (got "abc")
      "
    `)
    const extra = await runLive(['ui', 'now'])
    expect(extra.code).toBe(2)
    expect(extra.stderr).toMatchInlineSnapshot(`
      "live ui: INVALID_ARGUMENTS: unexpected argument "now"
        Usage: live ui [--http PORT] [--sim] [--lan]
      "
    `)
  })
})
