import { describe, expect, it } from 'vitest'
import { A, setup } from './test/harness.js'

describe('flavour abletonosc: replies and echo rules', () => {
  it('song getters put extra args after the value; types come from the property', () => {
    const s = setup()
    expect(s.send('/live/song/get/tempo')).toBe('ok')
    s.send('/live/song/get/tempo', ['x', 2])
    s.send('/live/song/get/is_playing')
    s.send('/live/song/get/signature_numerator')
    s.send('/live/song/get/scale_name')
    expect(s.take()).toEqual([
      '/live/song/get/tempo f 120',
      '/live/song/get/tempo fsi 120 "x" 2',
      '/live/song/get/is_playing F false',
      '/live/song/get/signature_numerator i 4',
      '/live/song/get/scale_name s "Major"',
    ])
  })
  it('replies go to the sender, errors and unsolicited output to the remote', () => {
    const s = setup()
    s.send('/live/song/get/tempo')
    s.send('/live/test')
    s.send('/live/foo')
    expect(s.takeFull().map((o) => o.to)).toEqual([A, 'remote', 'remote'])
  })
  it('setters are silent; a set int reads back as the property type', () => {
    const s = setup()
    s.send('/live/song/set/tempo', [130])
    s.send('/live/song/get/tempo')
    s.send('/live/track/set/mute', [0, 1])
    s.send('/live/track/get/mute', [0])
    expect(s.take()).toEqual(['/live/song/get/tempo f 130', '/live/track/get/mute iT 0 true'])
  })
  it('track ids are int-converted: floats truncate, numeric strings work', () => {
    const s = setup()
    s.send('/live/track/get/name', [1.9], 'f')
    s.send('/live/track/get/name', ['3'])
    s.send('/live/track/get/volume', [0])
    expect(s.take()).toEqual([
      '/live/track/get/name is 1 "2-MIDI"',
      '/live/track/get/name is 3 "4-Audio"',
      '/live/track/get/volume if 0 0.85',
    ])
  })
  it('clip and clip slot getters echo int-converted ids', () => {
    const s = setup()
    s.addClip(0, 1, { name: 'Bass' })
    s.send('/live/clip/get/name', [0, 1.0], 'if')
    s.send('/live/clip_slot/get/has_clip', [0, 1])
    s.send('/live/scene/get/name', [2])
    expect(s.take()).toEqual([
      '/live/clip/get/name iis 0 1 "Bass"',
      '/live/clip_slot/get/has_clip iiT 0 1 true',
      '/live/scene/get/name is 2 "3"',
    ])
  })
  it('a RuntimeError in a getter is nil, but start_listen errors', () => {
    const s = setup()
    s.addClip(0, 0)
    s.send('/live/clip/get/file_path', [0, 0])
    s.send('/live/track/get/output_meter_left', [0])
    expect(s.send('/live/clip/start_listen/file_path', [0, 0])).toBe('abort')
    expect(s.take()).toEqual([
      '/live/clip/get/file_path iiN 0 0 null',
      '/live/track/get/output_meter_left iN 0 null',
      '/live/error s "Error handling OSC message: Not applicable"',
    ])
  })
  it('view: the selected device setter echoes; song bulk getters do not', () => {
    const s = setup()
    s.addDevice(1, 'Operator')
    s.send('/live/view/set/selected_device', [1, 0])
    s.send('/live/song/get/num_tracks')
    s.send('/live/song/get/track_names', [1, 3])
    s.send('/live/song/get/track_names', [2, -1])
    s.send('/live/song/get/scenes/name', [0, 2])
    s.send('/live/song/get/cue_points')
    s.send('/live/song/export/structure')
    expect(s.take()).toEqual([
      '/live/view/set/selected_device ii 1 0',
      '/live/song/get/num_tracks i 4',
      '/live/song/get/track_names ss "2-MIDI" "3-Audio"',
      '/live/song/get/track_names ss "3-Audio" "4-Audio"',
      '/live/song/get/scenes/name ss "1" "2"',
      '/live/song/get/cue_points sfsf "Intro" 0 "Drop" 16',
      '/live/song/export/structure i 1',
    ])
  })
  it('application and api', () => {
    const s = setup()
    s.send('/live/application/get/version')
    s.send('/live/api/get/log_level')
    s.send('/live/api/set/log_level', ['debug'])
    s.send('/live/api/get/log_level')
    s.send('/live/api/set/log_level', ['loud'])
    s.send('/live/test')
    expect(s.take()).toEqual([
      '/live/application/get/version ii 12 1',
      '/live/api/get/log_level s "info"',
      '/live/api/get/log_level s "debug"',
      '/live/error s "Error handling OSC message: "',
      '/live/test s "ok"',
    ])
  })
  it('startup sends /live/startup then an empty average_process_usage to the remote', () => {
    const s = setup()
    s.dispatcher.startup()
    expect(s.takeFull().map((o) => `${o.message.address} ${o.message.types} ${o.to}`)).toEqual([
      '/live/startup  remote',
      '/live/application/get/average_process_usage  remote',
    ])
  })
})

