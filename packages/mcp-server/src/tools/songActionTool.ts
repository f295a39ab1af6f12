import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { defineTool } from '../core/toolKit.js'

// Each action is one call of Live's Song (through AbletonOSC's addresses); `jump_by` takes `beats`.
const ACTIONS = {
  undo: (live) => live.song.undo(),
  redo: (live) => live.song.redo(),
  continue: (live) => live.song.continuePlaying(),
  tap_tempo: (live) => live.song.tapTempo(),
  capture_midi: (live) => live.song.captureMidi(),
  capture_scene: (live) => live.song.captureAndInsertScene(),
  next_cue: (live) => live.song.jumpToNextCue(),
  prev_cue: (live) => live.song.jumpToPrevCue(),
  toggle_cue: (live) => live.song.setOrDeleteCue(),
  jump_by: (live, beats) => live.song.jumpBy(beats!),
  back_to_arranger: (live) => live.song.backToArranger.set(false),
  re_enable_automation: (live) => live.song.reEnableAutomation(),
} satisfies Record<string, (live: LiveClient, beats: number | undefined) => Promise<unknown>>

type Action = keyof typeof ACTIONS
const NAMES = Object.keys(ACTIONS) as [Action, ...Action[]]

/** `ableton_song_action`: undo, redo and the song's other one-shot commands. */
export const songAction = defineTool({
  name: 'ableton_song_action',
  description:
    'Undo, redo and other one-shot song commands: continue, tap tempo, capture MIDI or a scene, cues, jump by beats, back to arrangement, re-enable automation.',
  toolset: 'core',
  kind: 'write',
  input: z.strictObject({ action: z.enum(NAMES), beats: z.number().optional().describe('for jump_by') }),
  output: z.object({ action: z.string(), can_undo: z.boolean(), can_redo: z.boolean(), beats: z.number() }),
  async run({ action, beats }, { live, changed }) {
    if ((action === 'jump_by') !== (beats !== undefined)) {
      throw new LiveError(
        'INVALID_ARGUMENTS',
        action === 'jump_by' ? 'jump_by needs beats' : 'beats goes with jump_by only',
        {
          metaMessages: ['Example: { "action": "jump_by", "beats": 16 }'],
        },
      )
    }
    const before =
      action === 'undo' ? await live.song.canUndo.get() : action === 'redo' ? await live.song.canRedo.get() : true
    if (before) await ACTIONS[action](live, beats)
    if (action === 'undo' || action === 'redo' || action === 'capture_scene') changed({ structure: true })
    const [canUndo, canRedo, position] = await Promise.all([
      live.song.canUndo.get(),
      live.song.canRedo.get(),
      live.song.currentSongTime.get(),
    ])
    const text = before ? `Done: ${action.replaceAll('_', ' ')}.` : `Nothing to ${action}.`
    return { text, data: { action, can_undo: canUndo, can_redo: canRedo, beats: position } }
  },
})
