import { dbToVolume } from '@live/protocol'
import { createSimulator, type Simulator } from '@live/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type McpSession, startMcpOn } from './mcpHarness.js'

// Every answer below goes through the SDK client, which checks its structured content against the tool's outputSchema.
let sim: Simulator
let mcp: McpSession
const get = (path: string, property: string) => sim.model.get(path, property)

beforeAll(async () => {
  sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
  mcp = await startMcpOn(sim)
})
afterAll(async () => {
  await mcp?.close()
  await sim?.close()
})

describe('reading the set', () => {
  it('reads the set at a glance: song, one row per track, returns, master, scenes', async () => {
    const result = await mcp.call('ableton_read')
    expect(mcp.text(result)).toBe('5 tracks, 8 scenes, 124 BPM 4/4, stopped.')
    const { set } = result.structuredContent as { set: Record<string, unknown> }
    expect(set.tracks).toEqual([
      {
        index: 0,
        name: 'Drums',
        kind: 'midi',
        volume_db: 0,
        pan: 'C',
        clips: [1, 2, 3, 4, 6],
        devices: ['Drum Rack', 'EQ Eight'],
      },
      {
        index: 1,
        name: 'Bass',
        kind: 'midi',
        volume_db: -2,
        pan: 'C',
        clips: [1, 2, 4, 6],
        devices: ['Sub Bass', 'Auto Filter'],
      },
      {
        index: 2,
        name: 'Keys',
        kind: 'midi',
        volume_db: 0,
        pan: '10L',
        clips: [0, 2, 4, 5],
        devices: ['E-Piano', 'Reverb'],
      },
      {
        index: 3,
        name: 'Pad',
        kind: 'midi',
        volume_db: -4,
        pan: '10R',
        clips: [0, 3, 5, 7],
        devices: ['Warm Pad', 'Auto Filter', 'Reverb'],
      },
      { index: 4, name: 'FX', kind: 'midi', volume_db: 0, pan: 'C', clips: [3, 7], devices: ['Riser', 'Delay'] },
    ])
    expect(set.returns).toEqual([
      { track: 'return/0', name: 'A-Reverb', volume_db: 0, pan: 'C' },
      { track: 'return/1', name: 'B-Delay', volume_db: 0, pan: 'C' },
    ])
    expect(set.master).toEqual({ name: 'Main', volume_db: 0, pan: 'C' })
    expect(set.scenes).toEqual(['Intro', 'Verse', 'Verse 2', 'Build', 'Drop', 'Break', 'Drop 2', 'Outro'])
    expect([set.position, set.quantization, set.loop]).toEqual(['1.1.1', '1 bar', { on: false, start: 0, length: 16 }])
  })

  it('reads a track, a return track, a scene, a clip with its notes and a device with its parameters', async () => {
    const { track } = await mcp.data<{ track: Record<string, unknown> }>('ableton_read', { track: 1 })
    expect(track).toMatchObject({ track: 1, name: 'Bass', kind: 'midi', volume_db: -2, pan: 'C', arm: false })
    expect(track.sends).toEqual([
      { send: 0, value: 0 },
      { send: 1, value: 0 },
    ])
    const back = await mcp.data<{ track: Record<string, unknown> }>('ableton_read', { track: 'return/1' })
    expect(back.track).toEqual({
      track: 'return/1',
      name: 'B-Delay',
      volume_db: 0,
      volume: 0.85,
      pan: 'C',
      mute: false,
      solo: false,
      devices: [{ index: 0, name: 'Delay' }],
    })
    const { scene } = await mcp.data<{ scene: Record<string, unknown> }>('ableton_read', { scene: 1 })
    expect(scene).toMatchObject({
      scene: 1,
      name: 'Verse',
      tempo: null,
      clips: [
        { track: 0, name: 'Beat A' },
        { track: 1, name: 'Bass Offbeat' },
      ],
    })
    const { clip } = await mcp.data<{ clip: Record<string, unknown> }>('ableton_read', { track: 0, scene: 1, limit: 2 })
    expect(clip).toMatchObject({
      name: 'Beat A',
      kind: 'midi',
      length: 16,
      note_count: 56,
      notes: ['C1 0 0.25 120', 'F#1 0 0.125 80'],
      next_offset: 2,
    })
    const { device } = await mcp.data<{ device: Record<string, unknown> }>('ableton_read', {
      track: 0,
      device: 0,
      limit: 2,
    })
    expect(device).toMatchObject({ name: 'Drum Rack', class: 'DrumGroupDevice', parameter_count: 9, next_offset: 2 })
    expect((device.parameters as unknown[])[1]).toEqual({
      index: 1,
      name: 'Macro 1',
      value: 0,
      display: '0.00',
      min: 0,
      max: 127,
      quantized: false,
    })
    expect((device.chains as { name: string }[]).map((c) => c.name)).toEqual([
      'Kick',
      'Snare',
      'Closed Hat',
      'Open Hat',
    ])
  })
})