describe('flavour abletonosc: error texts', () => {
  const errorOf = (
    address: string,
    args: (number | string | boolean | null)[] = [],
    types?: string,
    prepare?: (s: ReturnType<typeof setup>) => void,
  ) => {
    const s = setup()
    prepare?.(s)
    const result = s.send(address, args, types)
    return { result, lines: s.take() }
  }
  it.each([
    ['/live/foo', [], undefined, 'Unknown OSC address: /live/foo', 'ok'],
    ['/live/track/get/name', [], undefined, 'Error handling OSC message: list index out of range', 'abort'],
    [
      '/live/track/get/name',
      ['x'],
      undefined,
      "Error handling OSC message: invalid literal for int() with base 10: 'x'",
      'abort',
    ],
    ['/live/track/get/name', [99], undefined, 'Error handling OSC message: Index out of range', 'abort'],
    ['/live/track/set/name', [0], undefined, 'Error handling OSC message: tuple index out of range', 'abort'],
    [
      '/live/clip/get/name',
      [0, 0],
      undefined,
      "Error handling OSC message: 'NoneType' object has no attribute 'name'",
      'abort',
    ],
    [
      '/live/clip/add/notes',
      [0, 0],
      undefined,
      "Error handling OSC message: 'NoneType' object has no attribute 'add_new_notes'",
      'abort',
    ],
    ['/live/clip_slot/get/has_clip', [0, 8], undefined, 'Error handling OSC message: Index out of range', 'abort'],
    ['/live/track/get/send', [0, 1.0], 'if', 'Error handling OSC message: Invalid index type', 'abort'],
    ['/live/view/set/selected_track', [1.0], 'f', 'Error handling OSC message: Invalid index type', 'abort'],
    [
      '/live/song/start_listen/can_undo',
      [],
      undefined,
      "Error handling OSC message: 'Song' object has no attribute 'add_can_undo_listener'",
      'abort',
    ],
    [
      '/live/track/start_listen/is_visible',
      [0],
      undefined,
      "Error handling OSC message: 'Track' object has no attribute 'add_is_visible_listener'",
      'abort',
    ],
    ['/live/clip/get/notes', [0, 0, 1], undefined, 'list', 'abort'],
  ] as const)('%s %j → %s', (address, args, types, text, result) => {
    const r = errorOf(address, [...args], types, (s) => {
      if (address === '/live/clip/get/notes') s.addClip(0, 0)
    })
    expect(r.result).toBe(result)
    if (text === 'list') expect(r.lines[0]).toContain('Invalid number of arguments for /clip/get/notes')
    else expect(r.lines).toEqual([`/live/error s ${JSON.stringify(text)}`])
  })
  it('song method arguments are not converted: a float gives a C++ signature error', () => {
    const r = errorOf('/live/song/delete_scene', [1.0], 'f')
    expect(r.lines[0]).toMatchInlineSnapshot(
      `"/live/error s "Error handling OSC message: Python argument types in\\n    Song.delete_scene(Song, float)\\ndid not match C++ signature:\\n    delete_scene(TSong {lvalue}, int)""`,
    )
    expect(errorOf('/live/song/create_scene').result).toBe('abort')
  })
  it('a float for an int property is refused by Live', () => {
    const r = errorOf('/live/song/set/signature_numerator', [3.5], 'f')
    expect(r.lines[0]).toMatchInlineSnapshot(
      `"/live/error s "Error handling OSC message: Python argument types in\\n    None.None(Song, float)\\ndid not match C++ signature:\\n    None(TSong {lvalue}, int)""`,
    )
  })
})
