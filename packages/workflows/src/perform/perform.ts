import type { LiveClient } from '@live/client'
import { isLiveError, quantisationBeats } from '@live/protocol'
import { beatsToMs, DRY_RUN_BPM, type DryRunOr } from '../automation/timing.js'
import { parseOptions } from '../scheduler/parseOptions.js'
import type { PlannedMessage, WorkflowContext, WorkflowPlan } from '../shared/workflow.js'
import { followBeats } from './beatFollower.js'
import {
  type CompiledStep,
  compilePerformance,
  type ParsedPerformancePlan,
  type PerformancePlan,
  performanceLength,
  performancePlanSchema,
} from './performancePlan.js'

/** One launch point as it happened. */
export interface PerformedLaunch {
  /** Index of the step (−1 for the final stop). */
  readonly step: number
  /** The bar line it lands on, in Live's song time (beats). */
  readonly atBeat: number
  /** The beat Live had reported when it was sent. */
  readonly sentAtBeat: number
  /** What was launched. */
  readonly note: string
}

/** What `perform` did. */
export interface PerformResult {
  /** Every launch point, in order. */
  readonly launches: readonly PerformedLaunch[]
  /** Song time (beats) of the first step's bar line. */
  readonly startBeat: number
  /** Song time (beats) where the plan ends. */
  readonly endBeat: number
  /** True when aborted before the end. */
  readonly stoppedEarly: boolean
}

/** The dry run: every message at its beat from the first bar line (4/4 at 120 bpm assumed). */
export function planPerformance(plan: ParsedPerformancePlan, workflow = 'perform'): WorkflowPlan {
  const compiled = compilePerformance(plan, { barBeats: 4, trackVolumes: [] })
  const messages: PlannedMessage[] = compiled.flatMap((step) => {
    const atBeat = step.beat - (step.beat === 0 ? 0 : plan.leadBeats)
    const atMs = beatsToMs(Math.max(0, atBeat), DRY_RUN_BPM)
    return [...step.launches, ...step.settings].map((m) => ({ ...m, atBeat, atMs, note: step.note }))
  })
  return {
    workflow,
    messages,
    notes: [
      `Beats count from the first step's bar line, in 4/4 at ${DRY_RUN_BPM} bpm; a real run reads the signature and follows Live's beat.`,
      `Each launch is sent ${plan.leadBeats} beat(s) before its bar line; Live's launch quantisation lands it on the line.`,
      ...(plan.volumeJitterDb !== undefined
        ? ["Volume variation needs the set's levels: a real run computes it."]
        : []),
    ],
  }
}

async function send(client: LiveClient, messages: CompiledStep['launches']): Promise<void> {
  await Promise.all(messages.map((m) => client.send(m.address as never, m.args as never)))
}

/**
 * Plays a performance plan: scenes or clips launched on bar lines by Live's launch quantisation, each sent ahead of
 * its line while following Live's beat (never wall-clock sleeps); starts the transport when needed, varies volumes,
 * stops at the end, and lists what was launched at which beat.
 *
 * @example
 * await perform(live, { steps: [{ scene: 0, bars: 4 }, { scene: 1, bars: 8 }], volumeJitterDb: 2, stop: 'all' })
 */
export async function perform<O extends PerformancePlan>(
  client: LiveClient,
  options: O,
  context: WorkflowContext = {},
): Promise<DryRunOr<O, PerformResult>> {
  const plan = parseOptions(performancePlanSchema, options, 'perform')
  if (plan.dryRun) return { plan: planPerformance(plan) } as DryRunOr<O, PerformResult>
  return (await runPerformance(client, plan, context)) as DryRunOr<O, PerformResult>
}

/** Runs a parsed plan (shared by `perform` and `generate`). */
export async function runPerformance(
  client: LiveClient,
  plan: ParsedPerformancePlan,
  context: WorkflowContext,
  workflow = 'perform',
): Promise<PerformResult> {
  const { signal } = context
  const call = { signal }
  const [playing, songTime, numerator, denominator, quantisation, trackCount] = await Promise.all([
    client.song.isPlaying.get(call),
    client.song.currentSongTime.get(call),
    client.song.signatureNumerator.get(call),
    client.song.signatureDenominator.get(call),
    client.song.clipTriggerQuantization.get(call),
    client.song.numTracks.get(call),
  ])
  const barBeats = (numerator * 4) / denominator
  const quantum = quantisationBeats(quantisation, numerator, denominator)
  // With no quantisation Live launches at once: send on the line instead of ahead of it.
  const lead = quantum > 0 ? Math.min(plan.leadBeats, quantum) : 0
  const tracks = Array.from({ length: trackCount }, (_, t) => t)
  const original = await Promise.all(tracks.map((t) => client.track(t).volume.get(call)))
  const compiled = compilePerformance(plan, { barBeats, trackVolumes: original })
  const touched = new Set(
    compiled.flatMap((s) =>
      s.settings.filter((m) => m.address === '/live/track/set/volume').map((m) => Number(m.args[0])),
    ),
  )

  // Playing: the first bar line far enough ahead to send before it. Stopped: the first launch starts the transport.
  const startBeat = playing ? Math.ceil((songTime + lead + 0.25) / barBeats) * barBeats : songTime
  const beats = followBeats(client)
  const launches: PerformedLaunch[] = []
  const endBeat = startBeat + performanceLength(plan, barBeats)
  let stoppedEarly = false
  try {
    for (const step of compiled) {
      const atBeat = startBeat + step.beat
      const immediate = !playing && step.step === 0
      if (!immediate) await beats.until(Math.floor(atBeat - lead), signal)
      await send(client, step.launches)
      // An empty slot fired while stopped does not start Live: start it explicitly (a no-op once playing).
      if (immediate) await client.song.startPlaying(call)
      await send(client, step.settings)
      launches.push({ step: step.step, atBeat, sentAtBeat: immediate ? songTime : beats.beat, note: step.note })
      context.onProgress?.({
        workflow,
        phase: step.note,
        done: launches.length,
        total: compiled.length,
        detail: { atBeat, sentAtBeat: launches.at(-1)?.sentAtBeat },
      })
    }
    if (plan.restoreVolumes && touched.size > 0) await beats.until(Math.floor(endBeat), signal)
  } catch (error) {
    if (!isLiveError(error, 'ABORTED')) throw error
    stoppedEarly = true
  } finally {
    beats.stop()
    if (plan.restoreVolumes) await Promise.all([...touched].map((t) => client.track(t).volume.set(original[t]!)))
  }
  return { launches, startBeat, endBeat, stoppedEarly }
}
