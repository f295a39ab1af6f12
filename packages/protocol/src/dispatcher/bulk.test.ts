import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { abletonOscRegistry } from './registry.js'
import { setup } from './test/harness.js'

describe('flavour abletonosc: notes and bulk layouts', () => {
  it('get/notes: default window excludes pitch 127, 5-tuples i f f f T/F; add needs groups of 5', () => {
    const s = setup()
    s.addClip(0, 0)
    s.send(
      '/live/clip/add/notes',
      [0, 0, 60, 0, 1, 100, false, 127, 0, 1, 64, false, 48, 2, 0.5, 90, true],
      'iiiiiiFiiiiiFiffiT',
    )
    s.send('/live/clip/get/notes', [0, 0])
    s.send('/live/clip/get/notes', [0, 0, 127, 1, 0, 4], 'iiiiii')
    expect(s.take()).toEqual([
      '/live/clip/get/notes iiifffTifffF 0 0 48 2 0.5 90 true 60 0 1 100 false',
      '/live/clip/get/notes iiifffF 0 0 127 0 1 64 false',
    ])
    expect(s.send('/live/clip/add/notes', [0, 0, 60, 0, 1], 'iiiii')).toBe('abort')
    expect(s.send('/live/clip/add/notes', [0, 0, 60.0, 0, 1, 100, false], 'iifiiiF')).toBe('abort')
    expect(s.take()).toEqual([
      '/live/error s "Error handling OSC message: not enough values to unpack (expected 5, got 3)"',
      expect.stringContaining('MidiNoteSpecification.__init__(MidiNoteSpecification, float, int, int, int, bool)'),
    ])
  })
  it('remove/notes uses the same default window', () => {
    const s = setup()
    s.addClip(0, 0)
    s.send('/live/clip/remove/notes', [0, 0])
    expect(s.calls.at(-1)).toEqual({
      path: 'live_set tracks 0 clip_slots 0 clip',
      method: 'remove_notes_extended',
      args: [0, 127, -8192, 16384],
    })
  })
  it('track_data: BEHAVIOUR example layout, no echo, nil for empty slots', () => {
    const s = setup()
    s.addClip(0, 1, { name: 'c01' })
    s.addDevice(1, 'Op')
    s.send('/live/song/get/track_data', [0, 2, 'track.name', 'clip.name', 'clip_slot.has_clip', 'track.num_devices'])
    const [line] = s.take()
    const n = 'null'
    expect(line).toBe(
      [
        '/live/song/get/track_data sNsNNNNNNFTFFFFFFiNNNNNNNNFFFFFFFFi'.replace('sNsN', 'sNsN'),
        '"1-MIDI"',
        n,
        '"c01"',
        n,
        n,
        n,
        n,
        n,
        n,
        'false',
        'true',
        ...Array(6).fill('false'),
        '0',
        '"2-MIDI"',
        ...Array(8).fill(n),
        ...Array(8).fill('false'),
        '1',
      ]
        .join(' ')
        .replace('sNsNNNNNNFTFFFFFFiNNNNNNNNFFFFFFFFi', 'sNsNNNNNNFTFFFFFFisNNNNNNNNFFFFFFFFi'),
    )
  })
  it('track_data: device values per device, unknown prefix → one error per track and the reply still sent', () => {
    const s = setup()
    s.addDevice(0, 'A')
    s.addDevice(0, 'B')
    s.send('/live/song/get/track_data', [0, 2, 'device.name', 'foo.bar'])
    expect(s.take()).toEqual(['/live/error s "foo"', '/live/error s "foo"', '/live/song/get/track_data ss "A" "B"'])
  })
  it('track clip lists: track_id then one value per slot', () => {
    const s = setup()
    s.addClip(3, 2, { name: 'x', length: 8 })
    s.send('/live/track/get/clips/name', [3])
    expect(s.take()).toEqual(['/live/track/get/clips/name iNNsNNNNN 3 null null "x" null null null null null'])
  })
})

describe('the address table', () => {
  const catalog = JSON.parse(readFileSync(new URL('../../data/abletonosc-catalog.json', import.meta.url), 'utf8')) as {
    address: string
    kind: string
    pseudo?: boolean
  }[]
  const handled = catalog.filter((e) => e.kind !== 'event' && e.pseudo !== true).map((e) => e.address)
  it('registers exactly the 494 handled catalogue addresses, in catalogue order', () => {
    expect(handled).toHaveLength(494)
    expect([...abletonOscRegistry().keys()]).toEqual(handled)
  })
  it('no handled address answers "Unknown OSC address"', () => {
    const s = setup()
    s.addClip(0, 0)
    s.addDevice(0, 'Op')
    for (const address of handled) s.send(address, [0, 0, 0])
    expect(s.take().filter((l) => l.includes('Unknown OSC address'))).toEqual([])
  })
})
