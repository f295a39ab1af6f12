import { readFile } from 'node:fs/promises'
import type { AutomationTarget, FadeCurve, LfoShape } from '@live/workflows'
import { choiceArg, deviceArg, integerArg, noMore, required, type TrackOwner, trackOwnerArg } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'
import { withProgress } from './progress.js'
import { exportStems, midiClockCommand, recordCommand } from './recordWorkflows.js'
import { dbArg, flagNumber, oneOf, planLines, printPlan } from './workflowArgs.js'

// The command table's lists, checked against the workflows' types, so parsing flags does not load @live/workflows.
const FADE_CURVES = commandTable.fade.flags.curve.choices satisfies readonly FadeCurve[]
const LFO_SHAPES = commandTable.lfo.flags.shape.choices satisfies readonly LfoShape[]

/** A comma-separated list of indices (`0,2,3`) for the named flag. */
function indexList(ctx: CommandContext, flag: string): number[] | undefined {
  const text = ctx.flags[flag] as string | undefined
  return text?.split(',').map((t) => integerArg(t.trim(), `--${flag} entry`, 0, 999))
}

const dryRun = (ctx: CommandContext) => ctx.flags['dry-run'] === true

function lengthOptions(ctx: CommandContext) {
  oneOf(ctx, 'beats', 'seconds')
  const beats = flagNumber(ctx, 'beats', 0, 100_000)
  const seconds = flagNumber(ctx, 'seconds', 0, 86_400)
  return {
    ...(beats === undefined ? {} : { beats }),
    ...(seconds === undefined ? {} : { durationMs: seconds * 1000 }),
  }
}

function lfoTarget(owner: TrackOwner, what: string, usage: string): AutomationTarget {
  const [volume, pan] = commandTable.lfo.words.target
  if (what === volume) return { kind: 'volume', ...owner }
  if (what === pan) return { kind: 'panning', ...owner }
  const colon = what.indexOf(':')
  if (colon <= 0 || colon === what.length - 1) {
    throw usageError(`lfo target must be ${volume}, ${pan} or DEVICE:PARAM (got "${what}")`, `Usage: ${usage}`)
  }
  const parameter = what.slice(colon + 1)
  const device = what.slice(0, colon)
  return {
    kind: 'parameter',
    ...owner,
    // A chain path into a rack (bridge only): '0/1/2' is device 0, its chain 1, that chain's device 2.
    device: deviceArg(device, usage),
    parameter: /^\d+$/.test(parameter) ? Number(parameter) : parameter,
  }
}

