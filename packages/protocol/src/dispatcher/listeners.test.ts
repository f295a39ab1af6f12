import { describe, expect, it } from 'vitest'
import { setup } from './test/harness.js'

describe('flavour abletonosc: listeners', () => {
  it('sends the value at once, then on every change; stop needs identical args', () => {
    const s = setup()
    s.send('/live/song/start_listen/tempo', ['x'])
    s.send('/live/song/set/tempo', [100])
    s.send('/live/song/stop_listen/tempo')
    s.send('/live/song/set/tempo', [101])
    s.send('/live/song/stop_listen/tempo', ['x'])
    s.send('/live/song/set/tempo', [102])
    expect(s.take()).toEqual([
      '/live/song/get/tempo sf "x" 120',
      '/live/song/get/tempo sf "x" 100',
      '/live/song/get/tempo sf "x" 101',
    ])
  })
  it('a repeated start_listen replaces the listener (no duplicates)', () => {
    const s = setup()
    s.send('/live/track/start_listen/name', [0])
    s.send('/live/track/start_listen/name', [0.0], 'f')
    s.send('/live/track/set/name', [0, 'Kick'])
    expect(s.take()).toEqual([
      '/live/track/get/name is 0 "1-MIDI"',
      '/live/track/get/name is 0 "1-MIDI"',
      '/live/track/get/name is 0 "Kick"',
    ])
  })
  it('clip listeners echo the ids exactly as received', () => {
    const s = setup()
    s.addClip(1, 2)
    s.send('/live/clip/start_listen/name', [1.0, '2'], 'fs')
    s.send('/live/clip/set/name', [1, 2, 'Lead'])
    s.send('/live/clip/stop_listen/name', [1, 2])
    s.send('/live/clip/set/name', [1, 2, 'Other'])
    expect(s.take()).toEqual([
      '/live/clip/get/name fss 1 "2" "clip"',
      '/live/clip/get/name fss 1 "2" "Lead"',
      '/live/clip/get/name fss 1 "2" "Other"',
    ])
  })
  it('the mixer listener sends track_id and value; there is no send listener', () => {
    const s = setup()
    s.send('/live/track/start_listen/volume', [2])
    s.send('/live/track/set/volume', [2, 0.5], 'if')
    s.send('/live/track/start_listen/send', [2, 0])
    expect(s.take()).toEqual([
      '/live/track/get/volume if 2 0.85',
      '/live/track/get/volume if 2 0.5',
      '/live/error s "Unknown OSC address: /live/track/start_listen/send"',
    ])
  })
  it('the parameter listener sends value and value_string; a float parameter_id is an invalid index', () => {
    const s = setup()
    s.addDevice(0, 'Op')
    s.send('/live/device/start_listen/parameter/value', [0, 0, 1])
    s.send('/live/device/set/parameter/value', [0, 0, 1, 0.25], 'iiif')
    expect(s.send('/live/device/start_listen/parameter/value', [0, 0, 1.0], 'iif')).toBe('abort')
    expect(s.take()).toEqual([
      '/live/device/get/parameter/value iiif 0 0 1 0.5',
      '/live/device/get/parameter/value_string iiis 0 0 1 "0.50 dB"',
      '/live/device/get/parameter/value iiif 0 0 1 0.25',
      '/live/device/get/parameter/value_string iiis 0 0 1 "0.25 dB"',
      '/live/error s "Error handling OSC message: Invalid index type"',
    ])
  })
  it('the device name listener has no ids and one shared key: the first observer is orphaned', () => {
    const s = setup()
    const a = s.addDevice(0, 'A')
    const b = s.addDevice(1, 'B')
    s.send('/live/device/start_listen/name', [0, 0])
    s.send('/live/device/start_listen/name', [1, 0])
    s.send('/live/device/stop_listen/name', [1, 0])
    a.props.name = 'A2'
    s.notify(a, 'name', 'A2')
    b.props.name = 'B2'
    s.notify(b, 'name', 'B2')
    expect(s.take()).toEqual([
      '/live/device/get/name s "A"',
      '/live/device/get/name s "B"',
      '/live/device/get/name s "A2"',
    ])
  })
  it('view listeners send the selected index', () => {
    const s = setup()
    s.send('/live/view/start_listen/selected_track')
    s.send('/live/view/set/selected_track', [2])
    expect(s.take()).toEqual(['/live/view/get/selected_track i 0', '/live/view/get/selected_track i 2'])
  })
  it('the beat listener sends int(time) on a new beat or a rewind, nothing at start', () => {
    const s = setup()
    s.send('/live/song/start_listen/beat')
    for (const t of [0, 0.5, 0.99, 1, 1.5, 2, 5.25, 1.0, 1.2]) s.send('/live/song/set/current_song_time', [t], 'f')
    expect(s.take()).toEqual([
      '/live/song/get/beat i 0',
      '/live/song/get/beat i 1',
      '/live/song/get/beat i 2',
      '/live/song/get/beat i 5',
      '/live/song/get/beat i 1',
    ])
    s.send('/live/song/stop_listen/beat')
    s.send('/live/song/set/current_song_time', [9], 'i')
    expect(s.take()).toEqual([])
  })
  it('"*" as track id: listeners on every track, getters for track 0 only, setters on all', () => {
    const s = setup()
    s.send('/live/track/start_listen/mute', ['*'])
    expect(s.take()).toEqual([
      '/live/track/get/mute iF 0 false',
      '/live/track/get/mute iF 1 false',
      '/live/track/get/mute iF 2 false',
      '/live/track/get/mute iF 3 false',
    ])
    s.send('/live/track/stop_listen/mute', ['*'])
    s.send('/live/track/set/mute', ['*', true])
    s.send('/live/track/get/mute', ['*'])
    expect(s.take()).toEqual(['/live/track/get/mute iT 0 true'])
    expect(s.tracks.every((t) => t.props.mute === true)).toBe(true)
  })
  it('reload re-sends startup; with a mixer listener it hits the KeyError and every address becomes unknown', () => {
    const s = setup()
    s.send('/live/song/start_listen/tempo')
    s.take()
    s.send('/live/api/reload')
    expect(s.take()).toEqual(['/live/startup ', '/live/application/get/average_process_usage '])
    expect(s.observerCount()).toBe(0)
    s.send('/live/track/start_listen/volume', [0])
    s.take()
    expect(s.send('/live/api/reload')).toBe('abort')
    s.send('/live/song/get/tempo')
    s.send('/live/song/get/*')
    expect(s.take()).toEqual([
      '/live/error s "Error handling OSC message: (\'volume\', (0,))"',
      '/live/error s "Unknown OSC address: /live/song/get/tempo"',
    ])
  })
  it('dispose detaches every listener', () => {
    const s = setup()
    s.send('/live/song/start_listen/tempo')
    s.send('/live/track/start_listen/volume', [0])
    expect(s.observerCount()).toBe(2)
    s.dispatcher.dispose()
    expect(s.observerCount()).toBe(0)
  })
})
