import type { LiveClient } from '@live/client'
import { z } from 'zod'
import { defineTool } from '../core/toolKit.js'

const playing = z.object({ playing: z.boolean(), position: z.number() })

/** `ableton_transport_play`: Live's Play button. */
export const transportPlay = defineTool({
  name: 'ableton_transport_play',
  description: "Start Live's transport; launched clips play.",
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({ from_start: z.boolean().default(false) }),
  output: playing,
  async run({ from_start }, { live }) {
    if (from_start) await live.song.currentSongTime.set(0)
    await live.song.startPlaying()
    const [isPlaying, position] = await Promise.all([live.song.isPlaying.get(), live.song.currentSongTime.get()])
    return {
      text: isPlaying ? 'Live is playing.' : 'Play was sent, but Live reports it is not playing yet.',
      data: { playing: isPlaying, position },
    }
  },
})

/** `ableton_transport_stop`: Live's Stop button. */
export const transportStop = defineTool({
  name: 'ableton_transport_stop',
  description: "Stop Live's transport: clips stop, recording ends.",
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({}),
  output: playing,
  async run(_, { live }) {
    await live.song.stopPlaying()
    const [isPlaying, position] = await Promise.all([live.song.isPlaying.get(), live.song.currentSongTime.get()])
    return {
      text: isPlaying ? 'Stop was sent, but Live still reports playing.' : 'Live is stopped.',
      data: { playing: isPlaying, position },
    }
  },
})

/** The regular tracks that are armed, by index (group tracks cannot be). */
export async function armedTracks(live: LiveClient): Promise<number[]> {
  const count = await live.song.numTracks.get()
  const armed = await Promise.all(
    Array.from({ length: count }, async (_, t) => (await live.track(t).canBeArmed.get()) && live.track(t).arm.get()),
  )
  return armed.flatMap((on, t) => (on ? [t] : []))
}

/** `ableton_transport_record`: the Arrangement or Session Record button; off also ends recordings started here. */
export const transportRecord = defineTool({
  name: 'ableton_transport_record',
  description:
    'Arrangement or Session Record on or off for the armed tracks (arrangement starts playback). Off also ends an ableton_record_clip without bars.',
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({
    enabled: z.boolean().default(true),
    target: z.enum(['arrangement', 'session']).default('arrangement'),
  }),
  output: z.object({
    arrangement: z.boolean(),
    session: z.boolean(),
    playing: z.boolean(),
    armed: z.array(z.number()),
    recordings_stopped: z.number(),
  }),
  async run({ enabled, target }, { live, jobs, changed }) {
    let stopped = 0
    if (enabled) {
      if (target === 'arrangement') {
        await live.song.recordMode.set(true)
        if (!(await live.song.isPlaying.get())) await live.song.startPlaying()
      } else await live.song.sessionRecord.set(true)
    } else {
      const recordings = jobs.stop({ workflow: 'recordClip' })
      await Promise.all(recordings.map((job) => job.finished))
      stopped = recordings.length
      if (stopped > 0) changed({ structure: true })
      await (target === 'arrangement' ? live.song.recordMode.set(false) : live.song.sessionRecord.set(false))
    }
    const [arrangement, session, isPlaying, armed] = await Promise.all([
      live.song.recordMode.get(),
      live.song.sessionRecord.get(),
      live.song.isPlaying.get(),
      armedTracks(live),
    ])
    const warning = enabled && armed.length === 0 ? ' No track is armed, so nothing is captured.' : ''
    return {
      text: `Arrangement record ${arrangement ? 'on' : 'off'}, session record ${session ? 'on' : 'off'}; Live is ${isPlaying ? 'playing' : 'stopped'}.${warning}`,
      data: { arrangement, session, playing: isPlaying, armed, recordings_stopped: stopped },
    }
  },
})

/** `ableton_set_tempo`. */
export const setTempo = defineTool({
  name: 'ableton_set_tempo',
  description: 'Set the song tempo in BPM.',
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({ bpm: z.number().min(20).max(999) }),
  output: z.object({ tempo: z.number() }),
  async run({ bpm }, { live }) {
    await live.song.tempo.set(bpm)
    const tempo = Math.round((await live.song.tempo.get()) * 100) / 100
    return { text: `Tempo is now ${tempo} BPM.`, data: { tempo } }
  },
})
