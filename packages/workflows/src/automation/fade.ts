import type { LiveClient } from '@live/client'
import { z } from 'zod'
import { createScheduler, type Scheduler } from '../scheduler/createScheduler.js'
import { invalidOption, parseOptions } from '../scheduler/parseOptions.js'
import { serverRate } from '../scheduler/serverRate.js'
import type { WorkflowContext, WorkflowPlan } from '../shared/workflow.js'
import {
  type AutomationTarget,
  automationTargetSchema,
  checkInRange,
  REMOTE_NOTE,
  resolveTarget,
  type TargetAddress,
  targetAddress,
} from './automationTarget.js'
import { FADE_CURVES, fadeValue } from './curves.js'
import { type LaneSpec, planLane, runLane } from './runLane.js'
import { beatsToMs, DRY_RUN_BPM, type DryRunOr } from './timing.js'

/** Options of {@link fade}. */
export const fadeOptionsSchema = z
  .object({
    /** What to fade. */
    target: automationTargetSchema,
    /** The value to end on, in the target's units (volume 0..1, panning −1..1, parameter min..max). */
    to: z.number(),
    /** The value to start from. @default the current value */
    from: z.number().optional(),
    /** Length in milliseconds (or give `beats`). @default 1000 */
    durationMs: z.number().min(0).max(86_400_000).optional(),
    /** Length in beats at the current tempo (instead of `durationMs`). */
    beats: z.number().min(0).max(100_000).optional(),
    /** The curve. @default 'linear' */
    curve: z.enum(FADE_CURVES).default('linear'),
    /** What an abort leaves: the original value, the target value, or where it stopped. @default 'restore' */
    onAbort: z.enum(['restore', 'complete', 'hold']).default('restore'),
    /** Messages per second. @default the server's useful maximum: 20 on AbletonOSC, 100 on the bridge */
    rateHz: z.number().gt(0).max(1000).optional(),
    /** Return the plan without sending anything. @default false */
    dryRun: z.boolean().default(false),
  })
  .strict()

/** What {@link fade} accepts (defaults optional). */
export type FadeOptions = z.input<typeof fadeOptionsSchema>

/** What a fade did. */
export interface FadeResult {
  /** The value it started from. */
  readonly from: number
  /** The value it aimed at. */
  readonly to: number
  /** Messages sent. */
  readonly steps: number
  /** True when aborted before the end. */
  readonly stoppedEarly: boolean
}

type Parsed = z.infer<typeof fadeOptionsSchema>

/** Parses fade options, checking the exclusive length options and the range of `to`/`from`. */
export function parseFadeOptions(input: unknown): Parsed {
  const options = parseOptions(fadeOptionsSchema, input, 'fade')
  if (options.durationMs !== undefined && options.beats !== undefined) {
    invalidOption('fade', 'beats', String(options.beats), 'either durationMs or beats, not both')
  }
  const address = targetAddress(options.target)
  checkInRange('fade', 'to', options.to, address)
  if (options.from !== undefined) checkInRange('fade', 'from', options.from, address)
  return options
}

/** A fade as a lane: n = 0..steps on a fixed period. */
export function fadeLane(options: Parsed, from: number, target: TargetAddress, rateHz: number, bpm: number): LaneSpec {
  const durationMs = options.beats !== undefined ? beatsToMs(options.beats, bpm) : (options.durationMs ?? 1000)
  const steps = Math.max(1, Math.round((durationMs * rateHz) / 1000))
  return {
    workflow: 'fade',
    periodMs: durationMs / steps,
    count: steps + 1,
    valueAt: (n) => fadeValue(options.curve, from, options.to, n / steps, target.isVolume),
  }
}

/** The dry run of a fade: every message and its time, nothing sent. */
export function planFade(options: Parsed): WorkflowPlan {
  const target = targetAddress(options.target)
  const rateHz = options.rateHz ?? 20
  const from = options.from ?? Number.NaN
  const lane = fadeLane(options, Number.isNaN(from) ? 0 : from, target, rateHz, DRY_RUN_BPM)
  const notes = [
    `${lane.count} steps every ${lane.periodMs.toFixed(2)} ms on ${target.label}, curve ${options.curve}.`,
    ...(options.rateHz === undefined ? ['Rate assumes AbletonOSC (20/s); the bridge gets up to 100/s.'] : []),
    ...(options.beats !== undefined ? [`Beats converted at ${DRY_RUN_BPM} bpm; a real run reads the tempo.`] : []),
    ...(Number.isNaN(from) ? ['No `from`: values shown start at 0; a real run starts from the current value.'] : []),
    `On abort: ${options.onAbort}.`,
    ...(options.target.kind === 'parameter' ? [REMOTE_NOTE] : []),
  ]
  return { workflow: 'fade', messages: planLane(lane, target, 100_000), notes }
}

/** Runs a parsed fade on a scheduler (shared by {@link fade} and `automate`). */
export async function runFade(
  client: LiveClient,
  options: Parsed,
  scheduler: Scheduler,
  context: WorkflowContext,
): Promise<FadeResult> {
  const target = await resolveTarget(client, options.target as AutomationTarget, context.signal)
  checkInRange('fade', 'to', options.to, target)
  const original = await target.read()
  const from = options.from ?? original
  const { rateHz } = await serverRate(client, options.rateHz, context.signal)
  const bpm = options.beats !== undefined ? await client.song.tempo.get({ signal: context.signal }) : DRY_RUN_BPM
  try {
    const run = await runLane(fadeLane(options, from, target, rateHz, bpm), target, scheduler, context)
    let steps = run.sent
    if (run.stoppedEarly && options.onAbort !== 'hold') {
      await target.write(options.onAbort === 'restore' ? original : options.to)
      steps++
    }
    return { from, to: options.to, steps, stoppedEarly: run.stoppedEarly }
  } finally {
    await target.release()
  }
}

/**
 * Fades a volume, panning, send or device parameter to a value over a time or a number of beats, on a
 * drift-free schedule at the rate the server can use.
 *
 * @example
 * await fade(live, { target: { kind: 'volume', track: 0 }, to: 0, durationMs: 4000, curve: 'exponential' })
 */
export async function fade<O extends FadeOptions>(
  client: LiveClient,
  options: O,
  context: WorkflowContext = {},
): Promise<DryRunOr<O, FadeResult>> {
  const parsed = parseFadeOptions(options)
  if (parsed.dryRun) return { plan: planFade(parsed) } as DryRunOr<O, FadeResult>
  const scheduler = createScheduler({ now: context.now, sleep: context.sleep })
  return (await runFade(client, parsed, scheduler, context)) as DryRunOr<O, FadeResult>
}
