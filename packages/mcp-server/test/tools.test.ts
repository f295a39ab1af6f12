import { createSimulator, type Simulator } from '@live/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type McpSession, startMcp } from './mcpHarness.js'

let sim: Simulator
let mcp: McpSession
const get = (path: string, property: string) => sim.model.get(path, property)

beforeAll(async () => {
  sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
  mcp = await startMcp(['--host', '127.0.0.1', '--port', String(sim.port), '--reply-port', 'source'])
})
afterAll(async () => {
  await mcp?.close()
  await sim?.close()
})

const ok = async (name: string, args: Record<string, unknown> = {}) => {
  const result = await mcp.call(name, args)
  const text = mcp.text(result)
  expect(result.isError, `${name}: ${text}`).toBeFalsy()
  return text
}

describe('transport tools against the bridge-flavour simulator', () => {
  it('sets the tempo', async () => {
    expect(await ok('ableton_set_tempo', { bpm: 128 })).toBe('Tempo is now 128 BPM.')
    expect(get('live_set', 'tempo')).toBe(128)
  })
  it('plays, records and stops', async () => {
    await ok('ableton_transport_play', { from_start: true })
    expect(get('live_set', 'is_playing')).toBe(true)
    await ok('ableton_transport_record', { enabled: true, target: 'session' })
    expect(get('live_set', 'session_record')).toBe(true)
    await ok('ableton_transport_record', { enabled: false, target: 'session' })
    expect(get('live_set', 'session_record')).toBe(false)
    await ok('ableton_transport_stop')
    expect(get('live_set', 'is_playing')).toBe(false)
    await ok('ableton_set_song_position', { beat: 16 })
    expect(get('live_set', 'current_song_time')).toBe(16)
  })
})

describe('mixer and track tools', () => {
  it('sets volume in dB and as a raw value, pan, mute, solo and arm', async () => {
    expect(await ok('ableton_set_track_volume', { track: 1, volume_db: -6 })).toMatch(
      /^Track 1 \(Bass\) volume is now -6\.0 dB\./,
    )
    expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(0.7, 5)
    await ok('ableton_set_track_volume', { track: 1, volume: 0.85 })
    expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(0.85, 5)
    expect(await ok('ableton_set_track_pan', { track: 2, pan: -0.5 })).toBe('Track 2 (Keys) pan is now 25L.')
    expect(get('live_set tracks 2 mixer_device panning', 'value')).toBeCloseTo(-0.5, 5)
    await ok('ableton_mute_track', { track: 3, muted: true })
    expect(get('live_set tracks 3', 'mute')).toBe(true)
    await ok('ableton_solo_track', { track: 0 })
    expect(get('live_set tracks 0', 'solo')).toBe(true)
    await ok('ableton_solo_track', { track: 0, soloed: false })
    expect(get('live_set tracks 0', 'solo')).toBe(false)
    await ok('ableton_arm_track', { track: 1, armed: true })
    expect(get('live_set tracks 1', 'arm')).toBe(true)
    await ok('ableton_arm_track', { track: 1, armed: false })
  })
  it('reads a track and the session', async () => {
    const track = await ok('ableton_get_track', { track: 0 })
    expect(track).toContain('"name": "Drums"')
    const session = await ok('ableton_get_session')
    expect(session).toMatch(/^5 tracks, 8 scenes, 128 BPM 4\/4/)
  })
  it('creates, names and deletes tracks', async () => {
    expect(await ok('ableton_create_track', { type: 'midi', name: 'Beat' })).toBe(
      'Created MIDI track 5 (Beat).\n\n{\n  "index": 5,\n  "name": "Beat"\n}',
    )
    expect(get('live_set tracks 5', 'name')).toBe('Beat')
    expect(get('live_set tracks 5', 'has_midi_input')).toBe(true)
    await ok('ableton_create_audio_track', { name: 'Resample Output' })
    expect(get('live_set tracks 6', 'name')).toBe('Resample Output')
    expect(get('live_set tracks 6', 'has_audio_input')).toBe(true)
    await ok('ableton_set_track_name', { track: 6, name: 'Print' })
    expect(get('live_set tracks 6', 'name')).toBe('Print')
    await ok('ableton_delete_track', { track: 6 })
    expect(await ok('ableton_get_session')).toMatch(/^6 tracks/)
  })
})

