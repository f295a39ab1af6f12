import type { LiveClient } from '@live/client'
import { z } from 'zod'
import { parseOptions } from '../scheduler/parseOptions.js'
import { preciseTimer } from '../scheduler/preciseTimer.js'
import { defaultNow, type WorkflowContext } from '../shared/workflow.js'
import { createClockCore, type MidiClockOutput } from './createClockCore.js'

/** Options of {@link midiClock}. */
export const midiClockOptionsSchema = z
  .object({
    /** Where the clock goes: `openMidiOutput()` from `@live/workflows/node`, or any `{ send(bytes) }`. */
    output: z.custom<MidiClockOutput>((v) => typeof (v as MidiClockOutput | null)?.send === 'function', {
      message: 'an object with send(bytes)',
    }),
    /** Send Start, Stop and Continue as Live's transport starts and stops. @default true */
    sendStartStop: z.boolean().default(true),
    /** Send Song Position Pointer when Live continues from or jumps to another place. @default true */
    songPosition: z.boolean().default(true),
    /** Pulses per quarter note. @default 24 */
    ppqn: z.number().int().min(1).max(960).default(24),
    /** Close the output when the clock stops. @default false */
    closeOutput: z.boolean().default(false),
    /** The timer pulses run on (a virtual one in tests). @default a precise setTimeout timer */
    schedule: z.custom<(fn: () => void, delayMs: number) => () => void>((v) => typeof v === 'function').optional(),
  })
  .strict()

/** What {@link midiClock} accepts (defaults optional). */
export type MidiClockOptions = z.input<typeof midiClockOptionsSchema>

/** What a clock run did. */
export interface MidiClockResult {
  /** Clock pulses sent. */
  readonly pulses: number
  /** Tempo changes followed. */
  readonly tempoChanges: number
  /** Always true: the clock runs until aborted. */
  readonly stoppedEarly: boolean
}

/**
 * Sends MIDI clock (24 ppqn) that follows Live's tempo as it changes, Start/Stop/Continue as Live's transport moves,
 * and Song Position Pointer on jumps; runs until the signal aborts.
 *
 * @example
 * const stop = new AbortController()
 * void midiClock(live, { output: await openMidiOutput('IAC Driver Bus 1') }, { signal: stop.signal })
 */
export async function midiClock(
  client: LiveClient,
  options: MidiClockOptions,
  context: WorkflowContext = {},
): Promise<MidiClockResult> {
  const parsed = parseOptions(midiClockOptionsSchema, options, 'midiClock')
  const { signal } = context
  const output = parsed.output
  const sent: MidiClockOutput = {
    send: (bytes) => {
      if (parsed.sendStartStop || bytes[0] === 0xf8 || bytes[0] === 0xf2) output.send(bytes)
    },
  }
  const [bpm, playing] = await Promise.all([client.song.tempo.get({ signal }), client.song.isPlaying.get({ signal })])
  const core = createClockCore({
    now: context.now ?? defaultNow,
    schedule: parsed.schedule ?? preciseTimer,
    output: sent,
    bpm,
    ppqn: parsed.ppqn,
  })
  let tempoChanges = 0
  let lastBeat = Number.NaN
  const progress = (phase: string) =>
    context.onProgress?.({ workflow: 'midiClock', phase, done: core.pulses, detail: { bpm: core.bpm } })

  const begin = async () => {
    const time = await client.song.currentSongTime.get({ signal })
    lastBeat = Math.floor(time)
    // Within the first beat is a start from the top: song time has moved on by the time it is read.
    if (time < 1 || !parsed.songPosition) core.start()
    else {
      core.locate(time)
      core.continue()
    }
    progress('playing')
  }
  if (playing) await begin()

  const unwatch = [
    client.song.tempo.watch((value) => {
      if (value === core.bpm) return
      tempoChanges++
      core.setTempo(value)
      progress(`tempo ${value}`)
    }),
    client.song.isPlaying.watch((value) => {
      if (value && !core.running) void begin().catch(() => {})
      else if (!value && core.running) {
        core.stop()
        progress('stopped')
      }
    }),
    client.song.beat.watch((value) => {
      const beat = Number(value)
      const jumped = Number.isFinite(lastBeat) && (beat < lastBeat || beat > lastBeat + 1)
      lastBeat = beat
      if (jumped && core.running && parsed.songPosition) {
        core.locate(beat)
        progress(`jumped to beat ${beat}`)
      }
    }),
  ]

  await new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve()
    signal?.addEventListener('abort', () => resolve(), { once: true })
  })
  for (const u of unwatch) u()
  if (core.running) core.stop()
  core.dispose()
  if (parsed.closeOutput) output.close?.()
  return { pulses: core.pulses, tempoChanges, stoppedEarly: true }
}
