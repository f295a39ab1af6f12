import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createVirtualClock } from '../clock/virtualClock.js'
import { createLiveSet } from '../model/createLiveSet.js'
import { loadLiveSetFile, saveLiveSetFile } from '../model/liveSetFile.js'
import { parseLiveSet } from '../model/parseLiveSet.js'
import { createSimulator } from '../server/createSimulator.js'
import { defaultSet } from './defaultSet.js'

describe('built-in sets', () => {
  it.each(['default', 'demo'] as const)('%s survives toJSON → parse → createLiveSet → toJSON unchanged', (set) => {
    const first = createLiveSet({ set, clock: createVirtualClock() })
    const json = first.toJSON()
    const again = createLiveSet({ set: parseLiveSet(JSON.parse(JSON.stringify(json))), clock: createVirtualClock() })
    expect(again.toJSON()).toEqual(json)
    first.dispose()
    again.dispose()
  })

  it('default set matches Live blank set', () => {
    const live = createLiveSet({ clock: createVirtualClock() })
    const names = [0, 1, 2, 3].map((i) => live.get(`live_set tracks ${i}`, 'name'))
    expect(names).toEqual(['1-MIDI', '2-MIDI', '3-Audio', '4-Audio'])
    expect(live.get('live_set return_tracks 1', 'name')).toBe('B-Delay')
    expect(live.getCount('live_set', 'scenes')).toBe(8)
    expect(live.get('live_set', 'tempo')).toBe(120)
    expect(live.get('live_set', 'clip_trigger_quantization')).toBe(4)
    expect(live.get('live_set tracks 2 mixer_device volume', 'value')).toBe(0.85)
  })

  it('demo set has named tracks and scenes at 124 BPM', () => {
    const live = createLiveSet({ set: 'demo', clock: createVirtualClock() })
    expect([0, 1, 2, 3, 4].map((i) => live.get(`live_set tracks ${i}`, 'name'))).toEqual([
      'Drums',
      'Bass',
      'Keys',
      'Pad',
      'FX',
    ])
    expect(live.get('live_set scenes 4', 'name')).toBe('Drop')
    expect(live.get('live_set', 'tempo')).toBe(124)
    const notes = JSON.parse(
      live.call('live_set tracks 0 clip_slots 1 clip', 'get_all_notes_extended', []) as string,
    ).notes
    expect(notes[0]).toMatchObject({ pitch: 36, start_time: 0, velocity: 120 })
  })
})

describe('parseLiveSet and files', () => {
  it('names the failing field', () => {
    const data = defaultSet() as unknown as { tracks: { devices: unknown[] }[] }
    data.tracks[2]!.devices = [
      { name: 'EQ', class_name: 'Eq8', type: 2, parameters: [{ name: 'Gain', value: 'x', min: 0, max: 1 }] },
    ]
    expect(() => parseLiveSet(data)).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: tracks[2].devices[0].parameters[0].value: expected a number, got "x"
        A Live set file is JSON as written by saveLiveSetFile() (see liveSetSchema).]
    `)
  })

  it('saves through a temp file and loads back; bad JSON is FILE_FAILED', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'live-sim-'))
    const path = join(dir, 'set.json')
    const live = createLiveSet({ set: 'demo', clock: createVirtualClock() })
    await saveLiveSetFile(path, live.toJSON())
    expect(await loadLiveSetFile(path)).toEqual(live.toJSON())
    await writeFile(join(dir, 'bad.json'), '{', 'utf8')
    await expect(loadLiveSetFile(join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'FILE_FAILED' })
  })

  it('serves a set file given to createSimulator by path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'live-sim-'))
    const path = join(dir, 'set.json')
    const live = createLiveSet({ set: 'demo', clock: createVirtualClock() })
    live.set('live_set', 'tempo', 97)
    await saveLiveSetFile(path, live.toJSON())
    const sim = await createSimulator({ port: 0, flavour: 'bridge', set: path as `${string}.json` })
    try {
      expect(sim.model.get('live_set', 'tempo')).toBe(97)
      expect(sim.model.getCount('live_set', 'tracks')).toBe(5)
    } finally {
      await sim.close()
    }
    await expect(
      createSimulator({ port: 0, set: join(dir, 'missing.json') as `${string}.json` }),
    ).rejects.toMatchObject({
      code: 'FILE_FAILED',
    })
  })
})
