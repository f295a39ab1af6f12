import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type McpSession, startMcp } from './mcpHarness.js'

// The MCP spec of 2025-11-25 treats bad arguments as tool execution errors, so a model can correct itself:
// each comes back as an isError result in our words (argument, value, what is valid, next step), never the SDK's.
describe('errors a model can fix, through the SDK client against live-mcp --sim', () => {
  let mcp: McpSession
  beforeAll(async () => {
    mcp = await startMcp(['--sim'])
  })
  afterAll(() => mcp?.close())

  const fails = async (name: string, args: Record<string, unknown>) => {
    const result = await mcp.call(name, args)
    expect(result.isError, mcp.text(result)).toBe(true)
    expect(mcp.text(result)).not.toMatch(/MCP error|-32602|Input validation error|Too big|expected number/)
    return mcp.text(result)
  }

  it('names the argument, the value and the range', async () => {
    expect(await fails('ableton_set_tempo', { bpm: 5000 })).toMatchInlineSnapshot(`
      "Invalid argument: bpm 5000 is out of range: expected a number from 20 to 999.
      Fix bpm and call ableton_set_tempo again."
    `)
    expect(await fails('ableton_read', { limit: 0 })).toMatchInlineSnapshot(`
      "Invalid argument: limit 0 is out of range: expected a whole number from 1 to 512.
      Fix limit and call ableton_read again."
    `)
    expect(await fails('ableton_fire_clip', { track: 0, scene: -1 })).toMatchInlineSnapshot(`
      "Invalid argument: scene -1 is out of range: expected a scene index from 0.
      Fix scene and call ableton_fire_clip again."
    `)
  })

  it('names a missing argument, a wrong type, an unknown argument and a wrong choice', async () => {
    expect(await fails('ableton_mute_track', {})).toMatchInlineSnapshot(`
      "Invalid argument: track is missing: expected a track index from 0, or "master" or "return/R" on the bridge.
      Fix track and call ableton_mute_track again."
    `)
    expect(await fails('ableton_set_tempo', { bpm: 'fast' })).toMatchInlineSnapshot(`
      "Invalid argument: bpm "fast" is not valid: expected a number from 20 to 999.
      Fix bpm and call ableton_set_tempo again."
    `)
    expect(await fails('ableton_set_track_volume', { track: 1, volume_DB: -6 })).toMatchInlineSnapshot(`
      "Invalid argument: unknown argument "volume_DB": ableton_set_track_volume takes track, volume_db, volume.
      Call ableton_set_track_volume again with only those arguments."
    `)
    expect(await fails('ableton_create_track', { type: 'drums' })).toMatchInlineSnapshot(`
      "Invalid argument: type "drums" is not valid: expected one of "midi", "audio", "return".
      Fix type and call ableton_create_track again."
    `)
  })

  it('says which formats a track, a pan, a level and a note take (the CLI’s)', async () => {
    expect(await fails('ableton_mute_track', { track: 'drums' })).toMatchInlineSnapshot(`
      "Invalid argument: track "drums" is not a track: expected an index from 0, "master" or "return/R" (R from 0; return A is "return/0").
      ableton_read with no arguments lists the tracks and return tracks."
    `)
    expect(await fails('ableton_set_track_pan', { track: 0, pan: '70L' })).toMatchInlineSnapshot(`
      "Invalid argument: pan "70L" is out of range: Live's pan runs from 50L through C to 50R.
      Fix pan and try again."
    `)
    expect(await fails('ableton_set_track_volume', { track: 0, volume_db: 'loud' })).toMatchInlineSnapshot(`
      "Invalid argument: volume_db: "loud" is not a level in dB: expected e.g. "-6", "-6 dB", "+3 dB" or "-inf".
      Fix volume_db and try again."
    `)
    expect(await fails('ableton_set_track_volume', { track: 0, volume_db: 9 })).toMatchInlineSnapshot(`
      "Invalid argument: volume_db 9 is out of range: the fader goes from -inf to +6 dB.
      0 dB is unity; give e.g. -6 or "-6dB"."
    `)
    expect(await fails('ableton_create_clip', { track: 0, scene: 0, notes: ['X9 0'] })).toMatchInlineSnapshot(`
      "Invalid argument: notes[0] "X9 0" has no valid pitch: "X9" is not a note name (C3 = 60) or 0..127.
      A note is "pitch start [duration] [velocity] [mute]", e.g. "C1 0 0.25 110" or "60 1.5"."
    `)
  })

  it('names what exists when the object does not (NOT_FOUND)', async () => {
    expect(await fails('ableton_set_track_volume', { track: 9, volume_db: -6 })).toMatchInlineSnapshot(`
      "track 9 does not exist; this set has tracks 0–4: Drums, Bass, Keys, Pad, FX.
      Tracks count from 0."
    `)
    expect(await fails('ableton_launch_scene', { scene: 20 })).toMatchInlineSnapshot(`
      "scene 20 does not exist; this set has scenes 0–7: Intro, Verse, Verse 2, Build, Drop, Break, Drop 2, Outro.
      Scenes count from 0; ableton_create_scene adds one."
    `)
    expect(await fails('ableton_read', { track: 'return/5' })).toMatchInlineSnapshot(`
      "return 5 does not exist; this set has return tracks 0–1: A-Reverb, B-Delay.
      Return tracks count from 0: return A is "return/0"."
    `)
    expect(await fails('ableton_read', { track: 1, scene: 0 })).toMatchInlineSnapshot(`
      "track 1 (Bass) has no clip in slot 0; its clips are in slots 1 Bass Offbeat, 2 Bass Offbeat, 4 Bass Drive, 6 Bass Drive.
      Clip slots count from 0 and match scene indices; ableton_create_clip makes a MIDI clip."
    `)
  })

  it('explains arguments that do not go together', async () => {
    expect(await fails('ableton_update', { track: 1, tempo: 120 })).toMatchInlineSnapshot(`
      "Invalid argument: tempo does not apply to a track (track).
      tempo applies to the song (no track or scene) or a scene (scene)."
    `)
    expect(await fails('ableton_set_track_volume', { track: 1, volume_db: -6, volume: 0.5 })).toMatchInlineSnapshot(`
      "Invalid argument: give exactly one of volume_db (e.g. -6 or "-6dB") or volume (0..1).
      Example: { "track": 0, "volume_db": -6 }"
    `)
    expect(await fails('ableton_fade', { track: 0, to_value: 0.5 })).toMatchInlineSnapshot(`
      "Invalid argument: a volume fade takes to_db/from_db, not to_value/from_value.
      to_db/from_db are for volumes (dB); to_value/from_value for pan, sends and parameters."
    `)
    expect(
      await fails('ableton_set_device_param', { track: 0, device: 0, parameter: 'Macro 1', value: 500 }),
    ).toMatchInlineSnapshot(`
      "Invalid argument: value 500 is out of range for Macro 1 on device 0 (Drum Rack) of track 0 (Drums): 0..127.
      Its current value is 0 (0.00)."
    `)
  })

  it('keeps serving after every one of them', async () => {
    expect(await mcp.data('ableton_set_tempo', { bpm: 121 })).toEqual({ tempo: 121 })
  })
})
