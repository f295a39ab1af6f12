import { dbToVolume, LiveError } from '@live/protocol'
import type { FadeCurve, LfoShape } from '@live/workflows'
import { z } from 'zod'
import type { Jobs } from '../core/jobs.js'
import { volumeDb } from '../core/schemas.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'
import { dryRunArg, jobAnswer, jobView, planAnswer, waitArg } from '../core/workflowAnswers.js'
import { resolveTargetArgs, targetArgs } from './automationTargets.js'
import { registerPerformTools } from './performTools.js'

const seconds = z.number().min(0).max(86_400).optional().describe('Length in seconds (or give beats).')
const beats = z
  .number()
  .min(0)
  .max(100_000)
  .optional()
  .describe('Length in beats at the current tempo (instead of seconds).')

// Spelled out (and checked against the workflows' types) so starting the server does not load @live/workflows.
const FADE_CURVES = ['linear', 'equal-power', 'exponential'] as const satisfies readonly FadeCurve[]
const LFO_SHAPES = ['sine', 'triangle', 'square', 'saw', 'random'] as const satisfies readonly LfoShape[]

function invalid(message: string, hint: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', message, { metaMessages: [hint] })
}

const length = (args: { seconds?: number | undefined; beats?: number | undefined }) => {
  if (args.seconds !== undefined && args.beats !== undefined) {
    throw invalid('give seconds or beats, not both', 'seconds is wall-clock time; beats follow the tempo.')
  }
  return {
    ...(args.seconds === undefined ? {} : { durationMs: args.seconds * 1000 }),
    ...(args.beats === undefined ? {} : { beats: args.beats }),
  }
}

