import { isLiveError, type LiveError } from '@live/protocol'
import { udp } from '@live/transport-udp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../src/createClient.js'
import { liveSetSchema } from '../src/sync/liveSetSchema.js'
import { freeUdpPort, type LiveServer, startLiveServer } from './liveServer.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

describe.each(['abletonosc', 'bridge'] as const)('against the %s simulator over UDP', (flavour) => {
  let server: LiveServer
  beforeAll(async () => {
    server = await startLiveServer(flavour, 'default')
  })
  afterAll(() => server?.close())

  it('syncs the default set', async () => {
    const phases = new Set<string>()
    let last = { done: 0, total: -1 }
    const set = await server.live.sync({
      onProgress: ({ phase, done, total }) => {
        phases.add(phase)
        last = { done, total }
      },
    })
    expect(last.done).toBe(last.total)
    expect(liveSetSchema.parse(JSON.parse(JSON.stringify(set)))).toEqual(set)
    expect(set.song.tempo).toBe(120)
    expect(set.song.signatureNumerator).toBe(4)
    expect(set.tracks.map((t) => t.name)).toEqual(['1-MIDI', '2-MIDI', '3-Audio', '4-Audio'])
    expect(set.tracks[0]!.volume).toBeCloseTo(0.85, 5)
    expect(set.tracks[0]!.sends).toEqual([0, 0])
    expect(set.tracks[0]!.clipSlots).toHaveLength(8)
    expect(set.tracks.flatMap((t) => t.clipSlots).filter((s) => s.hasClip)).toEqual([])
    expect(set.scenes).toHaveLength(8)
    expect([...phases]).toEqual(['song', 'tracks', 'view'])
  })

  it('reads, writes and watches through the typed API', async () => {
    const { live } = server
    const tempos: number[] = []
    const unwatch = live.song.tempo.watch((bpm) => tempos.push(bpm))
    await live.song.tempo.set(128)
    await expect.poll(() => tempos.at(-1)).toBe(128)
    expect(await live.song.tempo.get()).toBe(128)
    unwatch()
    await live.song.tempo.set(120)
    await live.track(1).name.set('Lead')
    expect(await live.track(1).name.get()).toBe('Lead')
    await live.track(1).name.set('2-MIDI')
    const ms = await live.ping()
    expect(ms).toBeGreaterThan(0)
    expect(ms).toBeLessThan(1000)
  })

  it('tells which server answers', async () => {
    const info = await server.live.detect()
    expect(info.kind).toBe(flavour === 'bridge' ? 'bridge' : 'abletonosc')
    expect(info.liveVersion).toMatch(/^\d+\.\d+$/)
  })

  it('reaches return tracks through the bridge only', async () => {
    const result = await caught(server.live.returnTrack(0).volume.get())
    if (flavour === 'bridge') {
      expect(result).toBeUndefined()
      expect(typeof (await server.live.returnTrack(0).volume.get())).toBe('number')
    } else {
      expect(result?.code).toBe('UNSUPPORTED')
      expect(result?.message).toMatchInlineSnapshot(`
        "UNSUPPORTED: return tracks (/live/return/get/volume) need the bridge; the server answering is AbletonOSC
          AbletonOSC cannot address return tracks, the master track or devices in racks.
          Load the @live Max for Live bridge device in your set, or run the simulator with flavour "bridge"."
      `)
      const master = await caught(server.live.masterTrack.volume.get())
      expect(master?.shortMessage).toBe(
        'the master track (/live/master/get/volume) needs the bridge; the server answering is AbletonOSC',
      )
    }
  })

  it('attributes Live errors to the request that caused them', async () => {
    // An empty slot: Live's refusal, pinned on this request, is explained as NOT_FOUND and kept as its cause.
    const error = await caught(server.live.clip(0, 0).name.get())
    expect(error?.code).toBe('NOT_FOUND')
    expect((error?.cause as LiveError | undefined)?.shortMessage).toMatch(/^Live refused \/live\/clip\/get\/name: /)
  })
})

