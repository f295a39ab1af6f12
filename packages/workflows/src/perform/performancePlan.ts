import { dbToVolume, volumeToDb } from '@live/protocol'
import { z } from 'zod'
import { automationTargetSchema, targetAddress } from '../automation/automationTarget.js'
import { seededRandom } from '../scheduler/seededRandom.js'

const index = z.number().int().min(0).max(999)
const bars = z.number().int().min(1).max(4096)
const volumes = z.record(z.string().regex(/^\d+$/), z.number().min(0).max(1))
const sets = z.array(z.object({ target: automationTargetSchema, value: z.number() }).strict()).max(64)
const stepCommon = {
  /** How long the step plays, in bars. */
  bars,
  /** Track volumes (0..1) set as the step launches, keyed by track index. */
  volumes: volumes.optional(),
  /** Values set as the step launches (generate's modulation). */
  sets: sets.optional(),
}

/** One step of a performance: a scene, or a list of clips as [track, slot], for some bars. */
export const performanceStepSchema = z.union([
  z.object({ scene: index, ...stepCommon }).strict(),
  z
    .object({
      clips: z
        .array(z.tuple([index, index]))
        .min(1)
        .max(999),
      ...stepCommon,
    })
    .strict(),
])

/** Options of `perform`: steps launched on bar lines by Live's own launch quantisation. */
export const performancePlanSchema = z
  .object({
    /** The steps, in order. */
    steps: z.array(performanceStepSchema).min(1).max(10_000),
    /** Track volumes (0..1) set with every step, keyed by track index. */
    volumes: volumes.optional(),
    /** Random variation of each launched track's volume, ± dB around its level at the start. */
    volumeJitterDb: z.number().min(0).max(24).optional(),
    /** Seed of the volume variation. @default 1 */
    seed: z.number().int().default(1),
    /** What to stop at the end: every clip, some tracks, or nothing. @default nothing */
    stop: z.union([z.literal('all'), z.array(index).min(1)]).optional(),
    /** Beats before each bar line at which its launches are sent (Live's quantisation lands them on the line). @default 1 */
    leadBeats: z.number().gt(0).max(16).default(1),
    /** Put the track volumes of the start back at the end. @default true */
    restoreVolumes: z.boolean().default(true),
    /** Return the plan without sending anything. @default false */
    dryRun: z.boolean().default(false),
  })
  .strict()

/** What `perform` accepts (defaults optional). */
export type PerformancePlan = z.input<typeof performancePlanSchema>
/** A parsed plan. */
export type ParsedPerformancePlan = z.infer<typeof performancePlanSchema>

/** A message of a compiled step. */
export interface StepMessage {
  readonly address: string
  readonly args: readonly (number | string | boolean)[]
}

/** One launch point: the bar line (in beats from the first) and what is sent for it. */
export interface CompiledStep {
  /** Index in `steps`, or −1 for the final stop. */
  readonly step: number
  /** Beats from the first step's bar line. */
  readonly beat: number
  /** What is launched, in words. */
  readonly note: string
  /** The launches (quantised by Live). */
  readonly launches: readonly StepMessage[]
  /** Values set at the same time (volumes, modulation), by track for volumes. */
  readonly settings: readonly StepMessage[]
}

/** The tracks a step launches on. */
export function stepTracks(step: ParsedPerformancePlan['steps'][number], trackCount: number): number[] {
  if ('clips' in step) return [...new Set(step.clips.map(([t]) => t))]
  return Array.from({ length: trackCount }, (_, t) => t)
}

/**
 * Turns a plan into launch points on the bar grid, with every volume and value decided (seeded), no I/O.
 *
 * @example
 * compilePerformance(plan, { barBeats: 4, trackVolumes: [0.85, 0.85] })
 */
export function compilePerformance(
  plan: ParsedPerformancePlan,
  set: { barBeats: number; trackVolumes: readonly number[] },
): CompiledStep[] {
  const random = seededRandom(plan.seed)
  const out: CompiledStep[] = []
  let beat = 0
  plan.steps.forEach((step, i) => {
    const launches: StepMessage[] =
      'clips' in step
        ? step.clips.map(([t, s]) => ({ address: '/live/clip_slot/fire', args: [t, s] }))
        : [{ address: '/live/scene/fire', args: [step.scene] }]
    const levels = new Map<number, number>()
    if (plan.volumeJitterDb !== undefined) {
      for (const t of stepTracks(step, set.trackVolumes.length)) {
        const base = set.trackVolumes[t]
        if (base === undefined || base === 0) continue
        const db = Math.max(-70, volumeToDb(base)) + (random() * 2 - 1) * plan.volumeJitterDb
        levels.set(t, dbToVolume(db))
      }
    }
    for (const [t, v] of Object.entries({ ...plan.volumes, ...step.volumes })) levels.set(Number(t), v)
    const settings: StepMessage[] = [...levels].map(([t, v]) => ({ address: '/live/track/set/volume', args: [t, v] }))
    for (const { target, value } of step.sets ?? []) {
      const address = targetAddress(target)
      settings.push({ address: address.setAddress, args: [...address.indices, value] })
    }
    const what = 'clips' in step ? `clips ${step.clips.map(([t, s]) => `${t}/${s}`).join(', ')}` : `scene ${step.scene}`
    out.push({ step: i, beat, note: `step ${i}: ${what} for ${step.bars} bar(s)`, launches, settings })
    beat += step.bars * set.barBeats
  })
  const stop = plan.stop
  if (stop !== undefined) {
    const launches: StepMessage[] =
      stop === 'all'
        ? [{ address: '/live/song/stop_all_clips', args: [] }]
        : stop.map((t) => ({ address: '/live/track/stop_all_clips', args: [t] }))
    out.push({
      step: -1,
      beat,
      note: stop === 'all' ? 'stop all clips' : `stop tracks ${stop.join(', ')}`,
      launches,
      settings: [],
    })
  }
  return out
}

/** The beat where the plan ends (after its last step's bars). */
export function performanceLength(plan: ParsedPerformancePlan, barBeats: number): number {
  return plan.steps.reduce((sum, step) => sum + step.bars * barBeats, 0)
}
