import type { LiveClient } from '@live/client'
import { z } from 'zod'
import { automationTargetSchema, clampToTarget, targetAddress } from '../automation/automationTarget.js'
import type { DryRunOr } from '../automation/timing.js'
import { type PerformResult, planPerformance, runPerformance } from '../perform/perform.js'
import type { ParsedPerformancePlan } from '../perform/performancePlan.js'
import { parseOptions } from '../scheduler/parseOptions.js'
import { seededRandom } from '../scheduler/seededRandom.js'
import type { WorkflowContext } from '../shared/workflow.js'

const index = z.number().int().min(0).max(999)
const weight = z.number().min(0).max(1000)

/** Options of {@link generate}: a seeded random walk over tracks × scenes, launched on bar lines. */
export const generateOptionsSchema = z
  .object({
    /** The seed: the same seed gives the same performance. */
    seed: z.number().int(),
    /** The tracks to play: a count from track 0, or a list. @default 4 */
    tracks: z.union([z.number().int().min(1).max(999), z.array(index).min(1).max(999)]).default(4),
    /** The scenes (clip rows) to walk over: a count from scene 0, or a list. @default 8 */
    scenes: z.union([z.number().int().min(1).max(999), z.array(index).min(1).max(999)]).default(8),
    /** Length of the performance in bars. */
    bars: z.number().int().min(1).max(4096),
    /** Chance that a track moves at each quantum, 0..1. @default 0.5 */
    density: z.number().min(0).max(1).default(0.5),
    /** Relative weights of a move to a neighbouring scene (`step`) and to any scene (`jump`). @default { step: 3, jump: 1 } */
    weights: z
      .object({ step: weight.default(3), jump: weight.default(1) })
      .strict()
      .default({ step: 3, jump: 1 }),
    /** Rules: one clip per track at a time (always), launches quantised to this many bars. @default { oneClipPerTrack: true, quantiseBars: 1 } */
    rules: z
      .object({
        oneClipPerTrack: z.literal(true).default(true),
        quantiseBars: z.number().int().min(1).max(64).default(1),
      })
      .strict()
      .default({ oneClipPerTrack: true, quantiseBars: 1 }),
    /** Values set at random (center ± depth) with every launch: filter sweeps, sends. */
    modulation: z
      .array(z.object({ target: automationTargetSchema, depth: z.number().min(0), center: z.number() }).strict())
      .max(16)
      .optional(),
    /** What to stop at the end. @default 'all' */
    stop: z.union([z.literal('all'), z.array(index).min(1)]).default('all'),
    /** Return the plan without sending anything. @default false */
    dryRun: z.boolean().default(false),
  })
  .strict()

/** What {@link generate} accepts (defaults optional). */
export type GenerateOptions = z.input<typeof generateOptionsSchema>

/** What {@link generate} did: the performance and the plan it came from. */
export type GenerateResult = PerformResult & { readonly performance: ParsedPerformancePlan }

const list = (value: number | readonly number[]) =>
  typeof value === 'number' ? Array.from({ length: value }, (_, i) => i) : [...value]

/**
 * The seeded walk as a performance plan: at each quantum each track moves with chance `density` to a neighbouring
 * or any scene; a track holds one clip at a time, so a move replaces its clip on the bar line.
 *
 * @example
 * generatePerformance(parseOptions(generateOptionsSchema, { seed: 7, bars: 16 }, 'generate'))
 */
export function generatePerformance(options: z.infer<typeof generateOptionsSchema>): ParsedPerformancePlan {
  const random = seededRandom(options.seed)
  const tracks = list(options.tracks)
  const scenes = list(options.scenes)
  const quantum = options.rules.quantiseBars
  const position = new Map<number, number>()
  const steps: ParsedPerformancePlan['steps'][number][] = []
  const { step: stepWeight, jump: jumpWeight } = options.weights
  for (let bar = 0; bar < options.bars; bar += quantum) {
    const clips: [number, number][] = []
    for (const track of tracks) {
      const moves =
        random() < options.density || (bar === 0 && steps.length === 0 && track === tracks.at(-1) && clips.length === 0)
      if (!moves) continue
      const here = position.get(track)
      const jump = here === undefined || random() * (stepWeight + jumpWeight) < jumpWeight
      let next = jump
        ? Math.floor(random() * scenes.length)
        : Math.min(scenes.length - 1, Math.max(0, here + (random() < 0.5 ? -1 : 1)))
      if (next === here) next = (next + 1) % scenes.length
      if (next === here) continue
      position.set(track, next)
      clips.push([track, scenes[next]!])
    }
    const bars = Math.min(quantum, options.bars - bar)
    const sets = (options.modulation ?? []).map(({ target, depth, center }) => ({
      target,
      value: clampToTarget(center + depth * (random() * 2 - 1), targetAddress(target)),
    }))
    const last = steps.at(-1)
    if (clips.length === 0 && last !== undefined) {
      steps[steps.length - 1] = { ...last, bars: last.bars + bars }
    } else {
      steps.push({ clips, bars, ...(sets.length > 0 ? { sets } : {}) })
    }
  }
  return {
    steps,
    seed: options.seed,
    stop: options.stop,
    leadBeats: 1,
    restoreVolumes: true,
    dryRun: options.dryRun,
  }
}

/**
 * Generative launcher: a seeded random walk over tracks × scenes, never two clips on one track at once, launched on
 * bar lines by Live's quantisation; the same seed plays the same performance (compare dry-run plans).
 *
 * @example
 * await generate(live, { seed: 42, bars: 32, density: 0.4, rules: { oneClipPerTrack: true, quantiseBars: 2 } })
 */
export async function generate<O extends GenerateOptions>(
  client: LiveClient,
  options: O,
  context: WorkflowContext = {},
): Promise<DryRunOr<O, GenerateResult>> {
  const parsed = parseOptions(generateOptionsSchema, options, 'generate')
  const performance = generatePerformance(parsed)
  if (parsed.dryRun) return { plan: planPerformance(performance, 'generate') } as DryRunOr<O, GenerateResult>
  const result = await runPerformance(client, performance, context, 'generate')
  return { ...result, performance } as DryRunOr<O, GenerateResult>
}
