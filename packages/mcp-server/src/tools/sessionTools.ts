import { readSession } from '../core/readSession.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'

/** The overview of the set, and undo/redo. */
export function registerSessionTools(host: ToolHost): void {
  liveTool(
    host,
    'ableton_get_session',
    {
      title: 'Session overview',
      description:
        'Read the whole session: tempo, time signature, whether Live is playing or recording, every track (index from 0, name, MIDI or audio, volume in dB, pan, mute/solo/arm, which clip plays, clip names by scene, device names) and the scenes. Call this first, before acting on tracks, clips or scenes by index.',
      input: {},
      kind: 'read',
    },
    async (_, { live, signal }) => {
      const session = await readSession(live, signal)
      const playing = session.tracks.filter((t) => t.playingClip !== null)
      const summary = `${session.tracks.length} tracks, ${session.scenes.length} scenes, ${session.tempo} BPM ${session.signature}, ${
        session.isPlaying ? 'playing' : 'stopped'
      }${playing.length > 0 ? ` (clips playing on ${playing.map((t) => `${t.index} ${t.name}`).join(', ')})` : ''}.`
      return { text: summary, data: session }
    },
  )

  liveTool(
    host,
    'ableton_undo',
    {
      title: 'Undo',
      description: "Undo Live's last change (like Cmd/Ctrl+Z), whoever made it. Answers whether more can be undone.",
      input: {},
      kind: 'write',
    },
    async (_, { live, changed }) => {
      if (!(await live.song.canUndo.get())) return { text: 'Nothing to undo.' }
      await live.song.undo()
      changed({ structure: true })
      return { text: `Undone. ${(await live.song.canUndo.get()) ? 'More can be undone.' : 'Nothing more to undo.'}` }
    },
  )

  liveTool(
    host,
    'ableton_redo',
    {
      title: 'Redo',
      description: 'Redo the change Live last undid (like Cmd/Ctrl+Shift+Z).',
      input: {},
      kind: 'write',
    },
    async (_, { live, changed }) => {
      if (!(await live.song.canRedo.get())) return { text: 'Nothing to redo.' }
      await live.song.redo()
      changed({ structure: true })
      return { text: `Redone. ${(await live.song.canRedo.get()) ? 'More can be redone.' : 'Nothing more to redo.'}` }
    },
  )
}
