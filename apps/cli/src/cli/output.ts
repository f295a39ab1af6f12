import type { createColors } from 'picocolors'

/** Colour functions: real ones on a terminal, identity otherwise. */
export type Colors = ReturnType<typeof createColors>

const unchanged = (text: unknown) => String(text)

/** The colours of plain output: every function returns its text unchanged (and it is no thenable). */
export const plainColors = new Proxy({} as Colors, {
  get: (_target, key) => (key === 'then' ? undefined : key === 'isColorSupported' ? false : unchanged),
})

/**
 * The colours for this run. picocolors is loaded only when colour is on (a terminal), so a scripted
 * one-shot command does not pay for it at start-up.
 */
export async function loadColors(enabled: boolean): Promise<Colors> {
  return enabled ? (await import('picocolors')).createColors(true) : plainColors
}

/** Where a command writes: human text or one JSON document, with colour only on a terminal. */
export interface Output {
  /** `--json` was given: print one JSON document on stdout, nothing else. */
  readonly json: boolean
  /** stdout is a terminal (live views, progress bars). */
  readonly isTTY: boolean
  /** Colour functions (identity when colour is off). */
  readonly c: Colors
  /** The command's result: `human` for people, `data` for `--json`. */
  result(human: string | (() => string), data: unknown): void
  /** A line for people only (nothing in `--json` mode). */
  line(text: string): void
  /** A line on stderr for people (progress, notes); also quiet in `--json` mode. */
  note(text: string): void
}

/** Options of {@link createOutput}. */
export interface OutputOptions {
  /** `--json` mode. */
  json: boolean
  /** `--no-color`. */
  noColor: boolean
  /** Environment (NO_COLOR, FORCE_COLOR). */
  env: Readonly<Record<string, string | undefined>>
  /** The stream to write to. @default process.stdout */
  stdout?: NodeJS.WriteStream | undefined
  /** Colour functions, from {@link loadColors}. @default plainColors */
  colors?: Colors | undefined
}

/** Whether to colour output: a terminal, no NO_COLOR, no --no-color, or FORCE_COLOR. */
export function colourEnabled(options: OutputOptions, isTTY: boolean): boolean {
  if (options.noColor || options.json) return false
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false
  if (options.env.FORCE_COLOR !== undefined && options.env.FORCE_COLOR !== '0') return true
  return isTTY
}

/** Creates the output of one command run. */
export function createOutput(options: OutputOptions): Output {
  const stdout = options.stdout ?? process.stdout
  const isTTY = stdout.isTTY === true
  const c = options.colors ?? plainColors
  return {
    json: options.json,
    isTTY: isTTY && !options.json,
    c,
    result(human, data) {
      if (options.json) stdout.write(`${JSON.stringify(data, jsonReplacer, 2)}\n`)
      else {
        const text = typeof human === 'function' ? human() : human
        if (text !== '') stdout.write(`${text}\n`)
      }
    },
    line(text) {
      if (!options.json) stdout.write(`${text}\n`)
    },
    note(text) {
      if (!options.json) process.stderr.write(`${text}\n`)
    },
  }
}

/**
 * Numbers as `--json` writes them: -Infinity (a silent fader in dB) as null; levels in dB (keys ending in
 * `db`) to 0.01 dB; other fractions to 7 significant digits, all a 32-bit OSC float holds (0.85 arrives as
 * 0.8500000238418579, and 0 dB as 9.5e-7 dB); never -0.
 */
export function jsonReplacer(key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value
  if (!Number.isFinite(value)) return null
  const rounded = Number.isInteger(value)
    ? value
    : /db$/i.test(key)
      ? Math.round(value * 100) / 100
      : Number(value.toPrecision(7))
  return rounded === 0 ? 0 : rounded
}

/** Aligns rows of cells under a header, two spaces apart. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  c?: Colors | undefined,
): string {
  const widths = headers.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))))
  const pad = (cell: string, i: number) => cell + ' '.repeat(Math.max(0, widths[i]! - visible(cell)))
  const head = headers.map(pad).join('  ').trimEnd()
  const lines = [c ? c.bold(head) : head]
  for (const row of rows)
    lines.push(
      row
        .map((cell, i) => pad(cell, i))
        .join('  ')
        .trimEnd(),
    )
  return lines.join('\n')
}

/** The printed width of a string, without ANSI colour codes. */
export function visible(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are control characters by definition
  return text.replace(/\u001b\[[0-9;]*m/g, '').length
}
