import type { LiveClient } from '@live/client'
import { dbToVolume } from '@live/protocol'
import type { BeatFollower } from '@live/workflows'

/** How the performance reports what it does. */
export interface DemoHooks {
  /** A line for the event log ("▶ scene 1 Verse at bar 3"). */
  event(text: string): void
  /** The section now playing. */
  section(name: string): void
}

/** What the performance needs. */
export interface DemoScriptOptions {
  live: LiveClient
  clock: BeatFollower
  signal: AbortSignal
  hooks: DemoHooks
  /** Tempo in BPM. */
  tempo: number
  /** Bars per section (2 normally, 1 with --fast). */
  barsPerSection: number
  /** Scene names by index. */
  scenes: readonly string[]
  /** Clip names by track then slot (null: empty slot). */
  clips: readonly (readonly (string | null)[])[]
  /** Track names. */
  trackNames: readonly string[]
}

/** A tiny seeded random generator (mulberry32): the same seed gives the same passage. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

/**
 * The demo's performance, all through the client: scenes launched a beat before each bar (Live's
 * launch quantisation lands them on the downbeat), a fade-in, a seeded generative passage, a fade-out.
 */
export async function runDemoScript(options: DemoScriptOptions): Promise<{ launches: number; bars: number }> {
  const { live, clock, signal, hooks, barsPerSection: n } = options
  const beatMs = 60_000 / options.tempo
  let launches = 0
  let bar = 0
  const bar1 = (b: number) => b + 1

  /** Fires a scene on the last beat of the bar before `atBar`, and waits until it plays. */
  async function scene(index: number, atBar: number) {
    await clock.until(atBar * 4 - 1, signal)
    await live.scene(index).fire()
    launches++
    hooks.event(`▶ scene ${index} "${options.scenes[index] ?? ''}" launched for bar ${bar1(atBar)}`)
    await clock.until(atBar * 4, signal)
    hooks.section(options.scenes[index] ?? `scene ${index}`)
  }

  /** Fades a track between two levels over `beats`, in steps of a sixteenth. */
  async function fade(track: number, fromDb: number, toDb: number, beats: number) {
    const steps = Math.max(4, beats * 4)
    hooks.event(`~ fade ${options.trackNames[track]} ${fromDb} dB → ${toDb} dB over ${beats} beats`)
    for (let i = 0; i <= steps && !signal.aborted; i++) {
      const db = fromDb + ((toDb - fromDb) * i) / steps
      await live.track(track).volume.set(dbToVolume(db))
      await sleep((beats * beatMs) / steps, signal)
    }
  }

  await live.song.stopAllClips()
  await live.song.currentSongTime.set(0)
  await live.song.tempo.set(options.tempo)
  await live.track(3).volume.set(dbToVolume(-40))
  hooks.event(`tempo ${options.tempo} BPM, pad faded out, transport rolling`)
  await live.scene(0).fire()
  launches++
  hooks.event(`▶ scene 0 "${options.scenes[0] ?? ''}" launched for bar 1`)
  await live.song.startPlaying()
  await clock.until(0, signal)
  hooks.section(options.scenes[0] ?? 'Intro')

  bar += n
  await scene(1, bar)
  bar += n
  const fadeIn = fade(3, -40, -4, n * 4 - 1)
  await scene(3, bar)
  await fadeIn
  bar += n
  await scene(4, bar)

  // A generative passage: each bar, every track picks one of its clips at random (seeded).
  bar += n
  hooks.section('generative')
  const pick = random(1234)
  for (let b = 0; b < n * 2 && !signal.aborted; b++) {
    await clock.until((bar + b) * 4 - 1, signal)
    const picks: string[] = []
    for (let t = 0; t < options.clips.length; t++) {
      const slots = options.clips[t]!.flatMap((name, slot) => (name === null ? [] : [slot]))
      if (slots.length === 0 || pick() < 0.3) continue
      const slot = slots[Math.floor(pick() * slots.length)]!
      await live.clipSlot(t, slot).fire()
      launches++
      picks.push(`${options.trackNames[t]}:${options.clips[t]![slot]}`)
    }
    hooks.event(`✶ generative bar ${bar1(bar + b)}: ${picks.join(', ') || 'rest'}`)
  }
  bar += n * 2
  await scene(7, bar)
  const outro = options.trackNames.map((_, t) => fade(t, t === 3 ? -4 : 0, -40, n * 4 - 1))
  await Promise.all(outro)
  bar += n
  await clock.until(bar * 4, signal)
  await live.song.stopPlaying()
  await live.song.stopAllClips()
  hooks.event(`■ stopped after ${bar} bars, ${launches} launches`)
  return { launches, bars: bar }
}
