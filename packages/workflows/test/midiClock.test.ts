import { createVirtualClock, type VirtualClock } from '@live/simulator'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClockCore } from '../src/midiClock/createClockCore.js'
import { midiClock } from '../src/midiClock/midiClock.js'
import { driveUntil, type LiveServer, startLiveServer } from './schedulerHarness.js'

function recorder(clock: VirtualClock) {
  const messages: { at: number; bytes: number[] }[] = []
  return { messages, output: { send: (bytes: number[]) => messages.push({ at: clock.now(), bytes }) } }
}

describe('the MIDI clock core on virtual time', () => {
  it('pulses at exactly 24 ppqn and follows a tempo change mid-run without drift', () => {
    const clock = createVirtualClock()
    const { messages, output } = recorder(clock)
    const core = createClockCore({ now: clock.now, schedule: clock.setTimer, output, bpm: 120 })
    core.start()
    clock.advance(1000)
    const pulsesAt = (from: number, to: number) =>
      messages.filter((m) => m.bytes[0] === 0xf8 && m.at >= from && m.at < to).length
    expect(messages[0]).toEqual({ at: 0, bytes: [0xfa] })
    expect(pulsesAt(0, 1000)).toBe(48)
    core.setTempo(60)
    clock.advance(2000)
    expect(pulsesAt(1000, 3000)).toBe(48)
    const last = messages.filter((m) => m.bytes[0] === 0xf8).at(-1)!
    expect(last.at).toBeCloseTo(1000 + 47 * (1000 / 24) + 1000 / 24, 9)
    expect(core.pulses).toBe(97)
  })

  it('sends pulses that are late at once, none skipped, and keeps the grid for the next', () => {
    const clock = createVirtualClock()
    const { messages, output } = recorder(clock)
    let calls = 0
    // The 10th timer wakes 50 ms late (more than two pulses).
    const schedule = (fn: () => void, delayMs: number) => clock.setTimer(fn, delayMs + (++calls === 10 ? 50 : 0))
    const core = createClockCore({ now: clock.now, schedule, output, bpm: 120 })
    core.start()
    clock.advance(1000)
    const pulses = messages.filter((m) => m.bytes[0] === 0xf8 && m.at < 1000).map((m) => m.at)
    const period = 1000 / 48
    expect(pulses).toHaveLength(48)
    expect(core.pulses).toBe(49)
    // Pulse 10 woke 50 ms late; 11 and 12 were due by then and went at once; 13 is back on the grid.
    const late = 10 * period + 50
    expect(pulses.slice(9, 14)).toEqual([9 * period, late, late, late, 13 * period])
    pulses.forEach((at, n) => {
      if (n < 10 || n > 12) expect(at).toBeCloseTo(n * period, 9)
    })
  })

  it('sends stop, song position and continue, resuming from the pointer', () => {
    const clock = createVirtualClock()
    const { messages, output } = recorder(clock)
    const core = createClockCore({ now: clock.now, schedule: clock.setTimer, output, bpm: 120 })
    core.start()
    clock.advance(500)
    core.stop()
    clock.advance(500)
    core.locate(130)
    core.continue()
    clock.advance(100)
    const control = messages.filter((m) => m.bytes[0] !== 0xf8).map((m) => m.bytes)
    expect(control).toEqual([[0xfa], [0xfc], [0xf2, 520 & 0x7f, 520 >> 7], [0xfb]])
    expect(core.position).toBe(520 * 6 + 5)
  })
})

describe.each(['abletonosc', 'bridge'] as const)('midiClock following the %s simulator', (flavour) => {
  let server: LiveServer
  let clock: VirtualClock
  beforeEach(async () => {
    clock = createVirtualClock()
    server = await startLiveServer(flavour, { clock })
  })
  afterEach(() => server?.close())

  it('starts, follows tempo, stops, and continues with a song position pointer', async () => {
    const { messages, output } = recorder(clock)
    const stop = new AbortController()
    const { live } = server
    const run = midiClock(live, { output, schedule: clock.setTimer }, { signal: stop.signal, now: clock.now })
    const script = (async () => {
      const waitFor = async (check: () => boolean) => {
        while (!check()) await new Promise((resolve) => setTimeout(resolve, 1))
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
      await live.song.startPlaying()
      await waitFor(() => messages.some((m) => m.bytes[0] === 0xfa))
      await live.song.tempo.set(90)
      await waitFor(() => messages.filter((m) => m.bytes[0] === 0xf8).length > 60)
      await live.song.stopPlaying()
      await waitFor(() => messages.some((m) => m.bytes[0] === 0xfc))
      await live.song.currentSongTime.set(32)
      await live.song.continuePlaying()
      await waitFor(() => messages.some((m) => m.bytes[0] === 0xfb))
      stop.abort()
    })()
    const result = await driveUntil(clock, Promise.all([run, script]))
    const control = messages.filter((m) => m.bytes[0] !== 0xf8).map((m) => m.bytes)
    expect(control.map((bytes) => bytes[0])).toEqual([0xfa, 0xfc, 0xf2, 0xfb, 0xfc])
    const spp = control[2]!
    expect(Math.floor((spp[1]! + (spp[2]! << 7)) / 4)).toBe(32)
    expect(result[0].tempoChanges).toBe(1)
    expect(result[0].pulses).toBe(messages.filter((m) => m.bytes[0] === 0xf8).length)
  })
})
