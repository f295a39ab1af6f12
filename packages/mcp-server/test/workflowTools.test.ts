import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dbToVolume } from '@live/protocol'
import { createSimulator, type Simulator } from '@live/simulator'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type McpSession, startMcpOn } from './mcpHarness.js'

describe('snapshot, workflow and recording tools against the bridge-flavour simulator', () => {
  let sim: Simulator
  let mcp: McpSession
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-mcp-'))
    sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
    mcp = await startMcpOn(sim)
  })
  afterAll(async () => {
    await mcp?.close()
    await sim?.close()
    await rm(dir, { recursive: true, force: true })
  })
  const get = (path: string, property: string) => sim.model.get(path, property)
  const ok = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await mcp.call(name, args)
    expect(result.isError, `${name}: ${mcp.text(result)}`).toBeFalsy()
    return mcp.text(result)
  }
  const fails = async (name: string, args: Record<string, unknown>) => {
    const result = await mcp.call(name, args)
    expect(result.isError, `${name} should fail: ${mcp.text(result)}`).toBe(true)
    return mcp.text(result)
  }
  const status = async () =>
    (await mcp.data<{ jobs: { id: number; status: string; progress?: { phase: string } }[] }>('ableton_jobs')).jobs

  it('saves a snapshot to a file, says what changed in words, and restores it', async () => {
    const file = join(dir, 'before.json')
    expect(await ok('ableton_snapshot', { action: 'save', name: 'before', file, notes: false })).toBe(
      `Saved snapshot "before": 5 tracks, 8 scenes, 124 BPM; written to ${file}.`,
    )
    await ok('ableton_set_tempo', { bpm: 140 })
    await ok('ableton_set_track_volume', { track: 1, volume_db: -12 })
    const diff = await mcp.data<{ changes: string[] }>('ableton_snapshot', { action: 'diff', name: 'before' })
    expect(diff.changes).toHaveLength(2)
    expect(diff.changes[0]).toBe('Song: tempo 124 → 140 BPM')
    // Tracks count from 0 in every text (the Bass track of the demo set is track 1).
    expect(diff.changes[1]).toBe("Track 1 'Bass': volume -2.0 dB → -12.0 dB")
    await ok('ableton_snapshot', { action: 'load', name: 'from-file', file })
    expect(await ok('ableton_snapshot', { action: 'list' })).toMatch(/^2 snapshots/)
    const plan = await ok('ableton_restore_snapshot', { name: 'from-file', dry_run: true })
    expect(plan).toMatch(/^Restoring "from-file" would send 2 messages\./)
    expect(get('live_set', 'tempo')).toBe(140)
    const restored = await mcp.call('ableton_restore_snapshot', { name: 'from-file' })
    expect(mcp.text(restored)).toBe('Restored snapshot "from-file": 2 change(s) applied.')
    expect(restored.structuredContent).toEqual({
      name: 'from-file',
      dry_run: false,
      applied: 2,
      retried: 0,
      failed: [],
    })
    expect(get('live_set', 'tempo')).toBe(124)
    expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(0.8, 5)
    expect(await ok('ableton_snapshot', { action: 'diff', name: 'before' })).toBe(
      'No differences between "before" and now.',
    )
  })

  it('fades a track volume to a level in dB, and a device parameter to a value', async () => {
    expect(await ok('ableton_fade', { track: 0, to_db: -12, seconds: 0.2, wait: true })).toMatch(
      /^fade done: track 0 volume to -12 dB\./,
    )
    expect(get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-12), 5)
    await ok('ableton_fade', { track: 0, device: 0, parameter: 'Macro 1', to_value: 100, beats: 0.5, wait: true })
    expect(get('live_set tracks 0 devices 0 parameters 1', 'value')).toBe(100)
    expect(await fails('ableton_fade', { track: 9, to_db: 0 })).toBe(
      'track 9 does not exist; this set has tracks 0–4: Drums, Bass, Keys, Pad, FX.\nTracks count from 0.',
    )
  })

  it('fades the master, a return track and devices inside them or in a rack (the bridge)', async () => {
    expect(await ok('ableton_fade', { track: 'master', to_db: -6, seconds: 0.2, wait: true })).toMatch(
      /^fade done: master volume to -6 dB\./,
    )
    expect(get('live_set master_track mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-6), 5)
    await ok('ableton_fade', { track: 'return/1', what: 'pan', to_value: '25L', seconds: 0.2, wait: true })
    expect(get('live_set return_tracks 1 mixer_device panning', 'value')).toBe(-0.5)
    await ok('ableton_fade', {
      track: 'master',
      device: 0,
      parameter: 'Output Gain',
      to_value: -3,
      seconds: 0.2,
      wait: true,
    })
    expect(get('live_set master_track devices 0 parameters 9', 'value')).toBe(-3)
    await ok('ableton_fade', { track: 0, device: '0/1/0', parameter: 0, to_value: 0, seconds: 0.2, wait: true })
    expect(get('live_set tracks 0 devices 0 chains 1 devices 0 parameters 0', 'value')).toBe(0)
    expect(await fails('ableton_fade', { track: 0, master: true, to_db: 0 })).toMatch(
      /^Invalid argument: unknown argument "master": ableton_fade takes track, what, send, device, parameter, /,
    )
    expect(await fails('ableton_fade', { to_db: 0 })).toMatch(
      /^Invalid argument: track is missing: expected a track index/,
    )
  })

  it('plans a fade without sending anything', async () => {
    const plan = await ok('ableton_fade', { track: 2, what: 'pan', to_value: 1, seconds: 1, dry_run: true })
    expect(plan).toMatch(/^Dry run of fade: 21 messages would be sent; nothing was changed\./)
    expect(
      JSON.stringify(await mcp.data('ableton_fade', { track: 2, what: 'pan', to_value: 1, seconds: 1, dry_run: true })),
    ).toContain('0 ms: /live/track/set/panning 2 0')
    expect(get('live_set tracks 2 mixer_device panning', 'value')).toBeCloseTo(-0.2, 5)
  })

  it('runs an LFO in the background and puts the pan back when stopped', async () => {
    const started = await ok('ableton_lfo', { track: 1, depth: 0.5, rate_hz: 2 })
    expect(started).toMatch(/^Started lfo as job \d+: sine LFO on track 1 pan\./)
    await vi.waitFor(async () => expect((await status())[0]?.progress).toBeDefined(), { timeout: 10_000 })
    expect((await status()).filter((j) => j.status === 'running').length).toBe(1)
    expect(await ok('ableton_jobs', { stop: 'all' })).toMatch(/^Stopped job \d+ \(lfo\)\./)
    // The restoring set travels over UDP to the simulator in this process, the tool's answer over
    // stdio: the answer may be read first, so wait (bounded) for the datagram to be handled.
    await vi.waitFor(() => expect(get('live_set tracks 1 mixer_device panning', 'value')).toBe(0), { timeout: 2_000 })
    expect((await status())[0]?.status).toBe('stopped')
  })

  it('performs scenes on bar lines at a fast tempo', async () => {
    await ok('ableton_set_tempo', { bpm: 600 })
    const plan = await ok('ableton_perform', {
      steps: [
        { scene: 1, bars: 1 },
        { scene: 2, bars: 1 },
      ],
      dry_run: true,
    })
    expect(plan).toMatch(/^Dry run of perform: 3 messages/)
    const planned = await mcp.data<{ plan: { messages: string[] } }>('ableton_perform', {
      steps: [
        { scene: 1, bars: 1 },
        { scene: 2, bars: 1 },
      ],
      dry_run: true,
    })
    expect(planned.plan.messages[0]).toMatch(/^beat 0: \/live\/scene\/fire 1/)
    expect(planned.plan.messages[1]).toMatch(/^beat 3: \/live\/scene\/fire 2/)
    const performed = await mcp.call('ableton_perform', {
      steps: [
        { scene: 1, bars: 1 },
        { scene: 2, bars: 1, volumes_db: { '0': -6 } },
      ],
      stop_at_end: false,
      restore_volumes: false,
      wait: true,
    })
    expect(mcp.text(performed)).toBe('perform done: 2 step(s), 2 bar(s).')
    const done = JSON.stringify(performed.structuredContent)
    expect(done).toContain('"note":"step 0: scene 1 for 1 bar(s)"')
    expect(done).toContain('"note":"step 1: scene 2 for 1 bar(s)"')
    expect(get('live_set', 'is_playing')).toBe(true)
    // The last launch was sent ahead of its bar line: Live's quantisation plays it on the line.
    await vi.waitFor(() => expect(get('live_set tracks 0', 'playing_slot_index')).toBe(2), { timeout: 10_000 })
    expect(get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-6), 5)
    await ok('ableton_stop_clips')
    await ok('ableton_transport_stop')
  })

  it('generates the same plan from the same seed', async () => {
    const plan = (seed: number) => mcp.data('ableton_perform', { generate: { bars: 4 }, seed, dry_run: true })
    const first = JSON.stringify(await plan(7))
    expect(await ok('ableton_perform', { generate: { bars: 4 }, seed: 7, dry_run: true })).toMatch(
      /^Dry run of generate: \d+ messages would be sent/,
    )
    expect(first).toContain('/live/clip_slot/fire')
    expect(JSON.stringify(await plan(7))).toBe(first)
    expect(JSON.stringify(await plan(8))).not.toBe(first)
    expect(await fails('ableton_perform', { generate: { tracks: [7] } })).toBe(
      'track 7 does not exist; this set has tracks 0–4.',
    )
  })

  it('records a clip of N bars into a new audio track, and one until recording is turned off', async () => {
    const take = await ok('ableton_record_clip', { bars: 1, resample: true, name: 'Bounce', wait: true })
    expect(take.split('\n')[0]).toBe("Recorded clip 'Bounce' on track 5, slot 0: 4 beats.")
    expect(get('live_set tracks 5', 'name')).toBe('6-Audio')
    expect(get('live_set tracks 5 clip_slots 0 clip', 'name')).toBe('Bounce')
    expect(get('live_set tracks 5 clip_slots 0 clip', 'length')).toBe(4)
    expect(get('live_set tracks 5', 'arm')).toBe(false)

    expect(await ok('ableton_record_clip', { track: 5 })).toMatch(
      /^Started recordClip as job \d+: until stopped on track 5\. End it with ableton_transport_record \(enabled: false\)\./,
    )
    await vi.waitFor(async () => expect((await status())[0]?.progress?.phase).toBe('recording'), { timeout: 10_000 })
    const stopped = await mcp.data('ableton_transport_record', { enabled: false, target: 'session' })
    expect(stopped).toMatchObject({ session: false, recordings_stopped: 1 })
    const job = (await status())[0] as unknown as { result: { clipName: string; slot: number } }
    expect([job.result.clipName, job.result.slot]).toEqual(['6-Audio take', 1])
    expect(get('live_set tracks 5 clip_slots 1', 'has_clip')).toBe(true)
    expect(get('live_set tracks 5 clip_slots 1 clip', 'name')).toBe('6-Audio take')
    expect(get('live_set', 'session_record')).toBe(false)
    await ok('ableton_transport_stop')
  })

  it('exports stems: the plan first, then resampled clips and what Live must still do', async () => {
    const plan = await mcp.data<{ plan: { limits: string[] } }>('ableton_export_audio', { tracks: [0, 1], bars: 1 })
    expect(plan.plan.limits[0]).toContain('cannot render or export audio')
    expect(sim.model.getCount('live_set', 'tracks')).toBe(6)
    const done = await ok('ableton_export_audio', { tracks: [0, 1], bars: 1, dry_run: false, wait: true })
    const lines = done.split('\n')
    expect(lines[0]).toBe('Exported 2 stem(s) by resampling into clips:')
    expect(lines[1]).toBe("- track 0 'Drums' → clip 'Drums stem' on track 6, slot 0 (4 beats)")
    expect(lines[2]).toBe("- track 1 'Bass' → clip 'Bass stem' on track 6, slot 1 (4 beats)")
    expect(lines.at(-1)).toMatch(/^Left for you in Live: no audio file exists yet\./)
    expect(get('live_set tracks 6', 'name')).toBe('Stems')
    expect(get('live_set tracks 6 clip_slots 0 clip', 'name')).toBe('Drums stem')
    expect(get('live_set tracks 6 clip_slots 1 clip', 'name')).toBe('Bass stem')
    expect(get('live_set tracks 0', 'solo')).toBe(false)
  })
})

