import { LiveError } from '@live/protocol'
import type { AutomationTarget, FadeCurve, LfoShape } from '@live/workflows'
import { z } from 'zod'
import { dryRunArg, waitArg } from '../core/schemas.js'
import { defineTool } from '../core/toolKit.js'
import { dbArg, panFromArg, volumeFromDb } from '../core/values.js'
import { jobAnswer, planAnswer, startJob, workflowOutput } from '../core/workflowAnswers.js'
import { resolveTargetArgs, targetArgs } from './automationTargets.js'

const seconds = z.number().min(0).max(86_400).optional()
const beats = z.number().min(0).max(100_000).optional()
const value = z.union([z.number(), z.string()]).optional()

// Spelled out (and checked against the workflows' types) so starting the server does not load @live/workflows.
const FADE_CURVES = ['linear', 'equal-power', 'exponential'] as const satisfies readonly FadeCurve[]
const LFO_SHAPES = ['sine', 'triangle', 'square', 'saw', 'random'] as const satisfies readonly LfoShape[]

function invalid(message: string, hint: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', message, { metaMessages: [hint] })
}

/** seconds or beats as the workflows take them. */
export function lengthOf(args: { seconds?: number | undefined; beats?: number | undefined }) {
  if (args.seconds !== undefined && args.beats !== undefined) {
    throw invalid('give seconds or beats, not both', 'seconds is wall-clock time; beats follow the tempo.')
  }
  return {
    ...(args.seconds === undefined ? {} : { durationMs: args.seconds * 1000 }),
    ...(args.beats === undefined ? {} : { beats: args.beats }),
  }
}

/** A to_value/from_value in the target's units: pan also as Live shows it ("25L"). */
function targetValue(target: AutomationTarget, given: number | string | undefined, arg: string): number | undefined {
  if (given === undefined) return undefined
  if (target.kind === 'panning') return panFromArg(given, arg)
  if (typeof given === 'number') return given
  throw invalid(`${arg} ${JSON.stringify(given)} is not a number`, "Give a value in the target's own range.")
}

/** `ableton_fade`: a drift-free ramp of a volume (in dB), pan, send or device parameter. */
export const fadeTool = defineTool({
  name: 'ableton_fade',
  description:
    'Fade a volume (to_db) or a pan, send or device parameter (to_value) over seconds or beats. on_stop says what an early stop leaves.',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject({
    ...targetArgs,
    to_db: dbArg.optional(),
    from_db: dbArg.optional(),
    to_value: value,
    from_value: value,
    seconds,
    beats,
    curve: z.enum(FADE_CURVES).default('linear'),
    on_stop: z.enum(['restore', 'complete', 'hold']).default('restore'),
    dry_run: dryRunArg,
    wait: waitArg,
  }),
  output: workflowOutput,
  async run(args, context) {
    const { live } = context
    const { fade } = await import('@live/workflows')
    const { target, label } = await resolveTargetArgs(live, args, 'volume')
    const volume = target.kind === 'volume'
    if (
      volume
        ? args.to_value !== undefined || args.from_value !== undefined
        : args.to_db !== undefined || args.from_db !== undefined
    ) {
      throw invalid(
        volume
          ? 'a volume fade takes to_db/from_db, not to_value/from_value'
          : `fading ${label} takes to_value/from_value, not to_db`,
        'to_db/from_db are for volumes (dB); to_value/from_value for pan, sends and parameters.',
      )
    }
    const to = volume
      ? args.to_db === undefined
        ? undefined
        : volumeFromDb(args.to_db, 'to_db')
      : targetValue(target, args.to_value, 'to_value')
    if (to === undefined)
      throw invalid(`missing the end value: give ${volume ? 'to_db' : 'to_value'}`, 'Say where the fade ends.')
    const from = volume
      ? args.from_db === undefined
        ? undefined
        : volumeFromDb(args.from_db, 'from_db')
      : targetValue(target, args.from_value, 'from_value')
    const options = {
      target,
      to,
      ...(from === undefined ? {} : { from }),
      curve: args.curve,
      onAbort: args.on_stop,
      ...lengthOf(args),
    }
    if (args.dry_run) return planAnswer((await fade(live, { ...options, dryRun: true as const })).plan)
    const end = volume
      ? typeof args.to_db === 'number'
        ? `${args.to_db} dB`
        : String(args.to_db)
      : String(args.to_value)
    const job = await startJob(context, 'fade', `${label} to ${end}`, (ctx) => fade(live, options, ctx), args.wait)
    return jobAnswer(job)
  },
})

/** `ableton_lfo`: a wave on a pan, volume, send or device parameter. */
export const lfoTool = defineTool({
  name: 'ableton_lfo',
  description:
    "Wave a pan (default), volume, send or device parameter for seconds or beats, or until stopped, then put it back. depth and center in the target's units (volume raw 0..1).",
  toolset: 'workflows',
  kind: 'write',
  input: z.strictObject({
    ...targetArgs,
    shape: z.enum(LFO_SHAPES).default('sine'),
    rate_hz: z.number().gt(0).max(50).optional(),
    period_beats: z.number().gt(0).max(10_000).optional(),
    depth: z.number().min(0),
    center: z.number().optional(),
    seed: z.number().int().default(1),
    seconds,
    beats,
    dry_run: dryRunArg,
    wait: waitArg,
  }),
  output: workflowOutput,
  async run(args, context) {
    const { live } = context
    const { lfo } = await import('@live/workflows')
    const { target, label } = await resolveTargetArgs(live, args, 'pan')
    if (args.rate_hz !== undefined && args.period_beats !== undefined) {
      throw invalid(
        'give rate_hz or period_beats, not both',
        'rate_hz is cycles per second; period_beats follows the tempo.',
      )
    }
    const run = lengthOf(args)
    if (args.wait && !args.dry_run && run.durationMs === undefined && run.beats === undefined) {
      throw invalid(
        'wait needs an end: give seconds or beats',
        'Without one the LFO runs until stopped with ableton_jobs.',
      )
    }
    const options = {
      target,
      shape: args.shape,
      seed: args.seed,
      depth: args.depth,
      ...(args.center === undefined ? {} : { center: args.center }),
      ...(args.rate_hz === undefined ? {} : { rateHz: args.rate_hz }),
      ...(args.period_beats === undefined ? {} : { periodBeats: args.period_beats }),
      ...run,
    }
    if (args.dry_run) return planAnswer((await lfo(live, { ...options, dryRun: true as const })).plan)
    const job = await startJob(
      context,
      'lfo',
      `${args.shape} LFO on ${label}`,
      (ctx) => lfo(live, options, ctx),
      args.wait,
    )
    return jobAnswer(job)
  },
})
