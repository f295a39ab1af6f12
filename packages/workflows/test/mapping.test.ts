import { createSocket } from 'node:dgram'
import { dbToVolume, encodePacket, formatDb, type LiveError, volumeToDb } from '@live/protocol'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { MappingEvent } from '../src/mapping/mappingEvents.js'
import type { MidiMapInput } from '../src/mapping/midiMapSchema.js'
import { memoryMidi } from '../src/mapping/midiPorts.js'
import { installNativeMapping } from '../src/mapping/nativeMapping.js'
import { checkMidiMap } from '../src/mapping/parseMidiMap.js'
import { type ActiveMapping, startMapping } from '../src/mapping/startMapping.js'
import { type LiveServer, startLiveServer } from './schedulerHarness.js'

const VOLUME = (t: number) => `live_set tracks ${t} mixer_device volume`
const PAN = (t: number) => `live_set tracks ${t} mixer_device panning`

describe.each(['bridge', 'abletonosc'] as const)('a mapping driving the %s simulator', (flavour) => {
  let server: LiveServer
  let mapping: ActiveMapping | undefined
  beforeAll(async () => {
    server = await startLiveServer(flavour, { set: 'demo' })
  })
  afterEach(async () => {
    await mapping?.stop()
    mapping = undefined
    await server.sim.reset()
  })
  afterAll(() => server?.close())
  const get = (path: string, prop = 'value') => server.sim.model.get(path, prop)
  const start = async (map: MidiMapInput) => {
    const midi = memoryMidi()
    const events: MappingEvent[] = []
    mapping = await startMapping(server.live, {
      map,
      input: midi.input,
      output: midi.output,
      onEvent: (e) => events.push(e),
    })
    return { midi, events, mapping }
  }

  it('moves a track volume with an absolute CC, the value scaled to the range', async () => {
    const { midi } = await start({
      takeover: 'jump',
      mappings: [{ name: 'Fader 1', control: { cc: 7 }, target: { kind: 'volume', track: 0 } }],
    })
    midi.play([0xb0, 7, 127])
    await expect.poll(() => get(VOLUME(0))).toBe(1)
    midi.play([0xb0, 7, 0])
    await expect.poll(() => get(VOLUME(0))).toBe(0)
  })

  it('maps a fader even in dB with curve db: the top of the range is its top, the bottom silence', async () => {
    const { midi } = await start({
      takeover: 'jump',
      mappings: [
        { control: { cc: 7, channel: 2 }, target: { kind: 'volume', track: 1 }, curve: 'db', range: [-60, 0] },
      ],
    })
    midi.play([0xb1, 7, 127])
    await expect.poll(() => get(VOLUME(1))).toBeCloseTo(0.85, 5)
    midi.play([0xb1, 7, 0])
    await expect.poll(() => get(VOLUME(1))).toBe(0)
    // Halfway up is halfway in dB: −30 dB.
    midi.play([0xb1, 7, 127 / 2])
    await expect.poll(() => get(VOLUME(1))).toBeCloseTo(dbToVolume(-60 + (63 / 127) * 60), 5)
  })

  it('steps panning with a relative encoder (two’s complement): +3 ticks, then −1', async () => {
    const { midi } = await start({
      mappings: [
        {
          control: { cc: 16, mode: 'relative-twos-complement' },
          target: { kind: 'panning', track: 2 },
          step: 0.1,
        },
      ],
    })
    const before = get(PAN(2)) as number
    midi.play([0xb0, 16, 3])
    await expect.poll(() => get(PAN(2))).toBeCloseTo(before + 0.3, 5)
    midi.play([0xb0, 16, 127])
    await expect.poll(() => get(PAN(2))).toBeCloseTo(before + 0.2, 5)
  })

  it('toggles mute with a note, and lights the LED as Live follows', async () => {
    const { midi } = await start({
      mappings: [
        { control: { note: 48, channel: 1 }, target: { kind: 'mute', track: 0 }, feedback: { on: 3, off: 0 } },
      ],
    })
    await expect.poll(() => midi.sent.at(-1)).toEqual([0x90, 48, 0])
    midi.play([0x90, 48, 127])
    midi.play([0x80, 48, 0])
    await expect.poll(() => get('live_set tracks 0', 'mute')).toBe(true)
    await expect.poll(() => midi.sent.at(-1)).toEqual([0x90, 48, 3])
    midi.play([0x90, 48, 127])
    await expect.poll(() => get('live_set tracks 0', 'mute')).toBe(false)
    await expect.poll(() => midi.sent.at(-1)).toEqual([0x90, 48, 0])
  })

  it('moves a motor fader when Live changes: feedback through the watcher', async () => {
    const { midi } = await start({ mappings: [{ control: { cc: 7 }, target: { kind: 'volume', track: 0 } }] })
    server.sim.model.set(VOLUME(0), 'value', 1)
    await expect.poll(() => midi.sent.at(-1)).toEqual([0xb0, 7, 127])
    server.sim.model.set(VOLUME(0), 'value', 0.5)
    await expect.poll(() => midi.sent.at(-1)).toEqual([0xb0, 7, 64])
  })

  it('picks the value up before moving it (soft takeover), and lets go when Live moves it elsewhere', async () => {
    const { midi, events } = await start({ mappings: [{ control: { cc: 7 }, target: { kind: 'volume', track: 0 } }] })
    server.sim.model.set(VOLUME(0), 'value', 0.5)
    await expect.poll(() => midi.sent.at(-1)).toEqual([0xb0, 7, 64])
    // The fader starts at the bottom: far from Live's value, nothing moves.
    midi.play([0xb0, 7, 10])
    midi.play([0xb0, 7, 40])
    expect(events.filter((e) => e.type === 'pickup')).toHaveLength(2)
    expect(get(VOLUME(0))).toBe(0.5)
    // It crosses 0.5 on the way up: it engages and moves the value from there.
    midi.play([0xb0, 7, 70])
    await expect.poll(() => get(VOLUME(0))).toBeCloseTo(70 / 127, 5)
    midi.play([0xb0, 7, 80])
    await expect.poll(() => get(VOLUME(0))).toBeCloseTo(80 / 127, 5)
    // Live moves it from elsewhere: the fader must pick it up again.
    server.sim.model.set(VOLUME(0), 'value', 0.2)
    await expect.poll(() => mapping!.rows()[0]!.value).toBe(formatDb(volumeToDb(0.2)))
    midi.play([0xb0, 7, 81])
    expect(events.at(-1)).toMatchObject({ type: 'pickup', index: 0 })
    expect(get(VOLUME(0))).toBe(0.2)
  })

  it('shifts which tracks a row of faders controls with a bank button, and sends the new tracks’ positions', async () => {
    const { midi, events } = await start({
      takeover: 'jump',
      banks: { tracks: 2 },
      mappings: [
        { name: 'Fader 1', control: { cc: 0 }, target: { kind: 'volume', track: 0 } },
        { name: 'Fader 2', control: { cc: 1 }, target: { kind: 'volume', track: 1 } },
        { name: 'Bank >', control: { cc: 59 }, target: { kind: 'bank', tracks: 1 } },
        { name: 'Bank <', control: { cc: 58 }, target: { kind: 'bank', tracks: -1 } },
      ],
    })
    server.sim.model.set(VOLUME(2), 'value', 1)
    const track1 = get(VOLUME(1))
    midi.play([0xb0, 59, 127])
    midi.play([0xb0, 59, 0])
    await expect.poll(() => events.find((e) => e.type === 'bank')).toEqual({ type: 'bank', tracks: 1, scenes: 0 })
    await expect.poll(() => mapping!.rows()[0]!.target).toBe('track 2 volume')
    await expect.poll(() => midi.sent.some((m) => m.join() === [0xb0, 0, 127].join())).toBe(true)
    midi.play([0xb0, 1, 0])
    await expect.poll(() => get(VOLUME(3))).toBe(0)
    expect(get(VOLUME(1))).toBe(track1)
    midi.play([0xb0, 58, 127])
    await expect.poll(() => mapping!.rows()[1]!.target).toBe('track 1 volume')
  })

  it('fires a scene with a program change and plays with a trigger button', async () => {
    const { midi, events } = await start({
      mappings: [
        { control: { program: 'any' }, target: { kind: 'scene', scene: 0 } },
        { control: { note: 91 }, target: { kind: 'play' } },
      ],
    })
    midi.play([0xc0, 1])
    await expect.poll(() => events.find((e) => e.type === 'fired')).toMatchObject({ target: 'scene 1' })
    midi.play([0x90, 91, 127])
    await expect.poll(() => get('live_set', 'is_playing')).toBe(true)
  })

  it('moves a device parameter by name', async () => {
    const { midi } = await start({
      takeover: 'jump',
      mappings: [{ control: { cc: 21 }, target: { kind: 'parameter', track: 1, device: 1, parameter: 'Frequency' } }],
    })
    const path = 'live_set tracks 1 devices 1 parameters'
    const names = Array.from(
      { length: server.sim.model.getCount('live_set tracks 1 devices 1', 'parameters') },
      (_, i) => get(`${path} ${i}`, 'name'),
    )
    const p = names.indexOf('Frequency')
    const [min, max] = [get(`${path} ${p}`, 'min') as number, get(`${path} ${p}`, 'max') as number]
    midi.play([0xb0, 21, 127])
    await expect.poll(() => get(`${path} ${p}`)).toBeCloseTo(max, 5)
    midi.play([0xb0, 21, 0])
    await expect.poll(() => get(`${path} ${p}`)).toBeCloseTo(min, 5)
  })
})

