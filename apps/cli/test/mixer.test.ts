import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLive, startSim, type TestSim } from './runLive.js'

describe.each(['bridge', 'abletonosc'] as const)(
  'track, clip, scene and device commands on the %s simulator',
  (flavour) => {
    let s: TestSim
    beforeAll(async () => {
      s = await startSim(flavour)
    })
    afterAll(() => s?.close())
    const get = (path: string, prop: string) => s.sim.model.get(path, prop)

    it('lists tracks as a table and as JSON', async () => {
      const human = await runLive(['tracks', ...s.flags])
      expect(human.code).toBe(0)
      expect(human.stdout.split('\n')[0]).toBe('#  name   type  volume   pan  MSR  playing')
      expect(human.stdout).toContain('1  Bass   midi  -2.0 dB  C    ···')
      const json = JSON.parse((await runLive(['tracks', '--json', ...s.flags])).stdout)
      expect(json.tracks.map((t: { name: string }) => t.name)).toEqual(['Drums', 'Bass', 'Keys', 'Pad', 'FX'])
      expect(json.tracks[2]).toMatchObject({ index: 2, type: 'midi', mute: false, playingClip: null })
      expect(json.tracks[2].pan).toBeCloseTo(-0.2, 5)
    })

    it('sets volume in dB or raw, pan, mute and name', async () => {
      expect((await runLive(['track', '0', 'volume', '-6dB', ...s.flags])).stdout).toBe('track 0 volume -6.0 dB\n')
      expect(get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(0.7, 5)
      await runLive(['track', '0', 'volume', '--raw', '0.85', ...s.flags])
      expect(get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(0.85, 5)
      expect((await runLive(['track', '1', 'pan', '25L', ...s.flags])).stdout).toBe('track 1 pan 25L\n')
      expect(get('live_set tracks 1 mixer_device panning', 'value')).toBeCloseTo(-0.5, 5)
      expect((await runLive(['track', '2', 'mute', 'on', ...s.flags])).stdout).toBe('track 2 mute on\n')
      expect(get('live_set tracks 2', 'mute')).toBe(true)
      await runLive(['track', '2', 'mute', 'off', ...s.flags])
      const named = JSON.parse((await runLive(['track', '4', 'name', 'Sparkle', 'FX', '--json', ...s.flags])).stdout)
      expect(named).toEqual({ track: 4, name: 'Sparkle FX' })
      expect(get('live_set tracks 4', 'name')).toBe('Sparkle FX')
    })

    it('reads a property when no value is given, changing nothing', async () => {
      expect((await runLive(['track', '1', 'volume', ...s.flags])).stdout).toBe('track 1 volume -2.0 dB\n')
      expect((await runLive(['track', '2', 'pan', ...s.flags])).stdout).toBe('track 2 pan 10L\n')
      expect((await runLive(['track', '3', 'solo', ...s.flags])).stdout).toBe('track 3 solo off\n')
      expect((await runLive(['track', '1', 'name', ...s.flags])).stdout).toBe('track 1 is "Bass"\n')
      const send = JSON.parse((await runLive(['track', '0', 'send', '0', '--json', ...s.flags])).stdout)
      expect(send).toEqual({ track: 0, send: 0, value: get('live_set tracks 0 mixer_device sends 0', 'value') })
      expect(get('live_set tracks 1 mixer_device volume', 'value')).toBeCloseTo(0.8, 5)
      const missing = await runLive(['track', '9', 'volume', ...s.flags])
      expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([
        2,
        'live track: INVALID_ARGUMENTS: track 9 does not exist: the set has tracks 0..4',
      ])
    })

    it('names the valid range for a track that does not exist', async () => {
      const run = await runLive(['track', '9', 'volume', '-6', ...s.flags])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('track 9 does not exist: the set has tracks 0..4')
    })

    it('creates and deletes tracks', async () => {
      const created = JSON.parse((await runLive(['track', 'create', 'audio', '--json', ...s.flags])).stdout)
      expect(created).toEqual({ created: 'audio', track: 5, tracks: 6 })
      expect(s.sim.model.getCount('live_set', 'tracks')).toBe(6)
      const deleted = await runLive(['track', 'delete', '5', '--yes', ...s.flags])
      expect(deleted.code).toBe(0)
      expect(s.sim.model.getCount('live_set', 'tracks')).toBe(5)
    })

    it('fires scenes and clips, creates and names clips, lists notes', async () => {
      expect((await runLive(['scene', '1', 'fire', ...s.flags])).stdout).toBe('▶ fired scene 1 "Verse"\n')
      const scenes = JSON.parse((await runLive(['scenes', '--json', ...s.flags])).stdout)
      expect(scenes.scenes[4]).toEqual({ index: 4, name: 'Drop', tempo: null })
      const missing = await runLive(['clip', '0', '7', 'fire', ...s.flags])
      expect(missing.code).toBe(3)
      expect(missing.stderr).toContain('NOT_FOUND: there is no clip on track 0 in scene 7')
      expect((await runLive(['clip', '0', '7', 'create', '8', ...s.flags])).code).toBe(0)
      expect(get('live_set tracks 0 clip_slots 7', 'has_clip')).toBe(true)
      expect(get('live_set tracks 0 clip_slots 7 clip', 'length')).toBe(8)
      await runLive(['clip', '0', '7', 'name', 'Fill', ...s.flags])
      expect(get('live_set tracks 0 clip_slots 7 clip', 'name')).toBe('Fill')
      const notes = JSON.parse((await runLive(['clip', '1', '1', 'notes', '--json', ...s.flags])).stdout)
      expect(notes.notes.length).toBeGreaterThan(0)
      expect(notes.notes[0]).toMatchObject({ pitch: expect.any(Number), velocity: expect.any(Number) })
      const bad = await runLive(['clip', '42', '0', 'fire', ...s.flags])
      expect(bad.code).toBe(3)
      expect(bad.stderr).toContain('NOT_FOUND: track 42 does not exist: the set has tracks 0–4')
    })

    it('lists devices and parameters, sets a parameter by name', async () => {
      const devices = JSON.parse((await runLive(['devices', '0', '--json', ...s.flags])).stdout)
      expect(devices.devices.map((d: { name: string }) => d.name)).toEqual(['Drum Rack', 'EQ Eight'])
      const params = JSON.parse((await runLive(['params', '0', '0', '--json', ...s.flags])).stdout)
      expect(params.parameters[1]).toMatchObject({ index: 1, name: 'Macro 1', min: 0, max: 127 })
      const set = await runLive(['param', '0', '0', 'Macro 1', '64', ...s.flags])
      expect(set.stdout).toBe('Macro 1 = 64 (64.00)\n')
      expect(get('live_set tracks 0 devices 0 parameters 1', 'value')).toBe(64)
      const range = await runLive(['param', '0', '0', 'Macro 1', '300', ...s.flags])
      expect(range.code).toBe(2)
      expect(range.stderr).toContain('value of "Macro 1" must be a number from 0 to 127 (got "300")')
      const absent = await runLive(['param', '0', '0', 'Wobble', ...s.flags])
      expect(absent.code).toBe(3)
    })

    it('reaches the master, return tracks and rack chains on the bridge, and says they need it elsewhere', async () => {
      if (flavour === 'abletonosc') {
        const master = await runLive(['devices', 'master', ...s.flags])
        expect(master.code).toBe(3)
        expect(master.stderr).toContain('the master track (/live/master/get/devices/name) needs the bridge')
        const chain = await runLive(['params', '0', '0/1/0', ...s.flags])
        expect(chain.stderr).toContain('inside racks (/live/device/get/parameters/name) need the bridge')
        return
      }
      const master = await runLive(['devices', 'master', '--json', ...s.flags])
      expect(JSON.parse(master.stdout).devices).toEqual([{ index: 0, name: 'Master EQ', className: 'Eq8' }])
      const rack = JSON.parse((await runLive(['devices', '0', '0', '--json', ...s.flags])).stdout)
      expect(rack.chains.map((c: { name: string }) => c.name)).toEqual(['Kick', 'Snare', 'Closed Hat', 'Open Hat'])
      expect(rack.chains[1].devices).toEqual([{ path: '0/1/0', name: 'Snare' }])
      const inside = JSON.parse((await runLive(['params', '0', '0/1/0', '--json', ...s.flags])).stdout)
      expect(inside.parameters[0]).toMatchObject({ index: 0, name: 'Device On' })
      const gain = await runLive(['param', 'master', '0', 'Output Gain', '-2', ...s.flags])
      expect(gain.stdout).toBe('Output Gain = -2 (-2.0 dB)\n')
      expect(get('live_set master_track devices 0 parameters 9', 'value')).toBe(-2)
      const ret = await runLive(['devices', 'return/1', ...s.flags])
      expect(ret.stdout).toContain('Delay')
      const missing = await runLive(['params', 'master', '4', ...s.flags])
      expect(missing.code).toBe(3)
      expect(missing.stderr).toContain('device 4 does not exist on master: it has devices 0..0')
    })
  },
)
