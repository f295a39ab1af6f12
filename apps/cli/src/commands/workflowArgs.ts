import { dbToVolume, parseDb } from '@live/protocol'
import type { WorkflowPlan } from '@live/workflows'
import { integerArg, numberArg } from '../cli/args.js'
import type { CommandContext } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'

/** A level in dB (-inf..+6) as Live's fader value, or a usage error naming `what`. */
export function dbArg(text: string, what: string): number {
  let value: number
  try {
    value = parseDb(text)
  } catch {
    value = Number.NaN
  }
  if (Number.isNaN(value) || value > 6)
    throw usageError(`${what} must be a level in dB from -inf to +6 (got "${text}")`)
  return dbToVolume(value)
}

/** A numeric flag in `min..max` (whole numbers with `integer`), or undefined when absent. */
export function flagNumber(
  ctx: CommandContext,
  flag: string,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  const text = ctx.flags[flag] as string | undefined
  if (text === undefined) return undefined
  return integer ? integerArg(text, `--${flag}`, min, max) : numberArg(text, `--${flag}`, min, max)
}

/** Fails naming both flags when two exclusive ones are given. */
export function oneOf(ctx: CommandContext, a: string, b: string): void {
  if (ctx.flags[a] !== undefined && ctx.flags[b] !== undefined) throw usageError(`give --${a} or --${b}, not both`)
}

/** A dry run in lines: one per message (time or beat, address, arguments, note), then the workflow's notes. */
export function planLines(plan: WorkflowPlan): string[] {
  return [
    ...plan.messages.map((m) => {
      const when = m.atBeat === undefined ? `${String(Math.round(m.atMs)).padStart(7)} ms` : `beat ${m.atBeat}`
      const args = m.args.map((a) => JSON.stringify(a)).join(' ')
      return `${when}  ${m.address} ${args}${m.note ? `  # ${m.note}` : ''}`
    }),
    ...plan.notes.map((n) => `note: ${n}`),
  ]
}

/** Prints a dry run ({@link planLines}; `{ plan }` with --json). */
export function printPlan(ctx: CommandContext, plan: WorkflowPlan): void {
  ctx.out.result(() => planLines(plan).join('\n'), { plan })
}