describe.each(['abletonosc', 'bridge'] as const)('the demo set on the %s simulator', (flavour) => {
  let server: LiveServer
  beforeAll(async () => {
    server = await startLiveServer(flavour, 'demo')
  })
  afterAll(() => server?.close())

  it('syncs every track, clip, note, device and parameter', async () => {
    const set = await server.live.sync()
    expect(set.song.tempo).toBe(124)
    expect(set.song.cuePoints).toEqual([
      { name: 'Intro', time: 0 },
      { name: 'Drop', time: 64 },
    ])
    expect(set.tracks.map((t) => t.name)).toEqual(['Drums', 'Bass', 'Keys', 'Pad', 'FX'])
    expect(set.tracks.map((t) => t.clipSlots.filter((s) => s.hasClip).length)).toEqual([5, 4, 4, 4, 2])
    expect(set.tracks[0]!.devices.map((d) => d.name)).toEqual(['Drum Rack', 'EQ Eight'])
    expect(set.tracks[0]!.devices[0]!.parameters[1]).toEqual({
      index: 1,
      name: 'Macro 1',
      value: 0,
      min: 0,
      max: 127,
      isQuantized: false,
    })
    const midiClip = set.tracks.flatMap((t) => t.clipSlots).find((s) => s.clip?.isMidi === true)!.clip!
    expect(midiClip.notes.length).toBeGreaterThan(0)
  })

  it('answers 200 concurrent requests for different objects with their own values', async () => {
    const set = await server.live.sync({ notes: false, parameters: false })
    const slots = set.tracks.flatMap((t) => t.clipSlots.map((s) => ({ t: t.index, s })))
    const picks = Array.from({ length: 200 }, (_, i) => slots[i % slots.length]!)
    const values = await Promise.all(picks.map(({ t, s }) => server.live.clipSlot(t, s.index).hasClip.get()))
    expect(values).toEqual(picks.map(({ s }) => s.hasClip))
  })

  it("watches a device name without taking the getter's replies for another device as updates", async () => {
    // AbletonOSC's device-name updates carry no ids; the getter's replies on the same address (and the
    // bridge's updates) do: a reply for device 0 must not reach a watcher of device 1.
    const names: unknown[] = []
    const unwatch = server.live.device(0, 1).name.watch((name) => names.push(name))
    await expect.poll(() => names).toEqual(['EQ Eight'])
    expect(await server.live.device(0, 0).name.get()).toBe('Drum Rack')
    expect(await server.live.device(0, 1).name.get()).toBe('EQ Eight')
    server.sim.model.set('live_set tracks 0 devices 1', 'name', 'Tone')
    await expect.poll(() => names).toEqual(['EQ Eight', 'EQ Eight', 'Tone'])
    unwatch()
    server.sim.model.set('live_set tracks 0 devices 1', 'name', 'EQ Eight')
  })

  it('sets device parameters by name', async () => {
    const macro = server.live.device(0, 0).parameter('Macro 1')
    await macro.set(64)
    expect(await macro.get()).toBe(64)
    expect(await macro.index()).toBe(1)
    const missing = await caught(server.live.device(0, 0).parameter('Nope').get())
    expect(missing?.code).toBe('NOT_FOUND')
  })
})

describe('with no server at all', () => {
  it('fails every call with TIMEOUT and leaves nothing hanging', async () => {
    const port = await freeUdpPort()
    const replyPort = await freeUdpPort()
    const transport = udp({
      host: '127.0.0.1',
      port,
      replyPort,
      replySharing: 'off',
      bindAddress: '127.0.0.1',
      env: {},
    })
    const live = createClient({ transport, timeout: 30, retries: 1 })
    const results = await Promise.all([
      caught(live.song.tempo.get()),
      caught(live.track(0).volume.get()),
      caught(live.ping()),
      caught(live.detect()),
      caught(live.sync()),
    ])
    expect(results.map((e) => isLiveError(e) && e.code)).toEqual([
      'TIMEOUT',
      'TIMEOUT',
      'TIMEOUT',
      'TIMEOUT',
      'TIMEOUT',
    ])
    await live.close()
  })
})

