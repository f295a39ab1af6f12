import { z } from 'zod'
import { liveTool, type ToolHost } from '../core/toolKit.js'

/** Play, stop, record and tempo: the transport bar. */
export function registerTransportTools(host: ToolHost): void {
  liveTool(
    host,
    'ableton_transport_play',
    {
      title: 'Play',
      description:
        "Start Live's transport (the Play button). Use it to hear the set or before recording. Clips already launched start playing; nothing is launched by this alone (use ableton_fire_clip or ableton_launch_scene).",
      input: {
        from_start: z
          .boolean()
          .default(false)
          .describe('True jumps to beat 0 first; false continues from the current song position. Default false.'),
      },
      kind: 'idempotent',
    },
    async ({ from_start }, { live }) => {
      if (from_start) await live.song.currentSongTime.set(0)
      await live.song.startPlaying()
      const playing = await live.song.isPlaying.get()
      return { text: playing ? 'Live is playing.' : 'Play was sent, but Live reports it is not playing yet.' }
    },
  )

  liveTool(
    host,
    'ableton_transport_stop',
    {
      title: 'Stop',
      description:
        "Stop Live's transport (the Stop button): every clip stops and recording ends. To stop only clips and keep the transport running, use ableton_stop_clip or ableton_stop_all_clips.",
      input: {},
      kind: 'idempotent',
    },
    async (_, { live }) => {
      await live.song.stopPlaying()
      const playing = await live.song.isPlaying.get()
      return { text: playing ? 'Stop was sent, but Live still reports playing.' : 'Live is stopped.' }
    },
  )

  liveTool(
    host,
    'ableton_transport_record',
    {
      title: 'Record on/off',
      description:
        "Turn recording on or off. 'arrangement' is Live's main Record button (records armed tracks into the Arrangement, starting playback); 'session' is the Session Record button (records into the first empty clip slot of armed tracks). Arm tracks first with ableton_arm_track. Audio stays inside Live's set: exporting files is manual (see ableton_export_audio).",
      input: {
        enabled: z
          .boolean()
          .default(true)
          .describe('True starts recording, false stops it (playback continues). Default true.'),
        target: z
          .enum(['arrangement', 'session'])
          .default('arrangement')
          .describe("'arrangement' (main Record button, default) or 'session' (Session Record button)."),
      },
      kind: 'idempotent',
    },
    async ({ enabled, target }, { live }) => {
      if (target === 'arrangement') {
        await live.song.recordMode.set(enabled)
        if (enabled && !(await live.song.isPlaying.get())) await live.song.startPlaying()
      } else {
        await live.song.sessionRecord.set(enabled)
      }
      const [arrangement, session, playing] = await Promise.all([
        live.song.recordMode.get(),
        live.song.sessionRecord.get(),
        live.song.isPlaying.get(),
      ])
      return {
        text: `Arrangement record is ${arrangement ? 'on' : 'off'}, session record is ${session ? 'on' : 'off'}; Live is ${playing ? 'playing' : 'stopped'}.`,
      }
    },
  )

  liveTool(
    host,
    'ableton_set_tempo',
    {
      title: 'Set tempo',
      description:
        'Set the song tempo in beats per minute (Live accepts 20..999). Answers the tempo Live reports afterwards.',
      input: {
        bpm: z
          .number()
          .min(20)
          .max(999)
          .describe('Tempo in BPM, 20..999 (e.g. 90 hip-hop, 124 house, 174 drum & bass).'),
      },
      kind: 'idempotent',
    },
    async ({ bpm }, { live }) => {
      await live.song.tempo.set(bpm)
      const tempo = await live.song.tempo.get()
      return { text: `Tempo is now ${Math.round(tempo * 100) / 100} BPM.` }
    },
  )

  liveTool(
    host,
    'ableton_set_song_position',
    {
      title: 'Move the song position',
      description:
        'Move the playhead to a position in beats (quarter notes) from the start of the Arrangement, e.g. 64 for bar 17 in 4/4.',
      input: {
        beat: z.number().min(0).describe('Position in beats from the start, 0 or more (bar N in 4/4 is (N-1)*4).'),
      },
      kind: 'idempotent',
    },
    async ({ beat }, { live }) => {
      await live.song.currentSongTime.set(beat)
      return { text: `Song position is now beat ${await live.song.currentSongTime.get()}.` }
    },
  )
}
