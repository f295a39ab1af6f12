import { dbToVolume, LiveError, panToString } from '@live/protocol'
import { z } from 'zod'
import { dbText } from '../core/readSession.js'
import { trackIndex, volumeDb } from '../core/schemas.js'
import { requireTrack } from '../core/setFacts.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'

/** Volume, pan, mute, solo and arm of a track. */
export function registerMixerTools(host: ToolHost): void {
  liveTool(
    host,
    'ableton_set_track_volume',
    {
      title: 'Set track volume',
      description:
        "Set a track's fader. Give volume_db (-70..6, 0 dB is unity) — the usual way — or volume (Live's raw fader value 0..1, where 0.85 is 0 dB); not both. Answers the level Live reports, in dB.",
      input: {
        track: trackIndex,
        volume_db: volumeDb.optional(),
        volume: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe("Live's raw fader value 0..1 (0.85 is 0 dB, 1 is +6 dB). Prefer volume_db."),
      },
      kind: 'idempotent',
    },
    async ({ track, volume_db, volume }, { live, changed }) => {
      if ((volume_db === undefined) === (volume === undefined)) {
        throw new LiveError('INVALID_ARGUMENTS', 'give exactly one of volume_db (-70..6 dB) or volume (0..1)', {
          metaMessages: ['Example: { "track": 0, "volume_db": -6 }'],
        })
      }
      const names = await requireTrack(live, track)
      await live.track(track).volume.set(volume ?? dbToVolume(volume_db!))
      const now = await live.track(track).volume.get()
      changed({ tracks: [track] })
      return { text: `Track ${track} (${names[track]}) volume is now ${dbText(now)}.`, data: { volume: now } }
    },
  )

  liveTool(
    host,
    'ableton_set_track_pan',
    {
      title: 'Set track pan',
      description:
        "Set a track's pan: -1 is hard left (Live shows 50L), 0 centre (C), 1 hard right (50R); 0.5 is 25R. Answers Live's own pan text.",
      input: {
        track: trackIndex,
        pan: z.number().min(-1).max(1).describe('Pan -1..1: -1 hard left, 0 centre, 1 hard right.'),
      },
      kind: 'idempotent',
    },
    async ({ track, pan }, { live, changed }) => {
      const names = await requireTrack(live, track)
      await live.track(track).panning.set(pan)
      const now = await live.track(track).panning.get()
      changed({ tracks: [track] })
      return { text: `Track ${track} (${names[track]}) pan is now ${panToString(now)}.` }
    },
  )

  const toggle = (
    name: string,
    title: string,
    description: string,
    field: 'muted' | 'soloed' | 'armed',
    property: 'mute' | 'solo' | 'arm',
  ) =>
    liveTool(
      host,
      name,
      {
        title,
        description,
        input: {
          track: trackIndex,
          [field]: z
            .boolean()
            .default(true)
            .describe(`True to turn ${property} on, false to turn it off. Default true.`),
        } as { track: typeof trackIndex; muted: z.ZodDefault<z.ZodBoolean> },
        kind: 'idempotent',
      },
      async (args, { live, changed }) => {
        const { track } = args
        const on = (args as unknown as Record<string, boolean>)[field]!
        const names = await requireTrack(live, track)
        const handle = live.track(track)[property]
        if (property === 'arm' && !(await live.track(track).canBeArmed.get())) {
          throw new LiveError(
            'UNSUPPORTED',
            `track ${track} (${names[track]}) cannot be armed (group or return tracks cannot record)`,
            {
              metaMessages: ['Arm an audio or MIDI track instead; ableton_create_audio_track makes one.'],
            },
          )
        }
        await handle.set(on)
        const now = await handle.get()
        changed({ tracks: [track] })
        return { text: `Track ${track} (${names[track]}) ${property} is now ${now ? 'on' : 'off'}.` }
      },
    )

  toggle(
    'ableton_mute_track',
    'Mute or unmute a track',
    'Mute (muted: true) or unmute (muted: false) a track. Muted tracks keep playing silently.',
    'muted',
    'mute',
  )
  toggle(
    'ableton_solo_track',
    'Solo or unsolo a track',
    'Solo (soloed: true) or unsolo (soloed: false) a track. Several tracks can be soloed at once; solo only affects what you hear.',
    'soloed',
    'solo',
  )
  toggle(
    'ableton_arm_track',
    'Arm a track for recording',
    'Arm (armed: true) or disarm (armed: false) a track for recording. Armed tracks record when recording starts (ableton_transport_record / ableton_start_recording).',
    'armed',
    'arm',
  )
}
