import type { Colors } from '../cli/output.js'

/** What the demo shows about one track. */
export interface TrackView {
  name: string
  clip: string | null
  volumeDb: number
  meter: number
}

/** Everything on screen at one moment. */
export interface DemoState {
  tempo: number
  beat: number
  section: string
  tracks: TrackView[]
  events: string[]
}

const BAR_WIDTH = 24

function bar(fraction: number, c: Colors): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(fraction * BAR_WIDTH)))
  const body = '█'.repeat(filled)
  const coloured = filled > BAR_WIDTH * 0.85 ? c.red(body) : filled > BAR_WIDTH * 0.6 ? c.yellow(body) : c.green(body)
  return coloured + c.dim('·'.repeat(BAR_WIDTH - filled))
}

/** The beat counter as bar.beat (4/4). */
export function barBeat(beat: number): string {
  if (beat < 0) return '-.-'
  return `${Math.floor(beat / 4) + 1}.${(beat % 4) + 1}`
}

/** Renders the live view: header, one line per track (clip, fader, meter), the last events. */
export function renderDemo(state: DemoState, c: Colors): string[] {
  const pulse =
    state.beat >= 0
      ? [0, 1, 2, 3].map((i) => (i === state.beat % 4 ? c.bold(c.magenta('●')) : c.dim('○'))).join(' ')
      : ''
  const lines = [
    `${c.bold('live demo')}  ${c.cyan(`${Math.round(state.tempo)} BPM`)}  bar ${c.bold(barBeat(state.beat).padEnd(6))} ${pulse}   ${c.yellow(state.section)}`,
    '',
  ]
  for (const t of state.tracks) {
    const fader = Number.isFinite(t.volumeDb) ? `${t.volumeDb.toFixed(1)} dB` : '-inf dB'
    const clip = t.clip === null ? c.dim('—'.padEnd(12)) : c.green(`▶ ${t.clip}`.padEnd(12).slice(0, 12))
    lines.push(`${t.name.padEnd(6)} ${clip} ${fader.padStart(8)}  ${bar(t.meter, c)}`)
  }
  lines.push('')
  for (const event of state.events.slice(-5)) lines.push(c.dim(`  ${event}`))
  return lines
}
