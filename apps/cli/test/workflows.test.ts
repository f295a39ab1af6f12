import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path, { join } from 'node:path'
import { dbToVolume } from '@live/protocol'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { freeUdpPort, liveBin, runLive, startSim, type TestSim } from './runLive.js'

// 600 BPM: a bar lasts 0.4 s, so real-time workflows finish quickly.
const FAST = 600

describe('workflow commands on the bridge simulator', () => {
  let s: TestSim
  let dir: string
  beforeAll(async () => {
    s = await startSim('bridge')
    dir = await mkdtemp(path.join(tmpdir(), 'live-cli-workflows-'))
  })
  beforeEach(() => {
    s.sim.reset()
    s.sim.model.set('live_set', 'tempo', FAST)
  })
  afterAll(async () => {
    await s?.close()
    await rm(dir, { recursive: true, force: true })
  })
  const get = (p: string, prop: string) => s.sim.model.get(p, prop)

  it('fades a track volume to a level in dB over some beats', async () => {
    const run = await runLive(['fade', '0', '-12', '--beats', '4', ...s.flags])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^track 0 volume 0\.0 dB → -12\.0 dB in \d+ steps\n$/)
    expect(get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-12), 5)
  })

  it('fades the master and a return track, and modulates a device inside a rack (the bridge)', async () => {
    const master = await runLive(['fade', 'master', '-6', '--beats', '2', ...s.flags])
    expect(master.stderr).toBe('')
    expect(master.stdout).toMatch(/^master volume 0\.0 dB → -6\.0 dB in \d+ steps\n$/)
    expect(get('live_set master_track mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-6), 5)
    const ret = await runLive(['fade', 'return/1', '-3', '--beats', '2', ...s.flags])
    expect(ret.stdout).toMatch(/^return 1 volume 0\.0 dB → -3\.0 dB in \d+ steps\n$/)
    expect(get('live_set return_tracks 1 mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-3), 5)
    // The demo's drum rack: track 0, device 0, chain 1, device 0; its parameter 0 (Device On) is put back.
    const lfo = await runLive(['lfo', '0', '0/1/0:0', '--depth', '0.5', '--beats', '1', ...s.flags])
    expect(lfo.stderr).toBe('')
    expect(lfo.stdout).toMatch(/^sine LFO on track 0: \d+ messages around 1, value put back\n$/)
    expect(get('live_set tracks 0 devices 0 chains 1 devices 0 parameters 0', 'value')).toBe(1)
    const bad = await runLive(['fade', 'mastr', '-6', ...s.flags])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('track must be a track index, master or return/R (got "mastr")')
  })

  it('plans a fade as JSON without changing the volume', async () => {
    const run = await runLive([
      'fade',
      '1',
      '-inf',
      '--seconds',
      '1',
      '--curve',
      'exponential',
      '--dry-run',
      '--json',
      ...s.flags,
    ])
    expect(run.code).toBe(0)
    const { plan } = JSON.parse(run.stdout)
    expect(plan.workflow).toBe('fade')
    expect(plan.messages.at(-1)).toMatchObject({ address: '/live/track/set/volume', args: [1, 0], atMs: 1000 })
    expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(0.8, 5)
  })

  it('names the flag and its valid range for bad fade flags (exit 2)', async () => {
    const beats = await runLive(['fade', '0', '-12', '--beats', '-1', ...s.flags])
    expect(beats.code).toBe(2)
    expect(beats.stderr).toBe('live fade: INVALID_ARGUMENTS: --beats must be a number from 0 to 100000 (got "-1")\n')
    const curve = await runLive(['fade', '0', '-12', '--curve', 'wobble', ...s.flags])
    expect(curve.code).toBe(2)
    expect(curve.stderr).toContain('--curve must be one of linear, equal-power, exponential (got "wobble")')
    const both = await runLive(['fade', '0', '-12', '--beats', '4', '--seconds', '2', ...s.flags])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('give --beats or --seconds, not both')
    const loud = await runLive(['fade', '0', '+12', ...s.flags])
    expect(loud.code).toBe(2)
    expect(loud.stderr).toContain('target level must be a level in dB from -inf to +6 (got "+12")')
  })

  it('runs an LFO on the pan for some beats and puts the value back', async () => {
    const run = await runLive(['lfo', '2', 'pan', '--rate', '1', '--depth', '0.5', '--beats', '2', ...s.flags])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^sine LFO on track 2: \d+ messages around -0\.2, value put back\n$/)
    expect(get('live_set tracks 2 mixer_device panning', 'value')).toBeCloseTo(-0.2, 5)
    const shape = await runLive(['lfo', '2', 'pan', '--shape', 'sawUp', ...s.flags])
    expect(shape.code).toBe(2)
    expect(shape.stderr).toContain('--shape must be one of sine, triangle, square, saw, random (got "sawUp")')
  })

  it('performs a plan file: launches the scenes on bar lines', async () => {
    const plan = path.join(dir, 'plan.json')
    await writeFile(
      plan,
      JSON.stringify({
        steps: [
          { scene: 1, bars: 1 },
          { scene: 2, bars: 1 },
        ],
      }),
    )
    const run = await runLive(['perform', plan, ...s.flags])
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^step 0: scene 1 for 1 bar\(s\) at beat \d+(\.\d+)?$/)
    expect(lines[1]).toMatch(/^step 1: scene 2 for 1 bar\(s\) at beat \d+(\.\d+)?$/)
    expect(lines[2]).toMatch(/^done at beat \d+/)
    expect(get('live_set', 'is_playing')).toBe(true)
    // The last launch is sent ahead of its bar line: Live's quantisation plays it on the line.
    await vi.waitFor(() => expect(get('live_set tracks 0', 'playing_slot_index')).toBe(2), { timeout: 10_000 })
    expect(get('live_set tracks 1', 'playing_slot_index')).toBe(2)
  })

  it('refuses a plan that is not one, naming the field (exit 2)', async () => {
    const plan = path.join(dir, 'bad-plan.json')
    await writeFile(plan, JSON.stringify({ steps: [{ scene: 1 }] }))
    const run = await runLive(['perform', plan, ...s.flags])
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')[0]).toMatch(new RegExp(`^live perform: INVALID_ARGUMENTS: plan ${plan}: steps\\.0`))
    const missing = await runLive(['perform', path.join(dir, 'nope.json'), ...s.flags])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`cannot read the plan ${path.join(dir, 'nope.json')}: ENOENT`)
  })

  it('generates a plan from a seed: the same seed gives the same plan', async () => {
    const first = await runLive(['generate', '--seed', '1', '--bars', '2', '--dry-run', '--json', ...s.flags])
    expect(first.code).toBe(0)
    const a = JSON.parse(first.stdout)
    expect(a.seed).toBe(1)
    expect(a.plan.workflow).toBe('generate')
    expect(a.plan.messages[0].address).toBe('/live/clip_slot/fire')
    const second = await runLive(['generate', '--seed', '1', '--bars', '2', '--dry-run', '--json', ...s.flags])
    expect(JSON.parse(second.stdout)).toEqual(a)
    const other = await runLive(['generate', '--seed', '2', '--bars', '2', '--dry-run', '--json', ...s.flags])
    expect(JSON.parse(other.stdout).plan.messages).not.toEqual(a.plan.messages)
    expect(get('live_set', 'is_playing')).toBe(false)
    const density = await runLive(['generate', '--density', '2', ...s.flags])
    expect(density.code).toBe(2)
    expect(density.stderr).toContain('--density must be a number from 0 to 1 (got "2")')
  })

  it('records a clip of one bar into a new audio track', async () => {
    const run = await runLive(['record', 'new-audio', '--bars', '1', '--resample', '--name', 'Bounce', ...s.flags])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe("recorded 'Bounce' on track 5, slot 0: 4 beats\n")
    expect(get('live_set tracks 5 clip_slots 0 clip', 'name')).toBe('Bounce')
    expect(get('live_set tracks 5 clip_slots 0 clip', 'length')).toBe(4)
    expect(get('live_set tracks 5', 'arm')).toBe(false)
    const bars = await runLive(['record', '0', '0', '--bars', '0', ...s.flags])
    expect(bars.code).toBe(2)
    expect(bars.stderr).toContain('--bars must be a whole number from 1 to 1024 (got "0")')
  })

  it('lists MIDI outputs, or says plainly why it cannot', async () => {
    const run = await runLive(['clock', '--list', ...s.flags])
    if (run.code === 0) {
      expect(run.stdout.length).toBeGreaterThan(0)
    } else {
      // No MIDI service or no @julusian/midi where the tests run: UNSUPPORTED (exit 3) with what to do.
      // (ALSA's own library may print its complaint on stderr first.)
      expect(run.code).toBe(3)
      expect(run.stderr).toMatch(
        /^live clock: UNSUPPORTED: (MIDI output needs the optional package @julusian\/midi|the system MIDI service is not available)/m,
      )
    }
  })
})

