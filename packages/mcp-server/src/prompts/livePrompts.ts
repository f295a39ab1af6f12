import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'

const user = (text: string) => ({ messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] })

/** Prompts for common jobs: a beat, stem export, a mix snapshot, a tour of the set. */
export function registerLivePrompts(server: McpServer): void {
  server.registerPrompt(
    'build_beat',
    {
      title: 'Build a beat',
      description: 'Make a drum beat on a new MIDI track: create the track, write a clip with notes, launch it.',
      argsSchema: {
        style: z
          .string()
          .optional()
          .describe('Style, e.g. "house", "hip-hop", "breakbeat". Default: four-on-the-floor house.'),
        bpm: z.string().optional().describe('Tempo in BPM, e.g. "124".'),
        bars: z.string().optional().describe('Length in bars (4/4), e.g. "2". Default 1.'),
      },
    },
    ({ style, bpm, bars }) =>
      user(
        [
          `Build a ${style ?? 'house'} drum beat in Ableton Live${bpm ? ` at ${bpm} BPM` : ''}, ${bars ?? '1'} bar(s) long.`,
          'Steps:',
          '1. Call ableton_read (no arguments) to see the tracks (indices count from 0), the scenes and the tempo.',
          bpm
            ? `2. Call ableton_set_tempo with bpm ${bpm}.`
            : '2. Keep the current tempo unless it does not suit the style.',
          '3. Call ableton_create_track with type \'midi\' and a name like "Beat"; note the index it answers.',
          '4. Call ableton_create_clip on that track in scene 0 with length = 4 × bars (beats) and the notes: General MIDI drum pitches (Drum Rack): kick C1 (36), snare/clap D1 (38) or D#1 (39), closed hat F#1 (42), open hat A#1 (46). Times are in beats (0.25 = a 16th).',
          '5. Call ableton_fire_clip on that slot, then ableton_transport_play if Live is stopped.',
          '6. Tell the person the new track has no instrument yet: they drag a Drum Rack (or a kit) onto it in Live. Offer to adjust the pattern: ableton_read with the track and scene shows the notes, ableton_update with notes / remove_notes / replace_notes changes them.',
        ].join('\n'),
      ),
  )

  server.registerPrompt(
    'stem_export',
    {
      title: 'Set up stem export',
      description:
        'Prepare stems: what can be automated (soloing, recording into audio tracks), and the manual export steps that remain.',
      argsSchema: { tracks: z.string().optional().describe('Which tracks, e.g. "0,1,3" or "all". Default all.') },
    },
    ({ tracks }) =>
      user(
        [
          `Help me export stems of ${tracks ? `tracks ${tracks}` : 'every track'} from my Live set.`,
          '1. Call ableton_read to list the tracks (indices from 0).',
          '2. Call ableton_export_audio with dry_run true: it says what can be done on this server and exactly what cannot (Live has no API to render or write audio files; only the @live Max for Live bridge can record to WAV).',
          "3. If recording inside Live is the way: ableton_create_track type audio per stem, ableton_update with input set to the source track's routing, ableton_arm_track, ableton_transport_record, play, then ableton_transport_record with enabled false.",
          '4. Finish with the manual steps: File > Export Audio/Video in Live, or right-click a recorded clip > Export. Say clearly which steps the person must do by hand.',
        ].join('\n'),
      ),
  )

  server.registerPrompt(
    'mix_snapshot',
    {
      title: 'Make a mix snapshot',
      description:
        'Save the current mix as a snapshot, try changes, compare with the snapshot, and restore it if wanted.',
      argsSchema: { name: z.string().optional().describe('Snapshot name, e.g. "before-mix". Default "mix".') },
    },
    ({ name }) =>
      user(
        [
          `Save my current mix as snapshot "${name ?? 'mix'}" with ableton_snapshot (action save), then help me try mix changes.`,
          'After changes, call ableton_snapshot with action diff to show what changed in words (volumes in dB, pans, mutes, devices).',
          'Before calling ableton_restore_snapshot (destructive: it overwrites the current state), show its dry run and ask me to confirm.',
        ].join('\n'),
      ),
  )

  server.registerPrompt(
    'explore_set',
    {
      title: 'Explore the set',
      description: 'Describe the open Live set: tracks, clips, devices, tempo and what is playing.',
    },
    () =>
      user(
        'Call ableton_read and describe my Live set: tempo and time signature, each track (index from 0, name, MIDI or audio, volume, devices), which slots hold clips, the scenes, and what is playing (ableton_read with a track gives its clip names). Then suggest three things we could do next.',
      ),
  )
}
