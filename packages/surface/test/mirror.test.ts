import { afterEach, describe, expect, it } from 'vitest'
import { keys } from '../src/shared/keys.js'
import { startTestSurface, type TestSurface } from './surfaceHarness.js'

describe.each(['bridge', 'abletonosc'] as const)('the mirror of the set (%s flavour)', (flavour) => {
  let t: TestSurface | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })
  const bridge = flavour === 'bridge'

  it('holds the demo set from the watchers: song, tracks, clips, scenes, and the buses the server has', async () => {
    t = await startTestSurface(flavour)
    const { store } = t.surface.mirror
    expect(store.get(keys.live)).toBe('connected')
    expect(store.get(keys.shape)).toEqual({ tracks: 5, scenes: 8, returns: bridge ? 2 : 0, sends: 2, master: bridge })
    expect(store.get(keys.server)).toMatchObject({ kind: flavour, liveVersion: '12.1' })
    expect(store.get(keys.song('tempo'))).toBe(124)
    expect([0, 1, 2, 3, 4].map((i) => store.get(keys.track(i, 'name')))).toEqual(['Drums', 'Bass', 'Keys', 'Pad', 'FX'])
    expect(store.get(keys.track(0, 'color'))).toBe(0xff3636)
    expect(store.get(keys.track(0, 'playing'))).toBe(-1)
    expect(store.get(keys.clip(0, 1, 'has'))).toBe(true)
    expect(store.get(keys.clip(0, 1, 'name'))).toBe('Beat A')
    expect(store.get(keys.clip(0, 0, 'has'))).toBe(false)
    expect(store.get(keys.clip(0, 0, 'name'))).toBeUndefined()
    expect(store.get(keys.scene(4, 'name'))).toBe('Drop')
    expect(store.get(keys.send(0, 1))).toBe(0)
    expect(store.get(keys.returnTrack(0, 'name'))).toBe(bridge ? 'A-Reverb' : undefined)
    expect(store.get(keys.master('volume'))).toBe(bridge ? 0.8500000238418579 : undefined)
  })

  it('follows changes made in Live, and the launch of a clip through its track’s fired and playing slots', async () => {
    t = await startTestSurface(flavour)
    const { store } = t.surface.mirror
    t.sim.model.set('live_set', 'tempo', 133)
    t.sim.model.set('live_set tracks 2', 'name', 'Rhodes')
    await expect.poll(() => store.get(keys.song('tempo'))).toBe(133)
    await expect.poll(() => store.get(keys.track(2, 'name'))).toBe('Rhodes')
    t.sim.model.call('live_set tracks 0 clip_slots 1', 'fire', [])
    t.sim.model.call('live_set', 'start_playing', [])
    await expect.poll(() => store.get(keys.track(0, 'playing'))).toBe(1)
  })

  it('rebuilds when the set changes shape: a track added, then deleted, and a clip created', async () => {
    t = await startTestSurface(flavour)
    const { store } = t.surface.mirror
    t.sim.model.call('live_set', 'create_midi_track', [-1])
    await expect.poll(() => (store.get(keys.shape) as { tracks: number }).tracks).toBe(6)
    expect(store.get(keys.track(5, 'name'))).toBe('6-MIDI')
    t.sim.model.call('live_set tracks 5 clip_slots 2', 'create_clip', [4])
    await expect.poll(() => store.get(keys.clip(5, 2, 'has'))).toBe(true)
    await expect.poll(() => store.get(keys.clip(5, 2, 'name'))).toBe('')
    t.sim.model.call('live_set', 'delete_track', [0])
    await expect.poll(() => (store.get(keys.shape) as { tracks: number }).tracks).toBe(5)
    expect(store.get(keys.track(0, 'name'))).toBe('Bass')
    expect(store.get(keys.track(5, 'name'))).toBeUndefined()
    expect(store.get(keys.clip(4, 2, 'has'))).toBe(true)
    expect(store.get(keys.clip(5, 2, 'has'))).toBeUndefined()
  })

  it('mirrors the devices of the selected track, parameter values with Live’s text, and follows the selection', async () => {
    t = await startTestSurface(flavour)
    const { store } = t.surface.mirror
    await expect.poll(() => store.get(keys.devices)).toEqual({ track: 0, count: 2 })
    expect(store.get(keys.device(0, 'name'))).toBe('Drum Rack')
    expect(store.get(keys.device(1, 'class'))).toBe('Eq8')
    await t.client.view.selectedTrack.set(1)
    await expect.poll(() => store.get(keys.devices)).toEqual({ track: 1, count: 2 })
    expect(store.get(keys.device(0, 'name'))).toBe('Sub Bass')
    const params = store.get(keys.device(1, 'params')) as { name: string }[]
    const freq = params.findIndex((p) => p.name === 'Frequency')
    expect(freq).toBeGreaterThan(0)
    await t.client.device(1, 1).parameterValue(freq).set(0.5)
    await expect.poll(() => store.get(keys.parameter(1, freq, 'value'))).toBe(0.5)
    await expect.poll(() => store.get(keys.parameter(1, freq, 'text'))).toBe('608 Hz')
  })

  it('says Live is lost when the simulator stops, and mirrors the new one when it is back', async () => {
    t = await startTestSurface(flavour)
    const { store } = t.surface.mirror
    await t.sim.close()
    await expect.poll(() => store.get(keys.live), { timeout: 10_000 }).toBe('lost')
    const fresh = await t.restartSim()
    await expect.poll(() => store.get(keys.live), { timeout: 10_000 }).toBe('connected')
    fresh.model.set('live_set', 'tempo', 141)
    await expect.poll(() => store.get(keys.song('tempo')), { timeout: 10_000 }).toBe(141)
  })
})