describe('export-stems on the AbletonOSC simulator', () => {
  let s: TestSim
  beforeAll(async () => {
    s = await startSim('abletonosc')
    s.sim.model.set('live_set', 'tempo', FAST)
  })
  afterAll(() => s?.close())
  const get = (p: string, prop: string) => s.sim.model.get(p, prop)

  it('records one clip per stem on a resampling track and says what Live must still do', async () => {
    const run = await runLive(['export-stems', '0', '1', '--bars', '1', ...s.flags])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')).toEqual([
      'exported 2 stem(s): resampled into clips on track 5 (Live numbers it 6)',
      "  track 0 'Drums' → clip 'Drums stem' in slot 0 (4 beats)",
      "  track 1 'Bass' → clip 'Bass stem' in slot 1 (4 beats)",
      "note: The stems are clips on track 6 'Stems'. A Remote Script (AbletonOSC) cannot write audio files: export them with Live's own export (File > Export Audio/Video), or load the @live Max for Live bridge, which can.",
      '',
    ])
    expect(get('live_set tracks 5', 'name')).toBe('Stems')
    expect(get('live_set tracks 5 clip_slots 0 clip', 'name')).toBe('Drums stem')
    // The last name is sent without a reply; AbletonOSC applies it on its next tick.
    await vi.waitFor(() => expect(get('live_set tracks 5 clip_slots 1 clip', 'name')).toBe('Bass stem'), {
      timeout: 5000,
    })
    expect(get('live_set tracks 0', 'solo')).toBe(false)
  })

  it('names an unknown track and the set (exit 2)', async () => {
    const run = await runLive(['export-stems', 'Vocals', '--bars', '1', ...s.flags])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'exportStems: option tracks = "Vocals" is not valid: no such track; the set has 0 \'Drums\'',
    )
  })
})