describe('stem export through the bridge flavour’s recorder', () => {
  let sim: Simulator
  let mcp: McpSession
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'live-mcp-stems-'))
    sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo', exportFolder: folder })
    sim.model.set('live_set', 'tempo', 480)
    mcp = await startMcpOn(sim)
  })
  afterAll(async () => {
    await mcp?.close()
    await sim?.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('writes WAV files into the folder asked for, inside the device’s export folder', async () => {
    const result = await mcp.call('ableton_export_audio', {
      tracks: [0, 1],
      bars: 1,
      method: 'bridge',
      folder: 'Mix',
      dry_run: false,
      wait: true,
    })
    expect(result.isError, mcp.text(result)).toBeFalsy()
    expect(mcp.text(result).split('\n')).toEqual([
      'Exported 2 stem(s) by the Max for Live bridge (WAV files):',
      `- track 0 'Drums' → ${folder}/Mix/Drums stem.wav`,
      `- track 1 'Bass' → ${folder}/Mix/Bass stem.wav`,
      `The Max for Live bridge wrote 2 WAV file(s) to '${folder}/Mix'.`,
      'Nothing is left to do: the files are written.',
    ])
    // 1 bar of 4/4 at 480 BPM: half a second of 16-bit stereo at 44.1 kHz.
    expect((await stat(join(folder, 'Mix', 'Drums stem.wav'))).size).toBe(44 + 22_050 * 4)
  })

  it('refuses a folder that leaves the export folder, with the device’s words', async () => {
    const result = await mcp.call('ableton_export_audio', {
      tracks: [0],
      bars: 1,
      method: 'bridge',
      folder: '../../etc',
      dry_run: false,
      wait: true,
    })
    expect(result.isError).toBe(true)
    expect(mcp.text(result)).toContain(`export path ../../etc/Drums stem.wav is outside the export folder ${folder}`)
  })
})