describe('the named transport, mixer and launch tools', () => {
  it('sets the tempo, plays, records and stops', async () => {
    expect(await mcp.data('ableton_set_tempo', { bpm: 128 })).toEqual({ tempo: 128 })
    expect(await mcp.data('ableton_transport_play', { from_start: true })).toMatchObject({ playing: true })
    expect(await mcp.data('ableton_transport_record', { enabled: true, target: 'session' })).toEqual({
      arrangement: false,
      session: true,
      playing: true,
      armed: [],
      recordings_stopped: 0,
    })
    await mcp.data('ableton_transport_record', { enabled: false, target: 'session' })
    expect(get('live_set', 'session_record')).toBe(false)
    expect(await mcp.data('ableton_transport_stop')).toMatchObject({ playing: false })
  })

  it('sets volume in dB (number or the CLI text), raw, pan as Live shows it, mute, solo and arm', async () => {
    const volume = await mcp.call('ableton_set_track_volume', { track: 1, volume_db: -6 })
    expect(mcp.text(volume)).toBe('Track 1 (Bass) volume is now -6.0 dB.')
    expect(volume.structuredContent).toEqual({ track: 1, name: 'Bass', volume_db: -6, volume: 0.7 })
    await mcp.data('ableton_set_track_volume', { track: 1, volume_db: '-12dB' })
    expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-12), 5)
    expect(await mcp.data('ableton_set_track_volume', { track: 1, volume: 0.85 })).toMatchObject({ volume_db: 0 })
    expect(await mcp.data('ableton_set_track_pan', { track: 2, pan: '25L' })).toEqual({
      track: 2,
      name: 'Keys',
      pan: '25L',
      pan_value: -0.5,
    })
    expect(await mcp.data('ableton_set_track_pan', { track: 2, pan: 0.2 })).toMatchObject({ pan: '10R' })
    expect(await mcp.data('ableton_mute_track', { track: 3 })).toEqual({ track: 3, name: 'Pad', mute: true })
    expect(get('live_set tracks 3', 'mute')).toBe(true)
    await mcp.data('ableton_mute_track', { track: 3, muted: false })
    await mcp.data('ableton_solo_track', { track: 0 })
    expect(get('live_set tracks 0', 'solo')).toBe(true)
    await mcp.data('ableton_solo_track', { track: 0, soloed: false })
    expect(await mcp.data('ableton_arm_track', { track: 1 })).toEqual({ track: 1, name: 'Bass', arm: true })
    await mcp.data('ableton_arm_track', { track: 1, armed: false })
  })

  it('reaches the master and return tracks through the bridge', async () => {
    expect(await mcp.data('ableton_set_track_volume', { track: 'master', volume_db: -3 })).toMatchObject({
      track: 'master',
      name: 'Main',
      volume_db: -3,
    })
    expect(get('live_set master_track mixer_device volume', 'value')).toBeCloseTo(dbToVolume(-3), 5)
    await mcp.data('ableton_set_track_pan', { track: 'return/0', pan: '50R' })
    expect(get('live_set return_tracks 0 mixer_device panning', 'value')).toBe(1)
    expect(await mcp.data('ableton_solo_track', { track: 'return/1' })).toEqual({
      track: 'return/1',
      name: 'B-Delay',
      solo: true,
    })
    await mcp.data('ableton_solo_track', { track: 'return/1', soloed: false })
    expect(
      await mcp.data('ableton_set_device_param', { track: 'master', device: 0, parameter: 'output gain', value: -2 }),
    ).toEqual({ track: 'master', device: 0, parameter: 'Output Gain', value: -2, display: '-2.0 dB' })
    await mcp.data('ableton_set_device_param', { track: 0, device: '0/1/0', parameter: 0, value: 0 })
    expect(get('live_set tracks 0 devices 0 chains 1 devices 0 parameters 0', 'value')).toBe(0)
  })

  it('sets a device parameter by name and answers Live’s text', async () => {
    const result = await mcp.call('ableton_set_device_param', { track: 0, device: 0, parameter: 'macro 1', value: 64 })
    expect(mcp.text(result)).toMatch(/^Macro 1 on device 0 \(Drum Rack\) of track 0 \(Drums\) is now 64 /)
    expect(get('live_set tracks 0 devices 0 parameters 1', 'value')).toBe(64)
  })

  it('launches clips and scenes and stops clips', async () => {
    expect(await mcp.data('ableton_fire_clip', { track: 0, scene: 1 })).toEqual({ track: 0, scene: 1, name: 'Beat A' })
    expect(await mcp.data('ableton_launch_scene', { scene: 2 })).toEqual({ scene: 2, name: 'Verse 2' })
    expect(get('live_set', 'is_playing')).toBe(true)
    expect(await mcp.data('ableton_stop_clips', { track: 0 })).toEqual({ stopped: 'track', track: 0 })
    expect(await mcp.data('ableton_stop_clips')).toEqual({ stopped: 'all' })
    await mcp.data('ableton_transport_stop')
  })
})