describe('export-stems through `live sim --flavour bridge --export-folder`', () => {
  let folder: string
  let sim: ChildProcess | undefined
  afterAll(async () => {
    sim?.kill('SIGINT')
    await rm(folder, { recursive: true, force: true })
  })

  it('writes one WAV file per stem into the folder the simulator was given', async () => {
    folder = await mkdtemp(join(tmpdir(), 'live-cli-export-'))
    const port = await freeUdpPort()
    const running = spawn(
      process.execPath,
      [liveBin, 'sim', '--flavour', 'bridge', '--export-folder', folder, '--port', String(port)],
      { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    sim = running
    let banner = ''
    await new Promise<void>((resolve, reject) => {
      running.stdout!.on('data', (d: Buffer) => {
        banner += d.toString()
        if (banner.includes('Ctrl-C')) resolve()
      })
      running.on('exit', (code) => reject(new Error(`live sim exited with ${code}: ${banner}`)))
    })
    expect(banner).toContain(`exports to ${folder}`)
    await runLive(['tempo', '480', '--port', String(port)])
    const run = await runLive(['export-stems', '0', '2', '--bars', '1', '--method', 'bridge', '--port', String(port)])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`track 0 '1-MIDI' → ${folder}/Stems/1-MIDI stem.wav`)
    expect(run.stdout).toContain(`track 2 '3-Audio' → ${folder}/Stems/3-Audio stem.wav`)
    // 1 bar of 4/4 at 480 BPM: half a second of 16-bit stereo at 44.1 kHz.
    for (const name of ['1-MIDI stem.wav', '3-Audio stem.wav']) {
      expect((await stat(join(folder, 'Stems', name))).size).toBe(44 + 22_050 * 4)
    }
  })
})
