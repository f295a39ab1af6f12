import { describe, expect, it } from 'vitest'
import { setup } from './test/harness.js'

describe('flavour abletonosc: address wildcards', () => {
  it('/live/song/get/* answers 32 concrete addresses (track_data skipped)', () => {
    const s = setup()
    s.send('/live/song/get/*')
    const lines = s.take()
    expect(lines).toHaveLength(32)
    expect(lines[0]).toBe('/live/song/get/can_redo F false')
    expect(lines.some((l) => l.startsWith('/live/song/get/track_data'))).toBe(false)
  })
  it('/live/track/get/* 2 answers 42 (send skipped), /live/clip_slot/get/* 8, /live/scene/get/* 10', () => {
    const s = setup()
    s.send('/live/track/get/*', [2])
    expect(s.take()).toHaveLength(42)
    s.send('/live/clip_slot/get/*', [0, 0])
    expect(s.take()).toHaveLength(8)
    s.send('/live/scene/get/*', [0])
    expect(s.take()).toHaveLength(10)
  })
  it('/live/clip/get/* t c answers 36 including notes', () => {
    const s = setup()
    s.addClip(0, 0)
    s.send('/live/clip/get/*', [0, 0])
    const lines = s.take()
    expect(lines).toHaveLength(36)
    expect(lines).toContain('/live/clip/get/notes ii 0 0')
  })
  it('/live/view/get/* skips selected_device when nothing is selected', () => {
    const s = setup()
    s.send('/live/view/get/*')
    expect(s.take()).toEqual([
      '/live/view/get/selected_scene i 0',
      '/live/view/get/selected_track i 0',
      '/live/view/get/selected_clip ii 0 0',
    ])
  })
  it('swallows unobservable properties in start_listen/*, silent when nothing matches', () => {
    const s = setup()
    expect(s.send('/live/song/start_listen/*')).toBe('ok')
    expect(s.take()).toHaveLength(25)
    expect(s.send('/live/nothing/*')).toBe('ok')
    expect(s.take()).toEqual([])
  })
  it('aborts on other errors (Live RuntimeError in start_listen/* on a MIDI track)', () => {
    const s = setup()
    expect(s.send('/live/track/start_listen/*', [0])).toBe('abort')
    expect(s.take().at(-1)).toBe('/live/error s "Error handling OSC message: Not applicable"')
  })
  it('is a prefix match with "." unescaped', () => {
    const s = setup()
    s.send('/live/song/get/num_*')
    expect(s.take()).toEqual(['/live/song/get/num_tracks i 4', '/live/song/get/num_scenes i 8'])
    s.send('/live/song/get/t.mp*')
    expect(s.take()).toEqual(['/live/song/get/tempo f 120'])
  })
})
