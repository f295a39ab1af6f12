import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { jsonAs } from '../core/jsonSchema.js'
import { dryRunArg, index, waitArg } from '../core/schemas.js'
import { defineTool } from '../core/toolKit.js'
import { dbArg, volumeFromDb } from '../core/values.js'
import { jobAnswer, planAnswer, startJob, workflowOutput } from '../core/workflowAnswers.js'

const volumesDb = z.record(z.string(), dbArg).optional().describe('dB by track: {"0": -6}')

const step = z.strictObject({
  scene: index.optional(),
  clips: jsonAs(z.array(z.tuple([index, index])).min(1), {
    type: 'array',
    description: '[track, scene] pairs, instead of scene',
  }).optional(),
  bars: z.number().int().min(1).max(4096),
  volumes_db: volumesDb,
})

type Step = z.infer<typeof step>

function invalid(message: string, hint: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', message, { metaMessages: [hint] })
}

const toVolumes = (volumes: Record<string, number | string> | undefined) => {
  if (volumes === undefined) return {}
  for (const key of Object.keys(volumes)) {
    if (!/^\d+$/.test(key)) {
      throw invalid(`volumes_db key ${JSON.stringify(key)} is not a track index`, 'Example: {"0": -6, "2": "0dB"}.')
    }
  }
  return {
    volumes: Object.fromEntries(Object.entries(volumes).map(([t, db]) => [t, volumeFromDb(db, `volumes_db.${t}`)])),
  }
}

function toStep(s: Step, i: number) {
  if ((s.scene === undefined) === (s.clips === undefined)) {
    throw invalid(`step ${i} needs a scene or clips (one of them)`, 'Example: {"scene": 1, "bars": 8}.')
  }
  const what = s.clips === undefined ? { scene: s.scene! } : { clips: s.clips }
  return { ...what, bars: s.bars, ...toVolumes(s.volumes_db) }
}

const indices = (list: readonly number[] | undefined, count: number, noun: string) => {
  if (list === undefined) return count
  const bad = list.find((i) => i >= count)
  if (bad !== undefined)
    throw new LiveError('NOT_FOUND', `${noun} ${bad} does not exist; this set has ${noun}s 0–${count - 1}.`)
  return [...list]
}

const generateArg = z.strictObject({
  bars: z.number().int().min(1).max(4096).default(16),
  tracks: z.array(index).min(1).optional(),
  scenes: z.array(index).min(1).optional(),
  density: z.number().min(0).max(1).default(0.5).describe('chance a track changes clip'),
  quantise_bars: z.number().int().min(1).max(64).default(1),
})

/** A generative run as the workflow takes it: the walk over the set's tracks and scenes. */
async function generateOptions(live: LiveClient, args: z.output<typeof generateArg>, seed: number) {
  const [trackCount, sceneCount] = await Promise.all([live.song.numTracks.get(), live.song.numScenes.get()])
  return {
    seed,
    bars: args.bars,
    tracks: indices(args.tracks, trackCount, 'track'),
    scenes: indices(args.scenes, sceneCount, 'scene'),
    density: args.density,
    rules: { oneClipPerTrack: true as const, quantiseBars: args.quantise_bars },
  }
}

/** `ableton_perform`: scenes or clips in order for some bars each, or a seeded generative walk, on bar lines. */
export const performTool = defineTool({
  name: 'ableton_perform',
  description:
    'Play steps in order ("intro 8 bars, verse 16"), each a scene or clips for some bars, on bar lines; or generate: a seeded random walk over the clips, one per track.',
  toolset: 'workflows',
  kind: 'write',
  input: z.strictObject({
    steps: z.array(step).min(1).max(1000).optional(),
    generate: generateArg.optional(),
    volumes_db: volumesDb,
    volume_jitter_db: z.number().min(0).max(24).optional(),
    seed: z.number().int().default(1),
    stop_at_end: z.boolean().default(true),
    restore_volumes: z.boolean().default(true),
    dry_run: dryRunArg,
    wait: waitArg,
  }),
  output: workflowOutput,
  async run(args, context) {
    const { live } = context
    const { generate, perform } = await import('@live/workflows')
    if ((args.steps === undefined) === (args.generate === undefined)) {
      throw invalid(
        'give steps or generate (one of them)',
        'Example: {"steps": [{"scene": 0, "bars": 8}]} or {"generate": {"bars": 16}}.',
      )
    }
    if (args.generate !== undefined) {
      const options = await generateOptions(live, args.generate, args.seed)
      if (args.dry_run) return planAnswer((await generate(live, { ...options, dryRun: true as const })).plan)
      const description = `seed ${args.seed}, ${options.bars} bar(s)`
      return jobAnswer(
        await startJob(context, 'generate', description, (ctx) => generate(live, options, ctx), args.wait),
      )
    }
    const steps = args.steps!
    const plan = {
      steps: steps.map(toStep),
      ...toVolumes(args.volumes_db),
      ...(args.volume_jitter_db === undefined ? {} : { volumeJitterDb: args.volume_jitter_db }),
      seed: args.seed,
      ...(args.stop_at_end ? { stop: 'all' as const } : {}),
      restoreVolumes: args.restore_volumes,
    }
    if (args.dry_run) return planAnswer((await perform(live, { ...plan, dryRun: true as const })).plan)
    const bars = steps.reduce((sum, s) => sum + s.bars, 0)
    const description = `${steps.length} step(s), ${bars} bar(s)`
    return jobAnswer(await startJob(context, 'perform', description, (ctx) => perform(live, plan, ctx), args.wait))
  },
})
