import type { LiveClient } from '@live/client'
import { z } from 'zod'
import { createScheduler } from '../scheduler/createScheduler.js'
import { parseOptions } from '../scheduler/parseOptions.js'
import type { WorkflowContext, WorkflowPlan } from '../shared/workflow.js'
import { type FadeResult, fadeOptionsSchema, parseFadeOptions, planFade, runFade } from './fade.js'
import { type LfoResult, lfoOptionsSchema, parseLfoOptions, planLfo, runLfo } from './lfo.js'
import type { DryRunOr } from './timing.js'

/** Options of {@link automate}: fades and LFOs run together on one scheduler. */
export const automateOptionsSchema = z
  .object({
    /** The lanes: each a fade (`type: 'fade'`) or an LFO (`type: 'lfo'`) with that workflow's options. */
    lanes: z
      .array(
        z.discriminatedUnion('type', [
          fadeOptionsSchema.omit({ dryRun: true }).extend({ type: z.literal('fade') }),
          lfoOptionsSchema.omit({ dryRun: true }).extend({ type: z.literal('lfo') }),
        ]),
      )
      .min(1)
      .max(64),
    /** Return the plans without sending anything. @default false */
    dryRun: z.boolean().default(false),
  })
  .strict()

/** What {@link automate} accepts (defaults optional). */
export type AutomateOptions = z.input<typeof automateOptionsSchema>

/** What each lane of {@link automate} did. */
export type AutomateLaneResult = (FadeResult & { readonly type: 'fade' }) | (LfoResult & { readonly type: 'lfo' })

/** What {@link automate} did. */
export interface AutomateResult {
  /** One result per lane, in order. */
  readonly lanes: readonly AutomateLaneResult[]
  /** True when any lane stopped early. */
  readonly stoppedEarly: boolean
}

/**
 * Runs several fades and LFOs at once on one drift-free scheduler: a crossfade, a filter sweep under an auto-pan.
 *
 * @example
 * await automate(live, {
 *   lanes: [
 *     { type: 'fade', target: { kind: 'volume', track: 0 }, to: 0, durationMs: 8000 },
 *     { type: 'fade', target: { kind: 'volume', track: 1 }, from: 0, to: 0.85, durationMs: 8000 },
 *   ],
 * })
 */
export async function automate<O extends AutomateOptions>(
  client: LiveClient,
  options: O,
  context: WorkflowContext = {},
): Promise<DryRunOr<O, AutomateResult>> {
  const parsed = parseOptions(automateOptionsSchema, options, 'automate')
  const lanes = parsed.lanes.map(({ type, ...lane }) =>
    type === 'fade' ? { type, fade: parseFadeOptions(lane) } : { type, lfo: parseLfoOptions(lane) },
  )
  if (parsed.dryRun) {
    const plans = lanes.map((lane) => (lane.fade !== undefined ? planFade(lane.fade) : planLfo(lane.lfo!)))
    const messages = plans.flatMap((p) => p.messages).sort((a, b) => a.atMs - b.atMs)
    const plan: WorkflowPlan = { workflow: 'automate', messages, notes: plans.flatMap((p) => p.notes) }
    return { plan } as DryRunOr<O, AutomateResult>
  }
  const scheduler = createScheduler({ now: context.now, sleep: context.sleep })
  const results = await Promise.all(
    lanes.map(async (lane): Promise<AutomateLaneResult> => {
      if (lane.fade !== undefined) return { type: 'fade', ...(await runFade(client, lane.fade, scheduler, context)) }
      return { type: 'lfo', ...(await runLfo(client, lane.lfo!, scheduler, context)) }
    }),
  )
  const result: AutomateResult = { lanes: results, stoppedEarly: results.some((r) => r.stoppedEarly) }
  return result as DryRunOr<O, AutomateResult>
}
