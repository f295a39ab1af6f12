import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLive, startSim, type TestSim } from './runLive.js'

describe('live snapshot save, diff and restore', () => {
  let s: TestSim
  let dir: string
  beforeAll(async () => {
    s = await startSim('bridge')
    dir = await mkdtemp(path.join(tmpdir(), 'live-cli-snapshot-'))
  })
  afterAll(async () => {
    await s?.close()
    await rm(dir, { recursive: true, force: true })
  })
  const get = (p: string, prop: string) => s.sim.model.get(p, prop)

  it('saves the set, says what changed in words, and restores it', async () => {
    const file = path.join(dir, 'f.json')
    const saved = await runLive(['snapshot', 'save', file, ...s.flags])
    expect(saved.code).toBe(0)
    expect(saved.stdout).toBe(`saved 5 tracks, 8 scenes, 124 BPM to ${file}\n`)
    expect(await readdir(dir)).toEqual(['f.json'])

    expect((await runLive(['tempo', '140', ...s.flags])).code).toBe(0)
    expect((await runLive(['track', '1', 'volume', '-12', ...s.flags])).code).toBe(0)
    const diff = await runLive(['snapshot', 'diff', file, ...s.flags])
    expect(diff.code).toBe(0)
    expect(diff.stdout).toBe("Song: tempo 124 → 140 BPM\nTrack 1 'Bass': volume -2.0 dB → -12.0 dB\n")

    const unconfirmed = await runLive(['snapshot', 'restore', file, ...s.flags])
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.stderr).toContain(
      'INVALID_ARGUMENTS: snapshot restore would change 2 value(s) in the set: add --yes to confirm',
    )
    const planned = await runLive(['snapshot', 'restore', file, '--dry-run', ...s.flags])
    expect(planned.code).toBe(0)
    expect(planned.stdout).toContain('  /live/song/set/tempo 124')
    expect(get('live_set', 'tempo')).toBe(140)

    const restored = await runLive(['snapshot', 'restore', file, '--yes', ...s.flags])
    expect(restored.code).toBe(0)
    expect(restored.stdout).toBe(`restored 2 change(s) from ${file}\n`)
    expect(get('live_set', 'tempo')).toBe(124)
    expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(0.8, 5)
    expect((await runLive(['snapshot', 'diff', file, ...s.flags])).stdout).toBe(
      `no differences between ${file} and the set now\n`,
    )
  })

  it('diffs two files as JSON without touching the set', async () => {
    const a = path.join(dir, 'a.json')
    const b = path.join(dir, 'b.json')
    await runLive(['snapshot', 'save', a, '--no-notes', ...s.flags])
    await runLive(['track', '2', 'mute', 'on', ...s.flags])
    await runLive(['snapshot', 'save', b, '--no-notes', ...s.flags])
    await runLive(['track', '2', 'mute', 'off', ...s.flags])
    const diff = await runLive(['snapshot', 'diff', a, b, '--json', ...s.flags])
    expect(JSON.parse(diff.stdout).changes).toEqual([
      {
        path: 'tracks[2].mute',
        keys: ['tracks', 2, 'mute'],
        kind: 'changed',
        before: false,
        after: true,
        subject: "Track 2 'Keys'",
        text: "Track 2 'Keys': muted",
      },
    ])
  })

  it('refuses a file that is not a snapshot, naming it, and a missing action', async () => {
    const bad = path.join(dir, 'bad.json')
    await writeFile(bad, '{"format": "something else"}')
    const run = await runLive(['snapshot', 'diff', bad, ...s.flags])
    expect(run.code).toBe(1)
    expect(run.stderr.split('\n')[0]).toBe(
      `live snapshot: FILE_FAILED: ${bad}: is not a valid snapshot: field format: expected format "live-snapshot": this is not a @live snapshot`,
    )
    const usage = await runLive(['snapshot', 'load', bad, ...s.flags])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('snapshot action must be one of save, restore, diff (got "load")')
  })
})
