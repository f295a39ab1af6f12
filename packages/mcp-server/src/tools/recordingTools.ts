import { z } from 'zod'
import type { Jobs } from '../core/jobs.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'
import { registerRecordClipTools, registerStopRecordingTool } from './recordClipTools.js'
import { createTrack, newTrackIndex, registerTrackNameTool } from './trackTools.js'

/** The recording set: start and stop, an audio track to record into, naming, recording a clip, and export. */
export function registerRecordingTools(host: ToolHost, jobs: Jobs): void {
  liveTool(
    host,
    'ableton_start_recording',
    {
      title: 'Start recording',
      description:
        "Start recording armed tracks (arm them first with ableton_arm_track). 'arrangement' (default) presses Live's Record button and starts playback if stopped; 'session' records into the first empty slot of each armed track. Audio stays inside the set.",
      input: {
        target: z
          .enum(['arrangement', 'session'])
          .default('arrangement')
          .describe("'arrangement' (default) or 'session'."),
      },
      kind: 'idempotent',
    },
    async ({ target }, { live }) => {
      const names = (await live.song.trackNames.get()) as unknown as string[]
      const armed = (
        await Promise.all(
          names.map(async (_, t) => ((await live.track(t).canBeArmed.get()) ? live.track(t).arm.get() : false)),
        )
      ).flatMap((on, t) => (on ? [`${t} ${names[t]}`] : []))
      if (target === 'arrangement') {
        await live.song.recordMode.set(true)
        if (!(await live.song.isPlaying.get())) await live.song.startPlaying()
      } else await live.song.sessionRecord.set(true)
      const warning =
        armed.length === 0 ? ' No track is armed, so nothing is being captured: arm one with ableton_arm_track.' : ''
      return {
        text: `Recording (${target}) on armed tracks: ${armed.length === 0 ? 'none' : armed.join(', ')}.${warning}`,
      }
    },
  )

  registerStopRecordingTool(host, jobs)

  liveTool(
    host,
    'ableton_create_audio_track',
    {
      title: 'Create an audio track',
      description:
        "Create an audio track to record into (e.g. a resampling track), optionally named. Answers its index. Setting its input (e.g. to Resampling) is done in Live's I/O section.",
      input: { index: newTrackIndex, name: z.string().min(1).optional().describe('A name, e.g. "Resample Output".') },
      kind: 'write',
    },
    async ({ index, name }, { live, changed }) => {
      const created = await createTrack(live, 'audio', index, name)
      changed({ structure: true })
      return { text: `Created audio track ${created.index} (${created.name}).`, data: created }
    },
  )

  registerTrackNameTool(host)

  registerRecordClipTools(host, jobs)
}
