import { LiveError } from '@live/protocol'
import type { ExportStemsResult, RecordClipResult } from '@live/workflows'
import { z } from 'zod'
import { dryRunArg, index, waitArg } from '../core/schemas.js'
import { requireTrack } from '../core/setFacts.js'
import { defineTool } from '../core/toolKit.js'
import { jobAnswer, jobView, planAnswer, startJob, workflowOutput } from '../core/workflowAnswers.js'

/** What no Remote Script can do, said in every export answer. */
export const EXPORT_LIMITS = [
  "Live's control API (used by AbletonOSC) cannot render or export audio: no MP3/WAV export, no bounce, no File > Export dialog, no writing audio files.",
  'What can be automated: solo each track and record what the master plays, in real time, into clips on a resampling audio track inside the set.',
  'Writing WAV files needs the @live Max for Live bridge device (it records the master to disk); otherwise export by hand: File > Export Audio/Video, or right-click a recorded clip > Export.',
]

const RECORD = 'recordClip'
const EXPORT = 'exportStems'

const takeText = (r: RecordClipResult) =>
  r.lengthBeats > 0
    ? `clip '${r.clipName}' on track ${r.track}, slot ${r.slot}: ${r.lengthBeats} beats`
    : `nothing on track ${r.track}, slot ${r.slot} (no clip was recorded)`

/** What an export did, and what is left to do in Live (one line of text; the stems in the job's result). */
export function exportReport(result: ExportStemsResult): string {
  const stems = result.stems.map((s) =>
    s.file === null
      ? `track ${s.track} '${s.trackName}' → clip '${s.name}' on track ${result.resampleTrack}, slot ${s.slot} (${s.lengthBeats} beats)`
      : `track ${s.track} '${s.trackName}' → ${s.file}`,
  )
  const left = result.filesWritten
    ? ['Nothing is left to do: the files are written.']
    : [
        `Left for you in Live: no audio file exists yet. Select the clips on track ${result.resampleTrack} (Live shows it as track ${(result.resampleTrack ?? 0) + 1}) and export them (right-click > Export, or File > Export Audio/Video with the track soloed).`,
      ]
  return [
    `Exported ${result.stems.length} stem(s) by ${result.method === 'bridge' ? 'the Max for Live bridge (WAV files)' : 'resampling into clips'}:`,
    ...stems.map((l) => `- ${l}`),
    ...result.notes,
    ...left,
  ].join('\n')
}

/** `ableton_record_clip`: N bars (or until stopped) into a slot, arming only that track. */
export const recordClipTool = defineTool({
  name: 'ableton_record_clip',
  description:
    "Record bars (or until record is turned off) into a track's first empty slot, or a new track: arms only it, then disarms and names the clip. resample records the master.",
  toolset: 'workflows',
  kind: 'write',
  input: z.strictObject({
    track: z.union([index, z.enum(['new-audio', 'new-midi'])]).default('new-audio'),
    slot: index.optional(),
    bars: z.number().int().min(1).max(1024).optional(),
    name: z.string().min(1).max(255).optional(),
    resample: z.boolean().default(false),
    dry_run: dryRunArg,
    wait: waitArg,
  }),
  output: workflowOutput,
  async run(args, context) {
    const { live, changed } = context
    const { recordClip } = await import('@live/workflows')
    if (typeof args.track === 'number') await requireTrack(live, args.track)
    const options = {
      track: args.track,
      resample: args.resample,
      ...(args.slot === undefined ? {} : { slot: args.slot }),
      ...(args.bars === undefined ? {} : { bars: args.bars }),
      ...(args.name === undefined ? {} : { name: args.name }),
    }
    if (args.dry_run) return planAnswer((await recordClip(live, { ...options, dryRun: true })).plan)
    if (args.wait && args.bars === undefined) {
      throw new LiveError('INVALID_ARGUMENTS', 'wait needs bars: a recording without bars runs until stopped', {
        metaMessages: ['Give bars, or leave wait false and end it with ableton_transport_record enabled false.'],
      })
    }
    const where = typeof args.track === 'number' ? `track ${args.track}` : `a ${args.track} track`
    const length = args.bars === undefined ? 'until stopped' : `${args.bars} bar(s)`
    const job = await startJob(
      context,
      RECORD,
      `${length} on ${where}`,
      (ctx) => recordClip(live, options, ctx),
      args.wait,
    )
    changed({ structure: true })
    if (job.status === 'done')
      return { text: `Recorded ${takeText(job.result as RecordClipResult)}.`, data: { job: jobView(job) } }
    return jobAnswer(
      job,
      args.bars === undefined
        ? 'End it with ableton_transport_record (enabled: false).'
        : `Stop it early with ableton_jobs (stop: ${job.id}).`,
    )
  },
})

/** `ableton_export_audio`: stems, in real time, as far as the server allows. */
export const exportAudioTool = defineTool({
  name: 'ableton_export_audio',
  description:
    'Export stems in real time: WAV files on the bridge; on AbletonOSC clips on a resampling track, plus what is left to do in Live. dry_run (default true) plans first.',
  toolset: 'workflows',
  kind: 'write',
  input: z.strictObject({
    tracks: z.array(index).min(1).optional(),
    bars: z.number().int().min(1).max(1024).optional().describe('default: the arrangement length'),
    method: z.enum(['auto', 'resample', 'bridge']).default('auto'),
    folder: z.string().min(1).max(200).optional().describe("bridge: inside its export folder; default 'Stems'"),
    dry_run: z.boolean().default(true),
    wait: waitArg,
  }),
  output: workflowOutput,
  async run(args, context) {
    const { live, changed } = context
    const { exportStems } = await import('@live/workflows')
    const options = {
      tracks: args.tracks ?? ('all' as const),
      method: args.method,
      ...(args.bars === undefined ? {} : { bars: args.bars }),
      ...(args.folder === undefined ? {} : { folder: args.folder }),
    }
    if (args.dry_run) {
      const answer = planAnswer((await exportStems(live, { ...options, dryRun: true })).plan, 40)
      const text = `${answer.text} Without the @live bridge, Live's own export must write the files (plan.limits says why).`
      return { text, data: { plan: { ...answer.data.plan, limits: EXPORT_LIMITS } } }
    }
    const count = args.tracks?.length ?? (await live.song.numTracks.get())
    const job = await startJob(context, EXPORT, `${count} stem(s)`, (ctx) => exportStems(live, options, ctx), args.wait)
    changed({ structure: true })
    if (job.status === 'done') {
      const result = job.result as ExportStemsResult
      return { text: exportReport(result), data: { job: { ...jobView(job), report: exportReport(result) } } }
    }
    return jobAnswer(job, 'ableton_jobs shows the stems and what is left to do when it ends.')
  },
})
