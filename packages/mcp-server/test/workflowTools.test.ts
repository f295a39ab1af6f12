import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dbToVolume } from '@live/protocol'
import { createSimulator, type Simulator } from '@live/simulator'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type McpSession, startMcp } from './mcpHarness.js'

describe('snapshot, workflow and recording tools against the bridge-flavour simulator', () => {
  let sim: Simulator
  let mcp: McpSession
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-mcp-'))
    sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
    mcp = await startMcp(['--host', '127.0.0.1', '--port', String(sim.port), '--reply-port', 'source'])
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
    JSON.parse((await ok('ableton_workflow_status')).split('\n\n')[1]!) as {
      id: number
      status: string
      progress?: string
    }[]

  it('saves a snapshot to a file, says what changed in words, and restores it', async () => {
    const file = join(dir, 'before.json')
    expect(await ok('ableton_snapshot_save', { name: 'before', file, notes: false })).toBe(
      `Saved snapshot "before": 5 tracks, 8 scenes, 124 BPM; written to ${file}.`,
    )
    await ok('ableton_set_tempo', { bpm: 140 })
    await ok('ableton_set_track_volume', { track: 1, volume_db: -12 })
    const diff = await ok('ableton_snapshot_diff', { from: 'before' })
    expect(diff.split('\n')).toEqual([
      '2 changes from "before" to now:',
      '- Song: tempo 124 → 140 BPM',
      "- Track 1 'Bass': volume -2.0 dB → -12.0 dB",
    ])
    await ok('ableton_snapshot_load', { name: 'from-file', file })
    expect(await ok('ableton_snapshot_list')).toMatch(/^2 snapshots/)
    const plan = await ok('ableton_snapshot_restore', { name: 'from-file', dry_run: true })
    expect(plan).toMatch(/^Restoring "from-file" would send 2 messages\./)
    expect(get('live_set', 'tempo')).toBe(140)
    expect(await ok('ableton_snapshot_restore', { name: 'from-file' })).toBe(
      'Restored snapshot "from-file": 2 change(s) applied.\n\n{\n  "applied": 2,\n  "retried": 0,\n  "failed": []\n}',
    )
    expect(get('live_set', 'tempo')).toBe(124)
    expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(0.8, 5)
    expect(await ok('ableton_snapshot_diff', { from: 'before' })).toBe('No differences between "before" and now.')
  })

  it('fades a track volume to a level in dB, and a device parameter to a value', async () => {
    expect(await ok('ableton_fade', { track: 0, to_db: -12, seconds: 0.2, wait: true })).toMatch(
      /^fade done: track 0 volume to -12 dB\./,
    )
    expect(get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-12), 5)
    await ok('ableton_fade', { track: 0, device: 0, parameter: 'Macro 1', to_value: 100, beats: 0.5, wait: true })
    expect(get('live_set tracks 0 devices 0 parameters 1', 'value')).toBe(100)
    expect(await fails('ableton_fade', { track: 0, to_value: 0.5 })).toBe(
      'Invalid value: a volume fade takes to_db, not to_value.\nto_db/from_db are for volumes (dB); to_value/from_value for pan, sends and parameters.',
    )
    expect(await fails('ableton_fade', { track: 9, to_db: 0 })).toBe(
      'track 9 does not exist; this set has tracks 0–4: Drums, Bass, Keys, Pad, FX.\nTracks count from 0.',
    )
  })

  it('fades the master, a return track and devices inside them or in a rack (the bridge)', async () => {
    expect(await ok('ableton_fade', { master: true, to_db: -6, seconds: 0.2, wait: true })).toMatch(
      /^fade done: master volume to -6 dB\./,
    )
    expect(get('live_set master_track mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-6), 5)
    await ok('ableton_fade', { return_track: 1, what: 'pan', to_value: -0.5, seconds: 0.2, wait: true })
    expect(get('live_set return_tracks 1 mixer_device panning', 'value')).toBe(-0.5)
    await ok('ableton_fade', {
      master: true,
      device: 0,
      parameter: 'Output Gain',
      to_value: -3,
      seconds: 0.2,
      wait: true,
    })
    expect(get('live_set master_track devices 0 parameters 9', 'value')).toBe(-3)
    await ok('ableton_fade', { track: 0, device: '0/1/0', parameter: 0, to_value: 0, seconds: 0.2, wait: true })
    expect(get('live_set tracks 0 devices 0 chains 1 devices 0 parameters 0', 'value')).toBe(0)
    expect(await fails('ableton_fade', { track: 0, master: true, to_db: 0 })).toBe(
      'Invalid value: give one of track, return_track or master.\ntrack is a track index; return_track (0 is A) and master: true need the @live bridge.',
    )
    expect(await fails('ableton_fade', { to_db: 0 })).toMatch(
      /^Invalid value: say what moves: give track, return_track or master\./,
    )
  })

  it('plans a fade without sending anything', async () => {
    const plan = await ok('ableton_fade', { track: 2, what: 'pan', to_value: 1, seconds: 1, dry_run: true })
    expect(plan).toMatch(/^Dry run of fade: 21 messages would be sent; nothing was changed\./)
    expect(plan).toContain('0 ms: /live/track/set/panning 2 0')
    expect(get('live_set tracks 2 mixer_device panning', 'value')).toBeCloseTo(-0.2, 5)
  })

  it('runs an LFO in the background and puts the pan back when stopped', async () => {
    const started = await ok('ableton_lfo', { track: 1, depth: 0.5, rate_hz: 2 })
    expect(started).toMatch(/^Started lfo as job \d+: sine LFO on track 1 pan\./)
    await vi.waitFor(async () => expect((await status())[0]?.progress).toBeDefined(), { timeout: 10_000 })
    expect((await status()).filter((j) => j.status === 'running').length).toBe(1)
    expect(await ok('ableton_stop_workflow')).toMatch(/^Stopped job \d+ \(lfo\)\./)
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
    expect(plan).toContain('beat 0: /live/scene/fire 1')
    expect(plan).toContain('beat 3: /live/scene/fire 2')
    const done = await ok('ableton_perform', {
      steps: [
        { scene: 1, bars: 1 },
        { scene: 2, bars: 1, volumes_db: { '0': -6 } },
      ],
      stop_at_end: false,
      restore_volumes: false,
      wait: true,
    })
    expect(done).toMatch(/^perform done: 2 step\(s\), 2 bar\(s\)\./)
    expect(done).toContain('"note": "step 0: scene 1 for 1 bar(s)"')
    expect(done).toContain('"note": "step 1: scene 2 for 1 bar(s)"')
    expect(get('live_set', 'is_playing')).toBe(true)
    // The last launch was sent ahead of its bar line: Live's quantisation plays it on the line.
    await vi.waitFor(() => expect(get('live_set tracks 0', 'playing_slot_index')).toBe(2), { timeout: 10_000 })
    expect(get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-6), 5)
    await ok('ableton_stop_all_clips')
    await ok('ableton_transport_stop')
  })

  it('generates the same plan from the same seed', async () => {
    const first = await ok('ableton_generate', { seed: 7, bars: 4, dry_run: true })
    expect(first).toMatch(/^Dry run of generate: \d+ messages would be sent/)
    expect(first).toContain('/live/clip_slot/fire')
    expect(await ok('ableton_generate', { seed: 7, bars: 4, dry_run: true })).toBe(first)
    expect(await ok('ableton_generate', { seed: 8, bars: 4, dry_run: true })).not.toBe(first)
    expect(await fails('ableton_generate', { seed: 1, tracks: [7] })).toBe(
      'track 7 does not exist; this set has tracks 0–4.',
    )
  })

  it('records a clip of N bars into a new audio track, and one until ableton_stop_recording', async () => {
    const take = await ok('ableton_record_clip', { bars: 1, resample: true, name: 'Bounce', wait: true })
    expect(take.split('\n')[0]).toBe("Recorded clip 'Bounce' on track 5, slot 0: 4 beats.")
    expect(get('live_set tracks 5', 'name')).toBe('6-Audio')
    expect(get('live_set tracks 5 clip_slots 0 clip', 'name')).toBe('Bounce')
    expect(get('live_set tracks 5 clip_slots 0 clip', 'length')).toBe(4)
    expect(get('live_set tracks 5', 'arm')).toBe(false)

    expect(await ok('ableton_record_clip', { track: 5 })).toMatch(
      /^Started recordClip as job \d+: until ableton_stop_recording on track 5\. End it with ableton_stop_recording\./,
    )
    await vi.waitFor(async () => expect((await status())[0]?.progress).toMatch(/^recording/), { timeout: 10_000 })
    const stopped = await ok('ableton_stop_recording')
    expect(stopped.split('\n')[1]).toMatch(
      /^- job \d+ recorded clip '6-Audio take' on track 5, slot 1: \d+(\.\d+)? beats\.$/,
    )
    expect(get('live_set tracks 5 clip_slots 1', 'has_clip')).toBe(true)
    expect(get('live_set tracks 5 clip_slots 1 clip', 'name')).toBe('6-Audio take')
    expect(get('live_set', 'session_record')).toBe(false)
    await ok('ableton_transport_stop')
  })

  it('exports stems: the plan first, then resampled clips and what Live must still do', async () => {
    const plan = await ok('ableton_export_audio', { tracks: [0, 1], bars: 1 })
    expect(plan).toContain('cannot render or export audio')
    expect(sim.model.getCount('live_set', 'tracks')).toBe(6)
    const done = await ok('ableton_export_audio', { tracks: [0, 1], bars: 1, dry_run: false, wait: true })
    const lines = done.split('\n\n')[0]!.split('\n')
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
    mcp = await startMcp(['--host', '127.0.0.1', '--port', String(sim.port), '--reply-port', 'source'])
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
    expect(mcp.text(result).split('\n\n')[0]!.split('\n')).toEqual([
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
