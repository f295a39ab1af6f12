import { isLiveError, type LiveError } from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { automate } from '../src/automation/automate.js'
import { fadeValue } from '../src/automation/curves.js'
import { fade } from '../src/automation/fade.js'
import { lfo } from '../src/automation/lfo.js'
import { createScheduler } from '../src/scheduler/createScheduler.js'
import { createVirtualTime, type VirtualTime } from '../src/scheduler/createVirtualTime.js'
import { type LiveServer, startLiveServer } from './schedulerHarness.js'

const VOLUME_0 = 'live_set tracks 0 mixer_device volume'

/** A virtual sleep that wakes `lateMs` late once, on the sleep that starts at `atMs`. */
function lateOnce(time: VirtualTime, atMs: number, lateMs: number): VirtualTime['sleep'] {
  let done = false
  return (ms, signal) => {
    if (done || time.now() !== atMs) return time.sleep(ms, signal)
    done = true
    return time.sleep(ms + lateMs, signal)
  }
}
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

  it('sends every step of a fade when a wake is late: the late one at once with the value for now, the rest on the grid', async () => {
    const time = createVirtualTime()
    const sent: { at: number; value: number; dueMs: number }[] = []
    const period = flavour === 'bridge' ? 10 : 50
    const result = await fade(
      server.live,
      { target: { kind: 'volume', track: 0 }, from: 0.85, to: 0.2, durationMs: 1000 },
      {
        now: time.now,
        sleep: lateOnce(time, 5 * period, 2.5 * period),
        onProgress: (p) =>
          sent.push({ at: time.now(), value: p.detail?.value as number, dueMs: p.detail?.dueMs as number }),
      },
    )
    await settle()
    const steps = flavour === 'bridge' ? 101 : 21
    expect(result).toEqual({ from: 0.85, to: 0.2, steps, stoppedEarly: false })
    expect(volume()).toBeCloseTo(0.2, 6)
    // Tick 6 (due at 6 periods) woke at 8.5 periods; ticks 7 and 8 were due by then and went at once too.
    expect(sent.slice(5, 10).map((s) => s.at / period)).toEqual([5, 8.5, 8.5, 8.5, 9])
    expect(sent[6]!.dueMs).toBe(6 * period)
    expect(sent[6]!.value).toBeCloseTo(fadeValue('linear', 0.85, 0.2, (8.5 * period) / 1000, true), 12)
    expect(sent.map((s) => s.dueMs)).toEqual(Array.from({ length: steps }, (_, n) => n * period))
    expect(sent.at(-1)).toEqual({ at: 1000, value: 0.2, dueMs: 1000 })
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
    // On our servers the fade went through live.remote~ and left no undo steps: one undo takes back some
    // earlier change, not the fade's last step; AbletonOSC's every step is one.
    server.sim.model.call('live_set', 'undo', [])
    // (This fade's steps are 10 apart on AbletonOSC's pacing, so the step before the last is 90.)
    expect(server.sim.model.get('live_set tracks 0 devices 0 parameters 1', 'value')).toBe(
      flavour === 'bridge' ? 100 : 90,
    )
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

  it('fades parameters of the master track, a return track and a rack chain device only on the bridge', async () => {
    const targets = [
      { kind: 'parameter', master: true, device: 0, parameter: 'Output Gain' },
      { kind: 'parameter', return: 0, device: 0, parameter: 0 },
      { kind: 'parameter', track: 0, device: '0/1/0', parameter: 0 },
    ] as const
    const paths = [
      'live_set master_track devices 0 parameters 9',
      'live_set return_tracks 0 devices 0 parameters 0',
      'live_set tracks 0 devices 0 chains 1 devices 0 parameters 0',
    ]
    const ends = [-6, 0, 0]
    for (const [i, target] of targets.entries()) {
      const time = createVirtualTime()
      const run = fade(server.live, { target, to: ends[i]!, durationMs: 200 }, { now: time.now, sleep: time.sleep })
      if (flavour === 'abletonosc') {
        expect((await caught(run))?.code).toBe('UNSUPPORTED')
        continue
      }
      const result = await run
      expect(result.stoppedEarly).toBe(false)
      await settle()
      expect(server.sim.model.get(paths[i]!, 'value')).toBe(ends[i])
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

describe('the scheduler on virtual time', () => {
  it('runs every tick on start + n × period, never skipping late ones', async () => {
    const time = createVirtualTime()
    const scheduler = createScheduler({ now: time.now, sleep: lateOnce(time, 20, 35) })
    const ran: [number, number, number][] = []
    const result = await scheduler.every({ periodMs: 10, count: 10 }, (n, dueMs) => {
      ran.push([n, dueMs, time.now()])
    })
    expect(result).toEqual({ ticks: 10, lastIndex: 9, stoppedEarly: false })
    expect(ran.map(([n]) => n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(ran.map(([, due]) => due)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    expect(ran.map(([, , at]) => at)).toEqual([0, 10, 20, 65, 65, 65, 65, 70, 80, 90])
  })

  it('stops on abort with the ticks run so far', async () => {
    const time = createVirtualTime()
    const stop = new AbortController()
    const scheduler = createScheduler({ now: time.now, sleep: time.sleep })
    const result = await scheduler.every({ periodMs: 10, signal: stop.signal }, (n) => {
      if (n === 4) stop.abort()
    })
    expect(result).toEqual({ ticks: 5, lastIndex: 4, stoppedEarly: true })
  })

  it('lands on real deadlines within a few ms with the default precise sleep', async () => {
    const scheduler = createScheduler()
    const errors: number[] = []
    await scheduler.every({ periodMs: 5, count: 10 }, (_n, dueMs) => {
      errors.push(scheduler.now() - dueMs)
    })
    expect(errors).toHaveLength(10)
    expect(Math.min(...errors)).toBeGreaterThanOrEqual(0)
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
    expect(result.plan.notes.some((note) => note.includes('/live/bridge/remote/parameter'))).toBe(false)
  })

  it('says in the plan of a parameter fade that the bridge moves it through live.remote~', async () => {
    const result = await fade({} as never, {
      target: { kind: 'parameter', track: 0, device: 1, parameter: 2 },
      from: 0,
      to: 1,
      durationMs: 100,
      rateHz: 20,
      dryRun: true,
    })
    expect(result.plan.messages[0]).toEqual({
      atMs: 0,
      address: '/live/device/set/parameter/value',
      args: [0, 1, 2, 0],
    })
    expect(result.plan.notes.at(-1)).toBe(
      'On the Max for Live bridge (and the simulator’s bridge flavour) the messages go to /live/bridge/remote/parameter instead: no undo step each; the parameter is released at the end.',
    )
  })
})