describe('clips, notes and scenes', () => {
  it('creates a MIDI clip with notes, reads, adds, removes them and deletes it', async () => {
    const notes = [
      { pitch: 'C1', start: 0 },
      { pitch: 38, start: 1, duration: 0.5, velocity: 90 },
    ]
    expect(await ok('ableton_create_clip', { track: 5, scene: 0, length_beats: 4, name: 'Kick', notes })).toBe(
      'Created a 4-beat MIDI clip in track 5 (Beat), slot 0, with 2 notes.',
    )
    expect(get('live_set tracks 5 clip_slots 0 clip', 'name')).toBe('Kick')
    expect(await ok('ableton_get_clip_notes', { track: 5, scene: 0 })).toMatch(/^Clip "Kick": 4 beats, 2 notes\./)
    await ok('ableton_add_notes', { track: 5, scene: 0, notes: [{ pitch: 'F#1', start: 0.5 }] })
    expect(await ok('ableton_remove_notes', { track: 5, scene: 0, pitch_from: 42, pitch_to: 42 })).toBe(
      'Removed 1 notes; 2 remain.',
    )
    await ok('ableton_fire_clip', { track: 5, scene: 0 })
    expect(
      get('live_set tracks 5 clip_slots 0', 'is_triggered') || get('live_set tracks 5', 'playing_slot_index') === 0,
    ).toBe(true)
    await ok('ableton_stop_clip', { track: 5 })
    await ok('ableton_stop_all_clips')
    await ok('ableton_delete_clip', { track: 5, scene: 0 })
    expect(get('live_set tracks 5 clip_slots 0', 'has_clip')).toBe(false)
  })
  it('launches, creates and names scenes', async () => {
    await ok('ableton_launch_scene', { scene: 1 })
    expect(get('live_set', 'is_playing')).toBe(true)
    await ok('ableton_stop_all_clips')
    await ok('ableton_transport_stop')
    expect(await ok('ableton_create_scene', { name: 'Outro' })).toBe('Created scene 8 (Outro); the set has 9 scenes.')
    expect(get('live_set scenes 8', 'name')).toBe('Outro')
    await ok('ableton_set_scene_name', { scene: 8, name: 'End' })
    expect(get('live_set scenes 8', 'name')).toBe('End')
  })
  it('undoes and redoes', async () => {
    expect(await ok('ableton_undo')).toMatch(/^(Undone|Nothing to undo)/)
    expect(await ok('ableton_redo')).toMatch(/^(Redone|Nothing to redo)/)
  })
})

describe('devices by parameter name', () => {
  it('lists devices, reads parameters and sets one by name', async () => {
    expect(await ok('ableton_list_devices', { track: 0 })).toContain('"name": "Drum Rack"')
    expect(await ok('ableton_get_device', { track: 0, device: 0 })).toContain('"name": "Macro 1"')
    expect(await ok('ableton_set_device_param', { track: 0, device: 0, parameter: 'macro 1', value: 64 })).toMatch(
      /^Macro 1 on device 0 \(Drum Rack\) of track 0 \(Drums\) is now 64/,
    )
    expect(get('live_set tracks 0 devices 0 parameters 1', 'value')).toBe(64)
  })

  it('reaches the master, return tracks and the devices inside a rack through the bridge', async () => {
    const master = await ok('ableton_list_devices', { master: true })
    expect(master.split('\n\n')[0]).toBe('The master track has 1 devices.')
    expect(master).toContain('"className": "Eq8"')
    const rack = JSON.parse((await ok('ableton_list_devices', { track: 0, rack: 0 })).split('\n\n')[1]!) as {
      chain: number
      name: string
      devices: { path: string; name: string }[]
    }[]
    expect(rack.map((c) => [c.name, c.devices.map((d) => d.path)])).toEqual([
      ['Kick', ['0/0/0']],
      ['Snare', ['0/1/0']],
      ['Closed Hat', ['0/2/0']],
      ['Open Hat', ['0/3/0']],
    ])
    expect(await ok('ableton_get_device', { track: 0, device: '0/1/0' })).toMatch(
      /^Device 0\/1\/0 \(Snare\) on track 0 \(Drums\): \d+ parameters\./,
    )
    expect(
      await ok('ableton_set_device_param', { master: true, device: 0, parameter: 'output gain', value: -2 }),
    ).toMatch(/^Output Gain on device 0 \(Master EQ\) of the master track is now -2 /)
    expect(get('live_set master_track devices 0 parameters 9', 'value')).toBe(-2)
    await ok('ableton_set_device_param', { return_track: 0, device: 0, parameter: 0, value: 0 })
    expect(get('live_set return_tracks 0 devices 0 parameters 0', 'value')).toBe(0)
    const result = await mcp.call('ableton_get_device', { master: true, device: 3 })
    expect(result.isError).toBe(true)
    expect(mcp.text(result)).toMatch(/^device 3 does not exist on the master track; it has devices 0 Master EQ\./)
  })
})

describe('recording', () => {
  it('starts and stops recording, and says what export cannot do', async () => {
    expect(await ok('ableton_start_recording', { target: 'arrangement' })).toMatch(/^Recording \(arrangement\)/)
    expect(get('live_set', 'record_mode')).toBe(true)
    await ok('ableton_stop_recording')
    expect(get('live_set', 'record_mode')).toBe(false)
    await ok('ableton_transport_stop')
  })
})

describe('errors', () => {
  it('names the tracks that exist', async () => {
    const result = await mcp.call('ableton_set_track_volume', { track: 9, volume_db: -6 })
    expect(result.isError).toBe(true)
    expect(mcp.text(result)).toMatchInlineSnapshot(`
      "track 9 does not exist; this set has tracks 0–5: Drums, Bass, Keys, Pad, FX, Beat.
      Tracks count from 0."
    `)
  })
  it('names the range of a parameter', async () => {
    const result = await mcp.call('ableton_set_device_param', { track: 0, device: 0, parameter: 'Macro 1', value: 500 })
    expect(result.isError).toBe(true)
    expect(mcp.text(result)).toMatchInlineSnapshot(`
      "Invalid value: value 500 is out of range for Macro 1 on device 0 (Drum Rack) of track 0 (Drums): 0..127.
      Its current value is 64 (64.00)."
    `)
  })
  it('rejects bad arguments with the range', async () => {
    const result = await mcp.call('ableton_set_tempo', { bpm: 5000 })
    expect(result.isError).toBe(true)
    expect(mcp.text(result)).toMatchInlineSnapshot(
      `"MCP error -32602: Input validation error: Invalid arguments for tool ableton_set_tempo: Too big: expected number to be <=999 at bpm"`,
    )
  })
})