describe('creating, changing, duplicating and deleting', () => {
  it('creates a MIDI track and a clip with notes in text and object form, then edits the notes', async () => {
    expect(await mcp.data('ableton_create_track', { type: 'midi', name: 'Beat' })).toEqual({
      track: 5,
      name: 'Beat',
      type: 'midi',
    })
    expect(
      await mcp.data('ableton_create_clip', {
        track: 5,
        scene: 0,
        name: 'Kick',
        notes: ['C1 0', 'C1 1 0.25 110', { pitch: 'D1', start: 1 }],
      }),
    ).toEqual({ track: 5, scene: 0, name: 'Kick', length: 4, note_count: 3 })
    const edit = await mcp.data('ableton_update', {
      track: 5,
      scene: 0,
      notes: ['F#1 0.5 0.25 80 mute'],
      loop_length: 8,
      launch_mode: 'gate',
    })
    expect(edit).toEqual({
      updated: 'clip',
      track: 5,
      scene: 0,
      values: { loop_start: 0, loop_length: 8, launch_mode: 'gate', notes_removed: 0, notes_added: 1, note_count: 4 },
    })
    const { clip } = await mcp.data<{ clip: { notes: string[] } }>('ableton_read', { track: 5, scene: 0 })
    expect(clip.notes).toEqual(['C1 0 0.25 100', 'F#1 0.5 0.25 80 mute', 'C1 1 0.25 110', 'D1 1 0.25 100'])
    await mcp.data('ableton_update', { track: 5, scene: 0, remove_notes: { pitch_from: 42, pitch_to: 42 } })
    const after = await mcp.data<{ clip: { notes: string[] } }>('ableton_read', { track: 5, scene: 0 })
    expect(after.clip.notes).toEqual(['C1 0 0.25 100', 'C1 1 0.25 110', 'D1 1 0.25 100'])
    expect(
      await mcp.data('ableton_update', { track: 5, scene: 0, replace_notes: true, notes: ['C3 0 4'] }),
    ).toMatchObject({
      values: { notes_removed: 3, notes_added: 1, note_count: 1 },
    })
  })

  it('changes the song: tempo, signature, position and loop in bars.beats, metronome and quantization', async () => {
    const song = await mcp.data('ableton_update', {
      tempo: 100,
      signature: '3/4',
      position: '3.1.1',
      loop: true,
      loop_start: '2.1.1',
      loop_length: 12,
      metronome: true,
      quantization: '1/4',
    })
    expect(song).toEqual({
      updated: 'song',
      values: {
        tempo: 100,
        signature: '3/4',
        position: '3.1.1',
        loop: true,
        loop_start: 3,
        loop_length: 12,
        metronome: true,
        quantization: '1/4',
      },
    })
    expect(get('live_set', 'current_song_time')).toBe(6)
    await mcp.data('ableton_update', { signature: '4/4', loop: false, metronome: false, quantization: '1 bar' })
  })

  it('changes a track (name, sends), a return track and a scene (its own tempo on and off)', async () => {
    expect(await mcp.data('ableton_update', { track: 1, name: 'Sub', sends: { '0': 0.5 }, monitoring: 'off' })).toEqual(
      {
        updated: 'track',
        track: 1,
        values: { name: 'Sub', sends: { '0': 0.5 }, monitoring: 'off' },
      },
    )
    expect(get('live_set tracks 1 mixer_device sends 0', 'value')).toBe(0.5)
    expect(await mcp.data('ableton_update', { track: 'return/0', name: 'A-Verb' })).toMatchObject({
      values: { name: 'A-Verb' },
    })
    expect(await mcp.data('ableton_update', { scene: 0, name: 'Start', tempo: 128 })).toMatchObject({
      values: { name: 'Start', tempo: 128 },
    })
    expect(await mcp.data('ableton_update', { scene: 0, tempo: null })).toMatchObject({ values: { tempo: null } })
    expect(get('live_set scenes 0', 'tempo_enabled')).toBe(false)
  })

  it('duplicates a clip, a scene and a track, and deletes a clip, a scene, a device and a track', async () => {
    expect(await mcp.data('ableton_duplicate', { track: 5, scene: 0, to_scene: 1 })).toEqual({
      duplicated: 'clip',
      track: 5,
      scene: 1,
      name: 'Kick',
    })
    expect(await mcp.data('ableton_duplicate', { scene: 1 })).toMatchObject({ duplicated: 'scene', scene: 2 })
    expect(await mcp.data('ableton_duplicate', { track: 5 })).toEqual({ duplicated: 'track', track: 6, name: 'Beat' })
    expect(await mcp.data('ableton_delete', { track: 5, scene: 1 })).toEqual({
      deleted: 'clip',
      track: 5,
      scene: 1,
      name: 'Kick',
    })
    expect(await mcp.data('ableton_delete', { scene: 2 })).toMatchObject({ deleted: 'scene', scene: 2 })
    expect(await mcp.data('ableton_delete', { track: 4, device: 1 })).toEqual({
      deleted: 'device',
      track: 4,
      device: 1,
      name: 'Delay',
    })
    const removed = await mcp.call('ableton_delete', { track: 6 })
    expect(mcp.text(removed)).toBe(
      'Deleted track 6 (Beat). The set now has tracks 0–5: Drums, Sub, Keys, Pad, FX, Beat.',
    )
    expect(sim.model.getCount('live_set', 'tracks')).toBe(6)
  })

  it('creates a scene and a return track, and undoes and redoes', async () => {
    expect(await mcp.data('ableton_create_scene', { name: 'Outro 2' })).toEqual({
      scene: 8,
      name: 'Outro 2',
      scenes: 9,
    })
    expect(await mcp.data('ableton_create_track', { type: 'return', name: 'C-Chorus' })).toEqual({
      track: 'return/2',
      name: 'C-Chorus',
      type: 'return',
    })
    expect(await mcp.data('ableton_song_action', { action: 'undo' })).toMatchObject({ action: 'undo', can_redo: true })
    expect(await mcp.data('ableton_song_action', { action: 'redo' })).toMatchObject({ action: 'redo' })
    const jump = await mcp.data<{ beats: number }>('ableton_song_action', { action: 'jump_by', beats: 4 })
    expect(jump.beats).toBeGreaterThanOrEqual(4)
  })
})