describe('close() ends the listeners it started in Live', () => {
  it('stops a watch left running, and one just unwatched, before the reply port closes (abletonosc)', async () => {
    const { createSimulator } = await import('@live/simulator')
    const replyPort = await freeUdpPort()
    const sim = await createSimulator({ port: 0, replyPort, tickMs: 5 })
    const warnings: unknown[] = []
    const warn = console.warn
    console.warn = (...args: unknown[]) => warnings.push(args)
    try {
      const live = createClient({
        transport: udp({ host: '127.0.0.1', port: sim.port, replyPort, replySharing: 'off', env: {} }),
      })
      const seen: number[] = []
      live.song.tempo.watch({ onValue: (v) => seen.push(v) })
      const unwatchMetronome = live.song.metronome.watch({ onValue: () => {} })
      await expect.poll(() => seen).toEqual([120])
      unwatchMetronome()
      await live.close()
      // Whatever AbletonOSC would send now goes to the reply port: listen there, and change both properties.
      const { createSocket } = await import('node:dgram')
      const sink = createSocket('udp4')
      const received: Buffer[] = []
      sink.on('message', (bytes) => received.push(bytes))
      await new Promise<void>((resolve) => sink.bind(replyPort, '127.0.0.1', () => resolve()))
      // AbletonOSC handles the stop_listen messages on its next tick.
      await new Promise((resolve) => setTimeout(resolve, 50))
      sim.model.set('live_set', 'tempo', 133)
      sim.model.set('live_set', 'metronome', true)
      await new Promise((resolve) => setTimeout(resolve, 100))
      await new Promise<void>((resolve) => sink.close(() => resolve()))
      expect(received.map((bytes) => bytes.toString('latin1').split('\0')[0])).toEqual([])
      expect(warnings).toEqual([])
    } finally {
      console.warn = warn
      await sim.close()
    }
  })
})

describe("the bridge's device ids: the master track, return tracks and racks", () => {
  let bridge: LiveServer
  let abletonosc: LiveServer
  beforeAll(async () => {
    bridge = await startLiveServer('bridge', 'demo')
    abletonosc = await startLiveServer('abletonosc', 'demo')
  })
  afterAll(async () => {
    await bridge?.close()
    await abletonosc?.close()
  })

  it('reads, sets and watches devices of the master track, a return track and a rack chain on the bridge', async () => {
    const { live, sim } = bridge
    expect(await live.device('master', 0).name.get()).toBe('Master EQ')
    expect(await live.device('return/0', 0).className.get()).toBe('Reverb')
    // The demo's drum rack: device 0 of track 0, its chain 1 ('Snare'), that chain's device 0 (a Simpler).
    expect(await live.device(0, '0/1/0').name.get()).toBe('Snare')
    const gain = live.device('master', 0).parameter('Output Gain')
    expect(await gain.index()).toBe(9)
    const seen: number[] = []
    const unwatch = gain.watch((value) => seen.push(value))
    await expect.poll(() => seen).toEqual([0])
    await gain.set(-3)
    await expect.poll(() => seen).toEqual([0, -3])
    expect(sim.model.get('live_set master_track devices 0 parameters 9', 'value')).toBe(-3)
    unwatch()
  })

  it('gives a parameter’s values as an async iterable, and unwatches when the loop ends', async () => {
    const { live, sim } = bridge
    const path = 'live_set return_tracks 1 devices 0 parameters 0'
    const seen: number[] = []
    for await (const value of live.device('return/1', 0).parameter(0).values()) {
      seen.push(value)
      if (seen.length === 1) sim.model.set(path, 'value', 0)
      else break
    }
    expect(seen).toEqual([1, 0])
  })

  it('refuses them on AbletonOSC with UNSUPPORTED before sending, and bad ids with INVALID_ARGUMENTS', async () => {
    const refused = await caught(abletonosc.live.device('master', 0).name.get())
    expect(refused?.code).toBe('UNSUPPORTED')
    expect(refused?.shortMessage).toBe(
      'devices of the master track, of return tracks and inside racks (/live/device/get/name) need the bridge; the server answering is AbletonOSC',
    )
    const bad = await caught(bridge.live.device('mastr' as 'master', 0).name.get())
    expect(bad?.code).toBe('INVALID_ARGUMENTS')
    expect(bad?.message).toContain('/live/device/get/name')
  })
})
