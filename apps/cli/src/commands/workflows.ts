import { readFile } from 'node:fs/promises'
import { dbToVolume, LiveError, parseDb } from '@live/protocol'
import { integerArg, noMore, numberArg, required } from '../cli/args.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'
import { withProgress } from './progress.js'

type WorkflowFn = (
  client: unknown,
  options: Record<string, unknown>,
  context: Record<string, unknown>,
) => Promise<unknown>

/** Loads a workflow by name from @live/workflows (imported only when a workflow runs). */
async function load(name: string): Promise<WorkflowFn> {
  const mod = (await import('@live/workflows')) as unknown as Record<string, unknown>
  const fn = mod[name]
  if (typeof fn !== 'function') {
    throw new LiveError('UNSUPPORTED', `this build of @live/workflows has no ${name}()`, {
      metaMessages: ['Rebuild the workspace (pnpm build) and try again.'],
    })
  }
  return fn as WorkflowFn
}

function db(text: string, what: string): number {
  try {
    const value = parseDb(text)
    if (value > 6) throw new Error('too loud')
    return dbToVolume(value)
  } catch {
    throw usageError(`${what} must be a level in dB from -inf to +6 (got "${text}")`)
  }
}

function opt(
  ctx: CommandContext,
  flag: string,
  what: string,
  min = 0,
  max = Number.POSITIVE_INFINITY,
): number | undefined {
  const text = ctx.flags[flag] as string | undefined
  return text === undefined ? undefined : numberArg(text, what, min, max)
}

function trackList(ctx: CommandContext): number[] | undefined {
  const text = ctx.flags.tracks as string | undefined
  return text === undefined ? undefined : text.split(',').map((t) => integerArg(t.trim(), '--tracks entry', 0))
}

/** Runs a workflow with a progress bar on a terminal; prints the plan on --dry-run, else the result. */
async function run(ctx: CommandContext, name: string, options: Record<string, unknown>): Promise<void> {
  const fn = await load(name)
  const dryRun = ctx.flags['dry-run'] === true
  const live = await ctx.client()
  const result = await withProgress(ctx, name, (onProgress) =>
    fn(live, { ...options, dryRun }, { signal: ctx.signal, onProgress }),
  )
  const plan = (result as { plan?: { messages: { atMs: number; address: string; args: unknown[]; note?: string }[] } })
    .plan
  ctx.out.result(
    () =>
      plan !== undefined
        ? plan.messages
            .map(
              (m) =>
                `${String(Math.round(m.atMs)).padStart(7)} ms  ${m.address} ${m.args.map((a) => JSON.stringify(a)).join(' ')}${m.note ? `  # ${m.note}` : ''}`,
            )
            .join('\n')
        : `${name}: done`,
    result,
  )
}

/** The workflows as commands: fade, lfo, perform, generate, export-stems, record (into a slot), clock. */
export const workflows: CommandGroup = {
  async fade(ctx) {
    const usage = 'live fade TRACK TO_DB [--beats N | --seconds S] [--from DB]'
    const track = integerArg(required(ctx.positionals, 0, 'a track index', usage), 'track index', 0)
    const to = db(required(ctx.positionals, 1, 'the level to fade to (dB)', usage), 'target level')
    noMore(ctx.positionals, 2, usage)
    const beats = opt(ctx, 'beats', '--beats', 0, 100_000)
    const seconds = opt(ctx, 'seconds', '--seconds', 0, 86_400)
    const from = ctx.flags.from === undefined ? undefined : db(ctx.flags.from as string, '--from')
    await run(ctx, 'fade', {
      target: { kind: 'volume', track },
      to,
      ...(from === undefined ? {} : { from }),
      ...(beats === undefined ? {} : { beats }),
      ...(seconds === undefined ? {} : { durationMs: seconds * 1000 }),
    })
  },

  async lfo(ctx) {
    const usage = 'live lfo TRACK volume|pan|DEVICE:PARAM [--rate BEATS] [--depth D] [--shape S] [--bars N]'
    const track = integerArg(required(ctx.positionals, 0, 'a track index', usage), 'track index', 0)
    const what = required(ctx.positionals, 1, 'what to modulate', usage)
    noMore(ctx.positionals, 2, usage)
    let target: Record<string, unknown>
    if (what === 'volume') target = { kind: 'volume', track }
    else if (what === 'pan') target = { kind: 'panning', track }
    else {
      const [device, parameter] = what.split(':')
      if (parameter === undefined) throw usageError(`lfo target must be volume, pan or DEVICE:PARAM (got "${what}")`)
      target = {
        kind: 'parameter',
        track,
        device: integerArg(device ?? '', 'device index', 0),
        parameter: /^\d+$/.test(parameter) ? Number(parameter) : parameter,
      }
    }
    const bars = opt(ctx, 'bars', '--bars', 0, 10_000) ?? 4
    await run(ctx, 'lfo', {
      target,
      periodBeats: opt(ctx, 'rate', '--rate (beats per cycle)', 0.01, 10_000) ?? 4,
      depth: opt(ctx, 'depth', '--depth', 0, 1) ?? 0.25,
      ...(ctx.flags.shape === undefined ? {} : { shape: ctx.flags.shape }),
      beats: bars * 4,
    })
  },

  async perform(ctx) {
    const file = required(ctx.positionals, 0, 'a plan file (JSON)', 'live perform PLAN.json')
    noMore(ctx.positionals, 1, 'live perform PLAN.json')
    let plan: unknown
    try {
      plan = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw usageError(`cannot read the plan ${file}: ${(error as Error).message}`)
    }
    await run(ctx, 'perform', plan as Record<string, unknown>)
  },

  async generate(ctx) {
    noMore(ctx.positionals, 0, 'live generate [--bars N] [--seed N] [--tracks 0,1]')
    const tracks = trackList(ctx)
    const seed = ctx.flags.seed === undefined ? undefined : integerArg(ctx.flags.seed as string, '--seed', 0)
    await run(ctx, 'generate', {
      bars: opt(ctx, 'bars', '--bars', 1, 10_000) ?? 8,
      ...(seed === undefined ? {} : { seed }),
      ...(tracks === undefined ? {} : { tracks }),
    })
  },

  async 'export-stems'(ctx) {
    noMore(ctx.positionals, 0, 'live export-stems [--bars N] [--tracks 0,1]')
    const tracks = trackList(ctx)
    await run(ctx, 'exportStems', {
      bars: opt(ctx, 'bars', '--bars', 1, 10_000) ?? 8,
      ...(tracks === undefined ? {} : { tracks }),
    })
  },

  async record(ctx) {
    const usage = 'live record TRACK SCENE [--bars N]'
    const track = integerArg(required(ctx.positionals, 0, 'a track index', usage), 'track index', 0)
    const scene = integerArg(required(ctx.positionals, 1, 'a scene index', usage), 'scene index', 0)
    noMore(ctx.positionals, 2, usage)
    await run(ctx, 'recordClip', { track, scene, bars: opt(ctx, 'bars', '--bars', 1, 10_000) ?? 4 })
  },

  async clock(ctx) {
    noMore(ctx.positionals, 0, 'live clock [--output NAME] [--list]')
    const node = (await import('@live/workflows')) as unknown as Record<string, unknown>
    if (typeof node.midiClock !== 'function') {
      throw new LiveError('UNSUPPORTED', 'MIDI clock is not available in this build of @live/workflows', {
        metaMessages: ['It needs the optional @julusian/midi module and @live/workflows/node.'],
      })
    }
    await run(ctx, 'midiClock', { ...(ctx.flags.output === undefined ? {} : { output: ctx.flags.output }) })
  },
}
