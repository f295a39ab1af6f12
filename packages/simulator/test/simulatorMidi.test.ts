import { afterEach, describe, expect, it } from 'vitest'
import { type AbletonOscRig, startAbletonOscRig, waitUntil } from './udpHarness.js'

// Track 1 of the demo set: Operator, then Auto Filter.
const FILTER = 'live_set tracks 1 devices 1'

function parameterIndex(rig: AbletonOscRig, device: string, name: string): number {
  const n = rig.sim.model.getCount(device, 'parameters')
  const names = Array.from({ length: n }, (_, i) => rig.sim.model.get(`${device} parameters ${i}`, 'name'))
  return names.indexOf(name)
}

describe('the simulator’s virtual MIDI input (/simulator/midi) and Live’s MIDI map (/live/midimap/map_cc)', () => {
  let rig: AbletonOscRig
  afterEach(() => rig?.close())

  it('moves a parameter mapped with map_cc exactly as Live would: absolute mode, the value scaled to its range', async () => {
    rig = await startAbletonOscRig({ set: 'demo' })
    const p = parameterIndex(rig, FILTER, 'Frequency')
    const path = `${FILTER} parameters ${p}`
    const [min, max] = [rig.sim.model.get(path, 'min') as number, rig.sim.model.get(path, 'max') as number]
    // Channel 0 here is MIDI channel 1 (zero-based, as AbletonOSC takes it).
    rig.client.send({ address: '/live/midimap/map_cc', args: [1, 1, p, 0, 21] })
    await rig.client.sync()
    const own = rig.client.inbox.filter(
      (m) => m.address !== '/live/startup' && !m.address.startsWith('/live/application/'),
    )
    expect(own).toEqual([]) // no reply, as AbletonOSC
    expect(rig.sim.model.midiMap.mappings()).toEqual([{ channel: 0, cc: 21, parameter: path }])

    // On arrival, not on AbletonOSC's tick: Live's MIDI input does not wait for the script.
    rig.client.send({ address: '/simulator/midi', args: [0xb0, 21, 127] })
    await waitUntil(() => rig.sim.model.get(path, 'value') === max, 'the parameter at its max')
    rig.client.send({ address: '/simulator/midi', args: [0xb0, 21, 0] })
    await waitUntil(() => rig.sim.model.get(path, 'value') === min, 'the parameter at its min')
    rig.client.send({ address: '/simulator/midi', args: [0xb0, 21, 64] })
    await waitUntil(() => rig.sim.model.get(path, 'value') !== min, 'the parameter moved')
    expect(rig.sim.model.get(path, 'value')).toBeCloseTo(min + ((max - min) * 64) / 127, 4)
    // Another channel, and another CC, are not mapped.
    rig.client.send({ address: '/simulator/midi', args: [0xb1, 21, 127] })
    rig.client.send({ address: '/simulator/midi', args: [0xb0, 22, 127] })
    await rig.client.sync()
    expect(rig.sim.model.get(path, 'value')).toBeCloseTo(min + ((max - min) * 64) / 127, 4)
  })

  it('moves a quantised parameter by whole steps, and a later map_cc of the same CC replaces the mapping', async () => {
    rig = await startAbletonOscRig({ set: 'demo' })
    const on = `${FILTER} parameters 0` // Device On: 0 or 1
    rig.client.send({ address: '/live/midimap/map_cc', args: [1, 1, 0, 2, 7] })
    await rig.client.sync()
    rig.client.send({ address: '/simulator/midi', args: [0xb2, 7, 63] })
    await waitUntil(() => rig.sim.model.get(on, 'value') === 0, 'Device On off')
    rig.client.send({ address: '/simulator/midi', args: [0xb2, 7, 64] })
    await waitUntil(() => rig.sim.model.get(on, 'value') === 1, 'Device On on')

    const p = parameterIndex(rig, FILTER, 'Frequency')
    rig.client.send({ address: '/live/midimap/map_cc', args: [1, 1, p, 2, 7] })
    await rig.client.sync()
    expect(rig.sim.model.midiMap.mappings()).toEqual([{ channel: 2, cc: 7, parameter: `${FILTER} parameters ${p}` }])
    rig.client.send({ address: '/simulator/midi', args: [0xb2, 7, 0] })
    await waitUntil(
      () =>
        rig.sim.model.get(`${FILTER} parameters ${p}`, 'value') ===
        rig.sim.model.get(`${FILTER} parameters ${p}`, 'min'),
      'Frequency at its min',
    )
    expect(rig.sim.model.get(on, 'value')).toBe(1)
  })

  it('answers a malformed /simulator/midi with an error naming what it takes, and map_cc of a missing parameter as AbletonOSC does', async () => {
    rig = await startAbletonOscRig({ set: 'demo' })
    rig.client.send({ address: '/simulator/midi', args: [0xb0, 21] })
    const [error] = await rig.client.waitFor('/live/error')
    expect(error!.args).toMatchInlineSnapshot(`
      [
        "/simulator/midi takes three ints: a status byte 128..255, then two data bytes 0..127 (got 176 21)",
      ]
    `)
    rig.client.send({ address: '/live/midimap/map_cc', args: [1, 1, 999, 0, 21] })
    const [rejected] = await rig.client.waitFor('/live/error')
    expect(String(rejected!.args[0])).toContain('Index out of range')
    expect(rig.sim.model.midiMap.mappings()).toEqual([])
  })

  it('in the bridge flavour: map_cc maps nothing (the device has no MIDI map), while MIDI still reaches a map made in Live', async () => {
    rig = await startAbletonOscRig({ set: 'demo', flavour: 'bridge' })
    const p = parameterIndex(rig, FILTER, 'Frequency')
    const path = `${FILTER} parameters ${p}`
    rig.client.send({ address: '/live/midimap/map_cc', args: [1, 1, p, 0, 21] })
    await rig.client.sync()
    expect(rig.sim.model.midiMap.mappings()).toEqual([])
    // A mapping made in Live itself (Live's MIDI Map Mode): the set's own MIDI map.
    rig.sim.model.call('live_set', 'map_midi_cc', [{ path }, 0, 21])
    rig.client.send({ address: '/simulator/midi', args: [0xb0, 21, 127] })
    await waitUntil(
      () => rig.sim.model.get(path, 'value') === rig.sim.model.get(path, 'max'),
      'the parameter at its max',
    )
  })
})
