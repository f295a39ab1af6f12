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
  clampToTarget,
  REMOTE_NOTE,
  resolveTarget,
  type TargetAddress,
  targetAddress,
} from './automationTarget.js'
import { LFO_SHAPES, lfoWave } from './curves.js'
import { type LaneSpec, planLane, runLane } from './runLane.js'
import { beatsToMs, DRY_RUN_BPM, type DryRunOr } from './timing.js'

/** Options of {@link lfo}. */
export const lfoOptionsSchema = z
  .object({
    /** What to modulate. */
    target: automationTargetSchema,
    /** The wave. @default 'sine' */
    shape: z.enum(LFO_SHAPES).default('sine'),
    /** Seed of the `random` shape: the same seed gives the same values. @default 1 */
    seed: z.number().int().default(1),
    /** Cycles per second (or give `periodBeats`). @default 0.5 */
    rateHz: z.number().gt(0).max(50).optional(),
    /** Length of one cycle in beats at the current tempo (instead of `rateHz`). */
    periodBeats: z.number().gt(0).max(10_000).optional(),
    /** Swing either side of the centre, in the target's units. */
    depth: z.number().min(0),
    /** The value the wave swings around. @default the current value */
    center: z.number().optional(),
    /** How long to run in ms (or give `beats`). @default until aborted */
    durationMs: z.number().min(0).max(86_400_000).optional(),
    /** How long to run in beats (instead of `durationMs`). */
    beats: z.number().min(0).max(100_000).optional(),
    /** Put the original value back at the end (or on abort). @default true */
    restore: z.boolean().default(true),
    /** Messages per second. @default the server's useful maximum: 20 on AbletonOSC, 100 on the bridge */
    messageRateHz: z.number().gt(0).max(1000).optional(),
    /** Return the plan without sending anything. @default false */
    dryRun: z.boolean().default(false),
  })
  .strict()

/** What {@link lfo} accepts (defaults optional). */
export type LfoOptions = z.input<typeof lfoOptionsSchema>

/** What an LFO did. */
export interface LfoResult {
  /** The centre it swung around. */
  readonly center: number
  /** Messages sent. */
  readonly steps: number
  /** True when aborted (always, without a duration). */
  readonly stoppedEarly: boolean
  /** True when the original value was written back. */
  readonly restored: boolean
}

type Parsed = z.infer<typeof lfoOptionsSchema>

/** Parses LFO options, checking exclusive options and the range of `center`. */
export function parseLfoOptions(input: unknown): Parsed {
  const options = parseOptions(lfoOptionsSchema, input, 'lfo')
  if (options.rateHz !== undefined && options.periodBeats !== undefined) {
    invalidOption('lfo', 'periodBeats', String(options.periodBeats), 'either rateHz or periodBeats, not both')
  }
  if (options.durationMs !== undefined && options.beats !== undefined) {
    invalidOption('lfo', 'beats', String(options.beats), 'either durationMs or beats, not both')
  }
  if (options.center !== undefined) checkInRange('lfo', 'center', options.center, targetAddress(options.target))
  return options
}

/** An LFO as a lane, at `messageRateHz` ticks per second. */
export function lfoLane(
  options: Parsed,
  center: number,
  target: TargetAddress,
  messageRateHz: number,
  bpm: number,
): LaneSpec {
  const cycleMs =
    options.periodBeats !== undefined ? beatsToMs(options.periodBeats, bpm) : 1000 / (options.rateHz ?? 0.5)
  const durationMs = options.beats !== undefined ? beatsToMs(options.beats, bpm) : options.durationMs
  const periodMs = 1000 / messageRateHz
  const count = durationMs === undefined ? Number.POSITIVE_INFINITY : Math.floor(durationMs / periodMs) + 1
  return {
    workflow: 'lfo',
    periodMs,
    count,
    valueAt: (n) =>
      clampToTarget(center + options.depth * lfoWave(options.shape, (n * periodMs) / cycleMs, options.seed), target),
  }
}

/** The dry run of an LFO (one cycle when it has no end), nothing sent. */
export function planLfo(options: Parsed): WorkflowPlan {
  const target = targetAddress(options.target)
  const rate = options.messageRateHz ?? 20
  const center = options.center ?? 0
  const lane = lfoLane(options, center, target, rate, DRY_RUN_BPM)
  const cycleTicks =
    Math.ceil(
      (options.periodBeats !== undefined
        ? beatsToMs(options.periodBeats, DRY_RUN_BPM)
        : 1000 / (options.rateHz ?? 0.5)) / lane.periodMs,
    ) + 1
  const endless = !Number.isFinite(lane.count)
  const notes = [
    `${options.shape} on ${target.label}, ±${options.depth} around ${options.center ?? 'the current value'}, ${rate} messages/s.`,
    ...(endless ? ['Runs until aborted; the plan shows one cycle.'] : []),
    ...(options.center === undefined
      ? ['No `center`: values shown swing around 0; a real run uses the current value.']
      : []),
    ...(options.restore ? ['The original value is written back at the end.'] : []),
    ...(options.target.kind === 'parameter' ? [REMOTE_NOTE] : []),
  ]
  return { workflow: 'lfo', messages: planLane(lane, target, endless ? cycleTicks : 100_000), notes }
}

/** Runs a parsed LFO on a scheduler (shared by {@link lfo} and `automate`). */
export async function runLfo(
  client: LiveClient,
  options: Parsed,
  scheduler: Scheduler,
  context: WorkflowContext,
): Promise<LfoResult> {
  const target = await resolveTarget(client, options.target as AutomationTarget, context.signal)
  const original = await target.read()
  const center = options.center ?? original
  checkInRange('lfo', 'center', center, target)
  const { rateHz } = await serverRate(client, options.messageRateHz, context.signal)
  const needsTempo = options.periodBeats !== undefined || options.beats !== undefined
  const bpm = needsTempo ? await client.song.tempo.get({ signal: context.signal }) : DRY_RUN_BPM
  try {
    const run = await runLane(lfoLane(options, center, target, rateHz, bpm), target, scheduler, context)
    let steps = run.sent
    if (options.restore) {
      await target.write(original)
      steps++
    }
    return { center, steps, stoppedEarly: run.stoppedEarly, restored: options.restore }
  } finally {
    await target.release()
  }
}

/**
 * Modulates a volume, panning, send or device parameter with a wave (sine, triangle, square, saw, seeded random)
 * for a time, a number of beats, or until aborted; puts the original value back when asked.
 *
 * @example
 * const stop = new AbortController()
 * void lfo(live, { target: { kind: 'panning', track: 0 }, shape: 'sine', rateHz: 0.25, depth: 0.8, center: 0 }, { signal: stop.signal })
 */
export async function lfo<O extends LfoOptions>(
  client: LiveClient,
  options: O,
  context: WorkflowContext = {},
): Promise<DryRunOr<O, LfoResult>> {
  const parsed = parseLfoOptions(options)
  if (parsed.dryRun) return { plan: planLfo(parsed) } as DryRunOr<O, LfoResult>
  const scheduler = createScheduler({ now: context.now, sleep: context.sleep })
  return (await runLfo(client, parsed, scheduler, context)) as DryRunOr<O, LfoResult>
}