describe('native mappings: Live maps the CCs itself (AbletonOSC /live/midimap/map_cc)', () => {
  const cutoff: MidiMapInput = {
    mappings: [
      {
        name: 'Cutoff',
        control: { cc: 21, channel: 3 },
        target: { kind: 'parameter', track: 1, device: 1, parameter: 'Frequency' },
      },
      { name: 'Fader', control: { cc: 7 }, target: { kind: 'volume', track: 0 } },
    ],
  }

  it('installs device-parameter CCs on AbletonOSC, which then move with MIDI sent into Live (/simulator/midi)', async () => {
    const server = await startLiveServer('abletonosc', { set: 'demo' })
    const socket = createSocket('udp4')
    try {
      const result = await installNativeMapping(server.live, checkMidiMap(cutoff))
      expect(result.skipped.map((s) => s.name)).toEqual(['Fader'])
      const p = result.messages[0]!.args[2] as number
      expect(result.messages.map((m) => m.args)).toEqual([[1, 1, p, 2, 21]])
      await expect.poll(() => server.sim.model.midiMap.mappings().length).toBe(1)
      const path = `live_set tracks 1 devices 1 parameters ${p}`
      const max = server.sim.model.get(path, 'max')
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
      socket.send(
        encodePacket({ address: '/simulator/midi', types: 'iii', args: [0xb2, 21, 127] }),
        server.sim.port,
        '127.0.0.1',
      )
      await expect.poll(() => server.sim.model.get(path, 'value')).toBe(max)
    } finally {
      socket.close()
      await server.close()
    }
  })

  it('refuses on the bridge, which has no MIDI map, and plans without sending in a dry run', async () => {
    const server = await startLiveServer('bridge', { set: 'demo' })
    try {
      const error = await installNativeMapping(server.live, checkMidiMap(cutoff)).catch((e: LiveError) => e)
      expect((error as LiveError).message).toMatchInlineSnapshot(`
        "UNSUPPORTED: the Max for Live bridge 0.0.0 has no MIDI map: /live/midimap/map_cc is AbletonOSC's
          Point --native at AbletonOSC (port 11000), or run the mapping without --native: it works on every server."
      `)
      const plan = await installNativeMapping(server.live, checkMidiMap(cutoff), { dryRun: true })
      expect(plan.messages.map((m) => m.args)).toEqual([[1, 1, '<Frequency>', 2, 21]])
      expect(server.sim.model.midiMap.mappings()).toEqual([])
    } finally {
      await server.close()
    }
  })
})
