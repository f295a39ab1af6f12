import { createVirtualClock, type VirtualClock } from '@live/simulator'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generate } from '../src/generate/generate.js'
import { perform } from '../src/perform/perform.js'
import { driveUntil, type LiveServer, startLiveServer } from './schedulerHarness.js'

describe.each(['abletonosc', 'bridge'] as const)(
  'perform and generate on the %s simulator (virtual song time)',
  (flavour) => {
    let server: LiveServer
    let clock: VirtualClock
    beforeEach(async () => {
      clock = createVirtualClock()
      server = await startLiveServer(flavour, { set: 'demo', clock })
    })
    afterEach(() => server?.close())
    const playingSlot = (t: number) => server.sim.model.get(`live_set tracks ${t}`, 'playing_slot_index')

    it('launches scenes on bar lines following Live beat, then stops everything', async () => {
      const seen: unknown[] = []
      const run = perform(
        server.live,
        {
          steps: [
            { scene: 0, bars: 1 },
            { scene: 2, bars: 2 },
          ],
          stop: 'all',
        },
        { onProgress: () => seen.push(playingSlot(2)) },
      )
      const result = await driveUntil(clock, run)
      expect(result.launches.map((l) => [l.step, l.atBeat])).toEqual([
        [0, 0],
        [1, 4],
        [-1, 12],
      ])
      expect(result.launches.slice(1).map((l) => l.sentAtBeat)).toEqual([3, 11])
      expect(seen.slice(1)).toEqual([0, 2])
      expect(result.stoppedEarly).toBe(false)
      await driveUntil(clock, new Promise((resolve) => setTimeout(resolve, 50)))
      expect(server.sim.model.get('live_set', 'current_song_time')).toBeGreaterThan(12)
      expect(playingSlot(2)).toBe(-1)
    })

    it('sets per-step volumes and restores them at the end', async () => {
      const run = perform(server.live, {
        steps: [{ clips: [[2, 0]], bars: 1, volumes: { '2': 0.5 } }],
      })
      const result = await driveUntil(clock, run)
      expect(result.endBeat).toBe(4)
      // The restoring set is sent without a reply: a read behind it on the same socket lands after it.
      await driveUntil(clock, server.live.track(2).volume.get())
      expect(server.sim.model.get('live_set tracks 2 mixer_device volume', 'value')).toBeCloseTo(0.85, 6)
    })

    it('stops cleanly when aborted', async () => {
      const stop = new AbortController()
      const run = perform(
        server.live,
        {
          steps: [
            { scene: 0, bars: 1 },
            { scene: 1, bars: 1 },
            { scene: 2, bars: 1 },
          ],
        },
        { signal: stop.signal, onProgress: (p) => p.done === 2 && stop.abort() },
      )
      const result = await driveUntil(clock, run)
      expect(result.stoppedEarly).toBe(true)
      expect(result.launches.map((l) => l.step)).toEqual([0, 1])
    })

    it('plays a generated performance', async () => {
      const run = generate(server.live, { seed: 3, tracks: 3, scenes: 4, bars: 4, density: 0.6 })
      const result = await driveUntil(clock, run)
      expect(result.launches.at(-1)).toMatchObject({ step: -1, atBeat: 16 })
      expect(result.launches.length).toBe(result.performance.steps.length + 1)
    })
  },
)

describe('generate dry runs', () => {
  const plan = (seed: number) =>
    generate({} as never, {
      seed,
      bars: 16,
      density: 0.5,
      rules: { oneClipPerTrack: true, quantiseBars: 1 },
      dryRun: true,
    })

  it('gives identical plans for identical seeds and different ones for different seeds', async () => {
    const [a, b, c] = await Promise.all([plan(42), plan(42), plan(43)])
    expect(a.plan).toEqual(b.plan)
    expect(a.plan.messages).not.toEqual(c.plan.messages)
  })

  it('never launches two clips on one track at one bar line, and only on bar lines', async () => {
    const { plan: p } = await plan(7)
    const launches = p.messages.filter((m) => m.address === '/live/clip_slot/fire')
    const keys = launches.map((m) => `${m.atBeat}:${String(m.args[0])}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(launches.every((m) => ((m.atBeat ?? 0) + 1) % 4 === 0 || m.atBeat === 0)).toBe(true)
    expect(p.messages.at(-1)).toMatchObject({ address: '/live/song/stop_all_clips', atBeat: 63 })
  })

  it('names the option, value and range of invalid options', async () => {
    await expect(generate({} as never, { seed: 1, bars: 4, density: 2 })).rejects.toThrowErrorMatchingInlineSnapshot(
      `
      [LiveError: INVALID_ARGUMENTS: generate: option density = 2 is not valid: expected <= 1
        Nothing was sent to Live.]
    `,
    )
  })
})
