/** Where MIDI clock bytes go: a MIDI port (`openMidiOutput()` in `@live/workflows/node`) or anything else. */
export interface MidiClockOutput {
  /** Sends one MIDI message. */
  send(bytes: number[]): void
  /** Releases the port. */
  close?(): void
}

/** MIDI real-time and common messages the clock sends. */
export const MIDI_CLOCK = { pulse: 0xf8, start: 0xfa, continue: 0xfb, stop: 0xfc, songPosition: 0xf2 } as const

/** How to build a clock core. */
export interface ClockCoreOptions {
  /** Monotonic time in ms. */
  now: () => number
  /** Runs `fn` after `delayMs`; returns the cancel (a precise timer in real use, a virtual one in tests). */
  schedule: (fn: () => void, delayMs: number) => () => void
  /** Where the bytes go. */
  output: MidiClockOutput
  /** The tempo to start with. @default 120 */
  bpm?: number | undefined
  /** Pulses per quarter note. @default 24 */
  ppqn?: number | undefined
}

/** The timing core of the MIDI clock: pulses on deadlines computed from an anchor, never chained; late pulses go at once, none skipped. */
export interface ClockCore {
  /** Sends Start and pulses from song position 0. */
  start(): void
  /** Sends Continue and pulses from the current position. */
  continue(): void
  /** Sends Stop; pulses stop. */
  stop(): void
  /** Changes the tempo from now on, keeping the phase. */
  setTempo(bpm: number): void
  /** Sends a Song Position Pointer for `beats` (quarter notes) and moves the pulse count there. */
  locate(beats: number): void
  /** Pulses sent. */
  readonly pulses: number
  /** The position in pulses (where the next pulse falls). */
  readonly position: number
  /** True between start/continue and stop. */
  readonly running: boolean
  /** The current tempo. */
  readonly bpm: number
  /** Stops timers without sending anything. */
  dispose(): void
}

/**
 * Creates the MIDI clock's timing core: pulse n is due at anchor + (n − anchorPulse) × 60000 / (bpm × ppqn); a tempo
 * change moves the anchor to now, so no error accumulates.
 *
 * @example
 * const core = createClockCore({ now: () => performance.now(), schedule: preciseTimer, output })
 * core.start()
 */
export function createClockCore(options: ClockCoreOptions): ClockCore {
  const { now, schedule, output } = options
  const ppqn = options.ppqn ?? 24
  let bpm = options.bpm ?? 120
  let anchorMs = 0
  let anchorPulse = 0
  let next = 0
  let pulses = 0
  let running = false
  let cancel: (() => void) | undefined
  const pulseMs = () => 60_000 / (bpm * ppqn)

  const dueAt = (pulse: number) => anchorMs + (pulse - anchorPulse) * pulseMs()
  const arm = () => {
    cancel?.()
    cancel = undefined
    if (!running) return
    cancel = schedule(fire, Math.max(0, dueAt(next) - now()))
  }
  // Sends the pulse due and, after a late wake, every later one already due (at once, none skipped), then arms
  // the timer for the next deadline on the grid.
  const fire = () => {
    cancel = undefined
    if (!running) return
    do {
      output.send([MIDI_CLOCK.pulse])
      pulses++
      next++
    } while (running && dueAt(next) <= now())
    arm()
  }
  const run = (byte: number) => {
    output.send([byte])
    anchorMs = now()
    anchorPulse = next
    running = true
    fire()
  }

  return {
    start() {
      next = 0
      run(MIDI_CLOCK.start)
    },
    continue() {
      run(MIDI_CLOCK.continue)
    },
    stop() {
      running = false
      cancel?.()
      cancel = undefined
      output.send([MIDI_CLOCK.stop])
    },
    setTempo(value) {
      if (value === bpm) return
      if (running) {
        const t = now()
        anchorPulse += (t - anchorMs) / pulseMs()
        anchorMs = t
      }
      bpm = value
      arm()
    },
    locate(beats) {
      const sixteenths = Math.max(0, Math.min(0x3fff, Math.floor(beats * 4)))
      output.send([MIDI_CLOCK.songPosition, sixteenths & 0x7f, (sixteenths >> 7) & 0x7f])
      next = sixteenths * (ppqn / 4)
      anchorMs = now()
      anchorPulse = next
      arm()
    },
    get pulses() {
      return pulses
    },
    get position() {
      return next
    },
    get running() {
      return running
    },
    get bpm() {
      return bpm
    },
    dispose() {
      running = false
      cancel?.()
      cancel = undefined
    },
  }
}
