import { describe, expect, it } from 'vitest'
import { createStage } from './createStage.js'
import { createStateStore, type StatePatch } from './createStateStore.js'

/** Resolves with the next patch the store flushes. */
const nextPatch = (store: ReturnType<typeof createStateStore>) =>
  new Promise<StatePatch>((resolve) => {
    const off = store.onPatch((patch) => {
      off()
      resolve(patch)
    })
  })

describe('createStateStore', () => {
  it('gathers the changes of one turn into one patch, and skips values that did not change', async () => {
    const store = createStateStore()
    store.set('song.tempo', 120)
    store.set('t.0.name', 'Drums')
    store.set('t.0.name', 'Beats')
    expect(await nextPatch(store)).toEqual({ entries: { 'song.tempo': 120, 't.0.name': 'Beats' }, removed: [] })
    store.set('song.tempo', 120)
    store.set('shape', { tracks: 1, scenes: 2 })
    expect(await nextPatch(store)).toEqual({ entries: { shape: { tracks: 1, scenes: 2 } }, removed: [] })
    store.set('shape', { tracks: 1, scenes: 2 })
    store.delete('t.0.name')
    store.delete('t.9.name')
    expect(await nextPatch(store)).toEqual({ entries: {}, removed: ['t.0.name'] })
    expect(store.snapshot()).toEqual({ 'song.tempo': 120, shape: { tracks: 1, scenes: 2 } })
  })

  it('sends fast keys (meters, song time) with the next patch, or after 33 ms on their own', async () => {
    const store = createStateStore()
    store.set('t.0.meter', 0.5)
    store.set('song.time', 4)
    expect(await nextPatch(store)).toEqual({ entries: { 't.0.meter': 0.5, 'song.time': 4 }, removed: [] })
    store.set('t.0.meter', 0.4)
    store.set('song.tempo', 99)
    expect(await nextPatch(store)).toEqual({ entries: { 't.0.meter': 0.4, 'song.tempo': 99 }, removed: [] })
  })

  it('replaces the keys a stage owns in one patch once its first values are in', async () => {
    const store = createStateStore()
    store.set('live', 'connected')
    store.set('t.0.name', 'Old')
    store.set('t.5.name', 'Gone')
    await nextPatch(store)
    const stage = createStage({ store, owns: (key) => key.startsWith('t.') })
    const name = stage.expect()
    const volume = stage.expect()
    stage.arm()
    stage.put('t.0.name', 'New')
    name()
    expect(stage.live).toBe(false)
    expect(store.get('t.0.name')).toBe('Old')
    stage.put('t.0.volume', 0.85)
    volume()
    expect(stage.live).toBe(true)
    expect(await nextPatch(store)).toEqual({
      entries: { 't.0.name': 'New', 't.0.volume': 0.85 },
      removed: ['t.5.name'],
    })
    stage.put('t.0.volume', 0.5)
    expect(store.get('t.0.volume')).toBe(0.5)
    stage.dispose()
    stage.put('t.0.volume', 0.1)
    expect(store.get('t.0.volume')).toBe(0.5)
    expect(store.get('live')).toBe('connected')
  })
})
