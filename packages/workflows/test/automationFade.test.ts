import { isLiveError, type LiveError } from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { automate } from '../src/automation/automate.js'
import { fade } from '../src/automation/fade.js'
import { lfo } from '../src/automation/lfo.js'
import { createVirtualTime } from '../src/scheduler/createVirtualTime.js'
import { type LiveServer, startLiveServer } from './schedulerHarness.js'

const VOLUME_0 = 'live_set tracks 0 mixer_device volume'
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

describe.each(['abletonosc', 'bridge'] as const)('automation against the %s simulator', (flavour) => {
  let server: LiveServer
  beforeAll(async () => {
    server = await startLiveServer(flavour, { set: 'demo' })
  })
  afterAll(() => server?.close())
  const volume = () => server.sim.model.get(VOLUME_0, 'value') as number
  const settle = () => server.live.track(0).volume.get()

  it('fades a track volume to its target on virtual time, at the rate the server can use', async () => {
    const time = createVirtualTime()
    const sentAt: number[] = []
    const result = await fade(
      server.live,
      { target: { kind: 'volume', track: 0 }, from: 0.85, to: 0.2, durationMs: 1000 },
      { now: time.now, sleep: time.sleep, onProgress: () => sentAt.push(time.now()) },
    )
    await settle()
    const steps = flavour === 'bridge' ? 101 : 21
    expect(result).toEqual({ from: 0.85, to: 0.2, steps, stoppedEarly: false })
    expect(volume()).toBeCloseTo(0.2, 6)
    expect(sentAt.at(-1)).toBe(1000)
    expect(sentAt[1]).toBe(flavour === 'bridge' ? 10 : 50)
  })

  it('restores the original value when aborted with onAbort restore', async () => {
    await server.live.track(0).volume.set(0.6)
    const time = createVirtualTime()
    const stop = new AbortController()
    const result = await fade(
      server.live,
      { target: { kind: 'volume', track: 0 }, to: 0, durationMs: 2000, rateHz: 10 },
      { now: time.now, sleep: time.sleep, signal: stop.signal, onProgress: (p) => p.done === 5 && stop.abort() },
    )
    await settle()
    expect(result).toEqual({ from: Math.fround(0.6), to: 0, steps: 6, stoppedEarly: true })
    expect(volume()).toBeCloseTo(0.6, 6)
  })

  it('completes or holds when aborted with onAbort complete or hold', async () => {
    for (const onAbort of ['complete', 'hold'] as const) {
      await server.live.track(0).volume.set(0.5)
      const time = createVirtualTime()
      const stop = new AbortController()
      await fade(
        server.live,
        { target: { kind: 'volume', track: 0 }, from: 0.5, to: 0.1, durationMs: 1000, rateHz: 10, onAbort },
        { now: time.now, sleep: time.sleep, signal: stop.signal, onProgress: (p) => p.done === 6 && stop.abort() },
      )
      await settle()
      expect(volume()).toBeCloseTo(onAbort === 'complete' ? 0.1 : 0.3, 6)
    }
  })

  it('fades a device parameter by name', async () => {
    const time = createVirtualTime()
    await fade(
      server.live,
      { target: { kind: 'parameter', track: 0, device: 0, parameter: 'Macro 1' }, to: 100, durationMs: 500 },
      { now: time.now, sleep: time.sleep },
    )
    expect(await server.live.device(0, 0).parameter('Macro 1').get()).toBe(100)
  })

  it('fades a return track only on the bridge', async () => {
    const time = createVirtualTime()
    const run = fade(
      server.live,
      { target: { kind: 'volume', return: 0 }, to: 0.5, durationMs: 200 },
      { now: time.now, sleep: time.sleep },
    )
    if (flavour === 'abletonosc') {
      expect((await caught(run))?.code).toBe('UNSUPPORTED')
    } else {
      await run
      expect(await server.live.returnTrack(0).volume.get()).toBeCloseTo(0.5, 6)
    }
  })

  it('runs an LFO for a number of steps and restores the original panning', async () => {
    await server.live.track(1).panning.set(0.1)
    const time = createVirtualTime()
    const values: number[] = []
    const result = await lfo(
      server.live,
      {
        target: { kind: 'panning', track: 1 },
        shape: 'square',
        rateHz: 1,
        depth: 0.5,
        center: 0,
        durationMs: 1000,
        messageRateHz: 4,
      },
      { now: time.now, sleep: time.sleep, onProgress: (p) => values.push(p.detail?.value as number) },
    )
    expect(values).toEqual([0.5, 0.5, -0.5, -0.5, 0.5])
    expect(result).toEqual({ center: 0, steps: 4, stoppedEarly: false, restored: true })
    expect(await server.live.track(1).panning.get()).toBeCloseTo(0.1, 6)
  })

  it('runs a crossfade of two lanes on one scheduler', async () => {
    const time = createVirtualTime()
    const result = await automate(
      server.live,
      {
        lanes: [
          { type: 'fade', target: { kind: 'volume', track: 2 }, from: 0.85, to: 0, durationMs: 500 },
          {
            type: 'fade',
            target: { kind: 'volume', track: 3 },
            from: 0,
            to: 0.85,
            durationMs: 500,
            curve: 'equal-power',
          },
        ],
      },
      { now: time.now, sleep: time.sleep },
    )
    await settle()
    expect(result.stoppedEarly).toBe(false)
    expect(server.sim.model.get('live_set tracks 2 mixer_device volume', 'value')).toBe(0)
    expect(server.sim.model.get('live_set tracks 3 mixer_device volume', 'value')).toBeCloseTo(0.85, 6)
  })
})

describe('fade options and dry runs', () => {
  it('rejects an out-of-range target value naming the option, the value and the range', async () => {
    const error = await caught(fade({} as never, { target: { kind: 'volume', track: 0 }, to: 1.5 }))
    expect(isLiveError(error, 'INVALID_ARGUMENTS')).toBe(true)
    expect(error?.shortMessage).toMatchInlineSnapshot(
      `"fade: option to = 1.5 is not valid: expected 0..1 for track 0 volume (0.85 is 0 dB, 1 is +6 dB; dbToVolume() converts)"`,
    )
  })

  it('rejects an unknown curve', async () => {
    const error = await caught(
      fade({} as never, { target: { kind: 'volume', track: 0 }, to: 0, curve: 'cubic' as never }),
    )
    expect(error?.shortMessage).toMatchInlineSnapshot(
      `"fade: option curve = "cubic" is not valid: expected one of "linear", "equal-power", "exponential""`,
    )
  })

  it('plans a fade without sending anything', async () => {
    const result = await fade({} as never, {
      target: { kind: 'volume', track: 0 },
      from: 0.85,
      to: 0.7,
      durationMs: 100,
      rateHz: 20,
      curve: 'exponential',
      dryRun: true,
    })
    expect(result.plan.messages).toEqual([
      { atMs: 0, address: '/live/track/set/volume', args: [0, 0.85] },
      { atMs: 50, address: '/live/track/set/volume', args: [0, 0.775] },
      { atMs: 100, address: '/live/track/set/volume', args: [0, 0.7] },
    ])
  })
})
