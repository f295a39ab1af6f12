import { dbToVolume, LiveError } from '@live/protocol'
import { z } from 'zod'
import type { Jobs } from '../core/jobs.js'
import { sceneIndex, trackIndex, volumeDb } from '../core/schemas.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'
import { dryRunArg, jobAnswer, planAnswer, waitArg } from '../core/workflowAnswers.js'

const volumesDb = z
  .record(z.string().regex(/^\d+$/), volumeDb)
  .optional()
  .describe('Track volumes in dB set as the step launches, keyed by track index, e.g. {"0": -6, "2": 0}.')

const step = z
  .object({
    scene: sceneIndex.optional().describe('Launch this scene (give scene or clips).'),
    clips: z
      .array(z.tuple([trackIndex, sceneIndex]))
      .min(1)
      .optional()
      .describe('Or launch these clips, as [track, slot] pairs.'),
    bars: z.number().int().min(1).max(4096).describe('How many bars the step plays.'),
    volumes_db: volumesDb,
  })
  .describe('One step: a scene or a list of clips, for some bars.')

type Step = z.infer<typeof step>

function invalid(message: string, hint: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', message, { metaMessages: [hint] })
}

const toVolumes = (volumes: Record<string, number> | undefined) =>
  volumes === undefined
    ? {}
    : { volumes: Object.fromEntries(Object.entries(volumes).map(([t, db]) => [t, dbToVolume(db)])) }

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

/** `ableton_perform` and `ableton_generate`: launches on bar lines, in the background. */
export function registerPerformTools(host: ToolHost, jobs: Jobs): void {
  liveTool(
    host,
    'ableton_perform',
    {
      title: 'Perform a plan',
      description:
        'Play a performance: launch scenes or clips in order, each for a number of bars, landing on bar lines (Live\'s launch quantisation), optionally setting volumes and stopping at the end. Use for arrangements like "intro 8 bars, verse 16, drop 16". Starts the transport if stopped. Runs in the background.',
      input: {
        steps: z.array(step).min(1).max(1000).describe('The steps in order.'),
        volumes_db: volumesDb.describe('Track volumes in dB set with every step, keyed by track index.'),
        volume_jitter_db: z
          .number()
          .min(0)
          .max(24)
          .optional()
          .describe('Random ± dB variation of launched tracks around their level (humanise). Default none.'),
        seed: z.number().int().default(1).describe('Seed of the volume variation. Default 1.'),
        stop_at_end: z.boolean().default(true).describe('Stop every clip after the last step. Default true.'),
        restore_volumes: z.boolean().default(true).describe('Put the track volumes back at the end. Default true.'),
        dry_run: dryRunArg,
        wait: waitArg,
      },
      kind: 'write',
    },
    async (args, { live }) => {
      const { perform } = await import('@live/workflows')
      const plan = {
        steps: args.steps.map(toStep),
        ...toVolumes(args.volumes_db),
        ...(args.volume_jitter_db === undefined ? {} : { volumeJitterDb: args.volume_jitter_db }),
        seed: args.seed,
        ...(args.stop_at_end ? { stop: 'all' as const } : {}),
        restoreVolumes: args.restore_volumes,
      }
      if (args.dry_run) return planAnswer((await perform(live, { ...plan, dryRun: true as const })).plan)
      const bars = args.steps.reduce((sum, s) => sum + s.bars, 0)
      const description = `${args.steps.length} step(s), ${bars} bar(s)`
      return jobAnswer(await jobs.start('perform', description, (ctx) => perform(live, plan, ctx), args.wait))
    },
  )

  liveTool(
    host,
    'ableton_generate',
    {
      title: 'Generative clip launching',
      description:
        'A generative jam over the clips already in the set: a seeded random walk over tracks × scenes (the same seed plays the same performance), one clip per track at a time, launched on bar lines, for a number of bars, then stops. Runs in the background.',
      input: {
        bars: z.number().int().min(1).max(4096).default(16).describe('Length of the performance in bars. Default 16.'),
        seed: z.number().int().default(1).describe('Random seed: the same seed plays the same performance. Default 1.'),
        tracks: z.array(trackIndex).min(1).optional().describe('Tracks to launch on. Default: every track.'),
        scenes: z
          .array(sceneIndex)
          .min(1)
          .optional()
          .describe('Scenes (clip rows) to walk over. Default: every scene.'),
        density: z
          .number()
          .min(0)
          .max(1)
          .default(0.5)
          .describe('Chance 0..1 that a track changes clip at each launch point. Default 0.5.'),
        quantise_bars: z.number().int().min(1).max(64).default(1).describe('Bars between launch points. Default 1.'),
        dry_run: dryRunArg,
        wait: waitArg,
      },
      kind: 'write',
    },
    async (args, { live }) => {
      const { generate } = await import('@live/workflows')
      const [trackCount, sceneCount] = await Promise.all([live.song.numTracks.get(), live.song.numScenes.get()])
      const options = {
        seed: args.seed,
        bars: args.bars,
        tracks: indices(args.tracks, trackCount, 'track'),
        scenes: indices(args.scenes, sceneCount, 'scene'),
        density: args.density,
        rules: { oneClipPerTrack: true as const, quantiseBars: args.quantise_bars },
      }
      if (args.dry_run) return planAnswer((await generate(live, { ...options, dryRun: true as const })).plan)
      const description = `seed ${args.seed}, ${args.bars} bar(s)`
      return jobAnswer(await jobs.start('generate', description, (ctx) => generate(live, options, ctx), args.wait))
    },
  )
}