/** The workflows as commands: fade, lfo, perform, generate, export-stems, record (into a slot), clock. */
export const workflows: CommandGroup = {
  async fade(ctx) {
    const {
      owner,
      label,
      id: track,
    } = trackOwnerArg(required(ctx.positionals, 0, 'a track index', ctx.usage), ctx.usage)
    const to = dbArg(required(ctx.positionals, 1, 'the level to fade to (dB)', ctx.usage), 'target level')
    noMore(ctx.positionals, 2, ctx.usage)
    const from = ctx.flags.from === undefined ? undefined : dbArg(ctx.flags.from as string, '--from')
    const curve =
      ctx.flags.curve === undefined ? 'linear' : choiceArg(ctx.flags.curve as string, '--curve', FADE_CURVES)
    const options = {
      target: { kind: 'volume' as const, ...owner },
      to,
      curve,
      ...(from === undefined ? {} : { from }),
      ...lengthOptions(ctx),
    }
    const { fade } = await import('@live/workflows')
    const live = await ctx.client()
    if (dryRun(ctx)) return printPlan(ctx, (await fade(live, { ...options, dryRun: true as const })).plan)
    const { formatDb, volumeToDb } = await import('@live/protocol')
    const result = await fade(live, options, { signal: ctx.signal })
    const db = (v: number) => formatDb(volumeToDb(v))
    const end = result.stoppedEarly ? ' (stopped early)' : ''
    ctx.out.result(`${label} volume ${db(result.from)} → ${db(result.to)} in ${result.steps} steps${end}`, {
      track,
      ...result,
    })
  },

  async lfo(ctx) {
    const {
      owner,
      label,
      id: track,
    } = trackOwnerArg(required(ctx.positionals, 0, 'a track index', ctx.usage), ctx.usage)
    const target = lfoTarget(owner, required(ctx.positionals, 1, 'what to modulate', ctx.usage), ctx.usage)
    noMore(ctx.positionals, 2, ctx.usage)
    oneOf(ctx, 'rate', 'hz')
    oneOf(ctx, 'bars', 'beats')
    const hz = flagNumber(ctx, 'hz', 0.001, 50)
    const periodBeats = flagNumber(ctx, 'rate', 0.01, 10_000) ?? (hz === undefined ? 4 : undefined)
    const bars = flagNumber(ctx, 'bars', 0, 10_000)
    const beats = flagNumber(ctx, 'beats', 0, 100_000)
    const center = flagNumber(ctx, 'center', -1_000_000, 1_000_000)
    const shape = ctx.flags.shape === undefined ? 'sine' : choiceArg(ctx.flags.shape as string, '--shape', LFO_SHAPES)
    const options = {
      target,
      shape,
      depth: flagNumber(ctx, 'depth', 0, 1_000_000) ?? 0.25,
      ...(hz === undefined ? {} : { rateHz: hz }),
      ...(periodBeats === undefined ? {} : { periodBeats }),
      ...(center === undefined ? {} : { center }),
      // Without a length the LFO runs until Ctrl-C, putting the value back when stopped.
      ...(beats !== undefined ? { beats } : bars !== undefined ? { beats: bars * 4 } : {}),
    }
    const { lfo } = await import('@live/workflows')
    const live = await ctx.client()
    if (dryRun(ctx)) return printPlan(ctx, (await lfo(live, { ...options, dryRun: true as const })).plan)
    if (options.beats === undefined) ctx.out.note('LFO running: Ctrl-C stops it and puts the value back.')
    const result = await lfo(live, options, { signal: ctx.signal })
    ctx.out.result(
      `${shape} LFO on ${label}: ${result.steps} messages around ${Math.round(result.center * 1000) / 1000}${result.restored ? ', value put back' : ''}`,
      { track, ...result },
    )
  },

  async perform(ctx) {
    const file = required(ctx.positionals, 0, 'a plan file (JSON)', ctx.usage)
    noMore(ctx.positionals, 1, ctx.usage)
    let plan: unknown
    try {
      plan = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw usageError(`cannot read the plan ${file}: ${(error as Error).message}`, `Usage: ${ctx.usage}`)
    }
    const { perform, performancePlanSchema } = await import('@live/workflows')
    const parsed = performancePlanSchema.safeParse(plan)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const where = issue.path.length === 0 ? '(the top level)' : issue.path.join('.')
      throw usageError(
        `plan ${file}: ${where}: ${issue.message}`,
        'A plan is {"steps": [{"scene": 0, "bars": 4}, {"clips": [[0, 1]], "bars": 8}], "stop": "all"}.',
      )
    }
    const live = await ctx.client()
    if (dryRun(ctx) || parsed.data.dryRun) {
      return printPlan(ctx, (await perform(live, { ...parsed.data, dryRun: true as const })).plan)
    }
    const result = await withProgress(ctx, 'perform', (onProgress) =>
      perform(
        live,
        { ...parsed.data, dryRun: false as const },
        {
          signal: ctx.signal,
          onProgress: (p) => {
            onProgress(p)
            if (!ctx.out.isTTY) ctx.out.note(`▶ ${p.phase}`)
          },
        },
      ),
    )
    ctx.out.result(
      () =>
        [
          ...result.launches.map((l) => `${l.note} at beat ${l.atBeat}`),
          result.stoppedEarly ? 'stopped early' : `done at beat ${result.endBeat}`,
        ].join('\n'),
      result,
    )
  },

  async generate(ctx) {
    noMore(ctx.positionals, 0, ctx.usage)
    const seed = flagNumber(ctx, 'seed', 0, 2 ** 31 - 1, true) ?? Math.floor(Math.random() * 2 ** 31)
    const bars = flagNumber(ctx, 'bars', 1, 4096, true) ?? 8
    const density = flagNumber(ctx, 'density', 0, 1)
    const quantiseBars = flagNumber(ctx, 'quantise', 1, 64, true)
    const live = await ctx.client()
    const tracks = indexList(ctx, 'tracks') ?? (await live.song.numTracks.get())
    const scenes = indexList(ctx, 'scenes') ?? (await live.song.numScenes.get())
    if (tracks === 0 || scenes === 0) throw usageError('the set has no tracks or no scenes to generate over')
    const options = {
      seed,
      bars,
      tracks,
      scenes,
      ...(density === undefined ? {} : { density }),
      ...(quantiseBars === undefined ? {} : { rules: { oneClipPerTrack: true as const, quantiseBars } }),
    }
    const { generate } = await import('@live/workflows')
    if (dryRun(ctx)) {
      const { plan } = await generate(live, { ...options, dryRun: true as const })
      const text = () => [...planLines(plan), `seed ${seed}: the same seed gives the same plan`].join('\n')
      ctx.out.result(text, { seed, plan })
      return
    }
    ctx.out.note(`seed ${seed}`)
    const result = await withProgress(ctx, 'generate', (onProgress) =>
      generate(live, options, { signal: ctx.signal, onProgress }),
    )
    ctx.out.result(() => [...result.launches.map((l) => `${l.note} at beat ${l.atBeat}`), `seed ${seed}`].join('\n'), {
      seed,
      ...result,
    })
  },

  'export-stems': exportStems,
  record: recordCommand,
  clock: midiClockCommand,
}
