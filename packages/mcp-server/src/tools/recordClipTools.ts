import { LiveError } from '@live/protocol'
import type { ExportStemsResult, RecordClipResult } from '@live/workflows'
import { z } from 'zod'
import type { Job, Jobs } from '../core/jobs.js'
import { sceneIndex, trackIndex } from '../core/schemas.js'
import { requireTrack } from '../core/setFacts.js'
import { liveTool, type ToolAnswer, type ToolHost } from '../core/toolKit.js'
import { dryRunArg, jobAnswer, jobView, planAnswer, waitArg } from '../core/workflowAnswers.js'

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

function recordingOutcome(job: Job): string {
  if (job.result !== undefined) return `job ${job.id} recorded ${takeText(job.result as RecordClipResult)}`
  return `job ${job.id} (${job.description}) was stopped before its end; the partial take was removed`
}

/** What an export did, and what is left to do in Live. */
export function exportReport(result: ExportStemsResult): ToolAnswer {
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
  return {
    text: [
      `Exported ${result.stems.length} stem(s) by ${result.method === 'bridge' ? 'the Max for Live bridge (WAV files)' : 'resampling into clips'}:`,
      ...stems.map((l) => `- ${l}`),
      ...result.notes,
      ...left,
    ].join('\n'),
    data: result,
  }
}

/** `ableton_stop_recording`: ends recordings started here (and Live's record buttons). */
export function registerStopRecordingTool(host: ToolHost, jobs: Jobs): void {
  liveTool(
    host,
    'ableton_stop_recording',
    {
      title: 'Stop recording',
      description:
        'Stop recording: ends an ableton_record_clip recording that runs until stopped (the clip is kept and named) and turns off arrangement and session record. Playback continues; stop it with ableton_transport_stop. The recording stays in the set.',
      input: {},
      kind: 'idempotent',
    },
    async (_, { live, changed }) => {
      const stopped = jobs.stop({ workflow: RECORD })
      await Promise.all(stopped.map((job) => job.finished))
      await live.song.recordMode.set(false)
      await live.song.sessionRecord.set(false)
      if (stopped.length > 0) changed({ structure: true })
      const playing = (await live.song.isPlaying.get()) ? 'still playing' : 'stopped'
      return {
        text: [`Recording stopped; Live is ${playing}.`, ...stopped.map((job) => `- ${recordingOutcome(job)}.`)].join(
          '\n',
        ),
        ...(stopped.length === 0 ? {} : { data: stopped.map(jobView) }),
      }
    },
  )
}

/** `ableton_record_clip` and `ableton_export_audio`: real-time recording into the set, as background jobs. */
export function registerRecordClipTools(host: ToolHost, jobs: Jobs): void {
  liveTool(
    host,
    'ableton_record_clip',
    {
      title: 'Record a clip',
      description:
        "Record a clip in Session view: on a track (or a new audio/MIDI track), into its first empty slot (or a given one). It arms only that track, records N bars on Live's own quantisation, then stops, disarms and names the clip. Without bars it records until ableton_stop_recording. resample: true records what the master plays (audio tracks only). Runs in the background unless wait is true.",
      input: {
        track: z
          .union([trackIndex, z.enum(['new-audio', 'new-midi'])])
          .default('new-audio')
          .describe("A track index (from 0), or 'new-audio' (default) / 'new-midi' for a new track at the end."),
        slot: sceneIndex
          .optional()
          .describe("An empty slot (scene index) to record into. Default: the track's first empty slot."),
        bars: z
          .number()
          .int()
          .min(1)
          .max(1024)
          .optional()
          .describe('Bars to record. Default: until ableton_stop_recording.'),
        name: z.string().min(1).max(255).optional().describe("The clip's name. Default: '<track name> take'."),
        resample: z
          .boolean()
          .default(false)
          .describe('Record the master output (input set to Resampling; audio tracks only). Default false.'),
        dry_run: dryRunArg,
        wait: waitArg,
      },
      kind: 'write',
    },
    async (args, { live, changed }) => {
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
          metaMessages: ['Give bars, or leave wait false and call ableton_stop_recording to end it.'],
        })
      }
      const where = typeof args.track === 'number' ? `track ${args.track}` : `a ${args.track} track`
      const length = args.bars === undefined ? 'until ableton_stop_recording' : `${args.bars} bar(s)`
      const job = await jobs.start(RECORD, `${length} on ${where}`, (ctx) => recordClip(live, options, ctx), args.wait)
      changed({ structure: true })
      if (job.status === 'done')
        return { text: `Recorded ${takeText(job.result as RecordClipResult)}.`, data: job.result }
      return jobAnswer(
        job,
        args.bars === undefined
          ? 'End it with ableton_stop_recording.'
          : `Stop it early with ableton_stop_workflow (job ${job.id}).`,
      )
    },
  )

  liveTool(
    host,
    'ableton_export_audio',
    {
      title: 'Export stems (what is possible)',
      description:
        "Export tracks as stems, in real time: solos each track and records what the master plays. On the @live Max for Live bridge it writes WAV files; on AbletonOSC it records each stem as a clip on a new resampling track and says exactly what Live's own export must still do (a Remote Script cannot write audio files). dry_run (default true) answers the plan first; then call again with dry_run false.",
      input: {
        tracks: z
          .array(trackIndex)
          .min(1)
          .optional()
          .describe('Tracks to export as stems (from 0). Default every track.'),
        bars: z
          .number()
          .int()
          .min(1)
          .max(1024)
          .optional()
          .describe(
            'Bars per stem from the song start. Default: the arrangement length (give bars for a Session-only set).',
          ),
        method: z
          .enum(['auto', 'resample', 'bridge'])
          .default('auto')
          .describe("'auto' (default): bridge files when the bridge answers, else resampling; or force one."),
        folder: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe(
            "Bridge only: where the WAV files go, inside the export folder typed into the bridge device (paths that leave it are refused). Default 'Stems'.",
          ),
        dry_run: z
          .boolean()
          .default(true)
          .describe('True (default) only answers the plan and the limits; false records the stems.'),
        wait: waitArg,
      },
      kind: 'write',
    },
    async (args, { live, changed }) => {
      const { exportStems } = await import('@live/workflows')
      const options = {
        tracks: args.tracks ?? ('all' as const),
        method: args.method,
        ...(args.bars === undefined ? {} : { bars: args.bars }),
        ...(args.folder === undefined ? {} : { folder: args.folder }),
      }
      if (args.dry_run) {
        const answer = planAnswer((await exportStems(live, { ...options, dryRun: true })).plan, 40)
        return { text: [answer.text, ...EXPORT_LIMITS.map((l) => `- ${l}`)].join('\n'), data: answer.data }
      }
      const count = args.tracks?.length ?? (await live.song.numTracks.get())
      const job = await jobs.start(EXPORT, `${count} stem(s)`, (ctx) => exportStems(live, options, ctx), args.wait)
      changed({ structure: true })
      if (job.status === 'done') return exportReport(job.result as ExportStemsResult)
      return jobAnswer(job, 'ableton_workflow_status shows the stems and what is left to do when it ends.')
    },
  )
}