/** Fades, LFOs, performance plans and generative launching, run in the background with status and stop. */
export function registerWorkflowTools(host: ToolHost, jobs: Jobs): void {
  liveTool(
    host,
    'ableton_fade',
    {
      title: 'Fade a track or parameter',
      description:
        "Fade a track's volume to a level in dB over seconds or beats (a smooth, drift-free ramp), or its pan, a send or a device parameter (device + parameter) to a value. With the @live bridge, also the master's or a return track's volume, pan and device parameters, and devices inside racks. Use for fade-ins/outs and builds. Runs in the background unless wait is true; stopping it puts the start value back (on_stop).",
      input: {
        ...targetArgs,
        to_db: volumeDb
          .optional()
          .describe('Volume fades: the level to end on, -70..6 dB (0 dB is unity, -70 silence).'),
        from_db: volumeDb.optional().describe('Volume fades: the level to start from. Default: the current level.'),
        to_value: z
          .number()
          .optional()
          .describe(
            "Pan, send and parameter fades: the value to end on (pan -1..1, send 0..1, a parameter's min..max).",
          ),
        from_value: z.number().optional().describe('Pan, send and parameter fades: the start value. Default: current.'),
        seconds,
        beats,
        curve: z
          .enum(FADE_CURVES)
          .default('linear')
          .describe(
            "'linear' (default), 'equal-power' (smooth crossfades) or 'exponential' (even steps in dB on volume).",
          ),
        on_stop: z
          .enum(['restore', 'complete', 'hold'])
          .default('restore')
          .describe(
            "If stopped early: 'restore' (default) the start value, 'complete' jump to the end value, 'hold' stay.",
          ),
        dry_run: dryRunArg,
        wait: waitArg,
      },
      kind: 'write',
    },
    async (args, { live }) => {
      const { fade } = await import('@live/workflows')
      const { target, label } = await resolveTargetArgs(live, args, 'volume')
      const volume = target.kind === 'volume'
      if (volume ? args.to_value !== undefined : args.to_db !== undefined) {
        throw invalid(
          volume ? 'a volume fade takes to_db, not to_value' : `fading ${label} takes to_value, not to_db`,
          'to_db/from_db are for volumes (dB); to_value/from_value for pan, sends and parameters.',
        )
      }
      const to = volume ? (args.to_db === undefined ? undefined : dbToVolume(args.to_db)) : args.to_value
      if (to === undefined) {
        throw invalid(`missing the end value: give ${volume ? 'to_db' : 'to_value'}`, 'Say where the fade ends.')
      }
      const from = volume ? (args.from_db === undefined ? undefined : dbToVolume(args.from_db)) : args.from_value
      const options = {
        target,
        to,
        ...(from === undefined ? {} : { from }),
        curve: args.curve,
        onAbort: args.on_stop,
        ...length(args),
      }
      if (args.dry_run) return planAnswer((await fade(live, { ...options, dryRun: true as const })).plan)
      const end = volume ? `${args.to_db} dB` : String(to)
      const job = await jobs.start('fade', `${label} to ${end}`, (ctx) => fade(live, options, ctx), args.wait)
      return jobAnswer(job)
    },
  )

  liveTool(
    host,
    'ableton_lfo',
    {
      title: 'Modulate with an LFO',
      description:
        "Move a track's pan (default), volume, a send or a device parameter up and down in a wave (auto-pan, tremolo, filter sweeps) for seconds or beats, or until ableton_stop_workflow, then put the value back. With the @live bridge, also on the master, a return track or a device inside a rack. depth and center are in the target's units: pan -1..1, volume 0..1 fader units (0.85 is 0 dB), sends 0..1, parameters their own range. Runs in the background.",
      input: {
        ...targetArgs,
        shape: z
          .enum(LFO_SHAPES)
          .default('sine')
          .describe('Wave shape; random is a seeded sample-and-hold. Default sine.'),
        rate_hz: z.number().gt(0).max(50).optional().describe('Cycles per second (or give period_beats). Default 0.5.'),
        period_beats: z
          .number()
          .gt(0)
          .max(10_000)
          .optional()
          .describe('One cycle in beats, synced to tempo (instead of rate_hz).'),
        depth: z
          .number()
          .min(0)
          .describe("Swing either side of the centre, in the target's units (pan: 0.5 swings 50L..50R around C)."),
        center: z.number().optional().describe('The value it swings around. Default: the current value.'),
        seed: z.number().int().default(1).describe('Seed of the random shape. Default 1.'),
        seconds,
        beats,
        dry_run: dryRunArg,
        wait: waitArg,
      },
      kind: 'write',
    },
    async (args, { live }) => {
      const { lfo } = await import('@live/workflows')
      const { target, label } = await resolveTargetArgs(live, args, 'pan')
      if (args.rate_hz !== undefined && args.period_beats !== undefined) {
        throw invalid(
          'give rate_hz or period_beats, not both',
          'rate_hz is cycles per second; period_beats follows the tempo.',
        )
      }
      const run = length(args)
      if (args.wait && !args.dry_run && run.durationMs === undefined && run.beats === undefined) {
        throw invalid(
          'wait needs an end: give seconds or beats',
          'Without one the LFO runs until ableton_stop_workflow.',
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
      const job = await jobs.start('lfo', `${args.shape} LFO on ${label}`, (ctx) => lfo(live, options, ctx), args.wait)
      return jobAnswer(job)
    },
  )

  registerPerformTools(host, jobs)

  liveTool(
    host,
    'ableton_workflow_status',
    {
      title: 'Workflow status',
      description:
        'List the fades, LFOs, performances, generative runs, recordings and exports started here: running, done, failed or stopped, with progress and results.',
      input: {},
      kind: 'read',
    },
    async () => {
      const all = jobs.list()
      return {
        text:
          all.length === 0
            ? 'No workflows started yet.'
            : `${all.filter((j) => j.status === 'running').length} running of ${all.length}.`,
        data: all.map(jobView),
      }
    },
  )

  liveTool(
    host,
    'ableton_stop_workflow',
    {
      title: 'Stop a workflow',
      description:
        'Stop a running workflow by job id (from the tool that started it or ableton_workflow_status), or every running one. Fades put the start value back (unless on_stop said otherwise); LFOs restore the original value; performances put volumes back.',
      input: {
        job: z.number().int().min(1).optional().describe('The job id; leave out to stop every running workflow.'),
      },
      kind: 'idempotent',
    },
    async ({ job }) => {
      const stopped = jobs.stop({ id: job })
      await Promise.all(stopped.map((j) => j.finished))
      return {
        text:
          stopped.length === 0
            ? 'Nothing was running.'
            : `Stopped ${stopped.map((j) => `job ${j.id} (${j.workflow})`).join(', ')}.`,
        data: stopped.map(jobView),
      }
    },
  )
}
