import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freeUdpPort, liveBin, runLive } from './runLive.js'

/** `live sim --flavour bridge` as its own process, ready once it has printed its JSON summary. */
async function startBridgeSim(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [liveBin, 'sim', '--flavour', 'bridge', '--port', String(port), '--json'], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`live sim exited with ${code}`)))
  })
  return child
}

describe('live doctor --bridge', () => {
  let sim: ChildProcess
  let port: number
  beforeAll(async () => {
    port = await freeUdpPort()
    sim = await startBridgeSim(port)
  })
  afterAll(async () => {
    const exited = new Promise((resolve) => sim.once('exit', resolve))
    sim.kill('SIGINT')
    await exited
  })

  it('runs the self-test against live sim --flavour bridge and prints its table', async () => {
    const run = await runLive(['doctor', '--bridge', '--port', String(port)])
    expect([run.code, run.stderr]).toEqual([0, ''])
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toBe(`Live 12.1.5 · Max none (simulator) · ${process.platform} · 127.0.0.1:${port}`)
    expect(lines.at(-1)).toBe('All 30 calls answered as expected.')
    expect(lines.filter((line) => line.startsWith('✖'))).toEqual([])
    expect(lines.find((line) => line.includes('create_midi_track'))).toMatch(
      /^✔ call live_set create_midi_track -1 +\d+\.\d\d ms {2}\{"path":"live_set tracks 4"\}$/,
    )
    expect(lines.find((line) => line.includes('begin_undo_step'))).toMatch(
      /^– call live_set begin_undo_step .* 'Song' object has no attribute 'begin_undo_step'$/,
    )
  })

  it('--json gives the document for a bug report', async () => {
    const run = await runLive(['doctor', '--bridge', '--json', '--port', String(port)])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout)
    expect([report.ok, report.liveVersion, report.maxVersion, report.os]).toEqual([
      true,
      '12.1.5',
      'none (simulator)',
      process.platform,
    ])
    expect(report.rows).toHaveLength(30)
    expect(report.rows[0]).toEqual({
      call: 'call live_app get_major_version / get_minor_version / get_bugfix_version',
      result: 'ok',
      ms: expect.any(Number),
      detail: '12.1.5',
    })
  })

  it('says where to look and exits 4 when no bridge answers', async () => {
    const silent = await freeUdpPort()
    const run = await runLive(['doctor', '--bridge', '--port', String(silent), '--timeout', '100'])
    expect(run.code).toBe(4)
    expect(run.stdout).toContain(`✖ no self-test from 127.0.0.1:${silent} (TIMEOUT:`)
    expect(run.stdout).toContain('→ Is the Live Bridge device on a track in Live')
  })
})
