import { LiveError, panToString } from '@live/protocol'
import { z } from 'zod'
import { trackOut } from '../core/schemas.js'
import { stripOf, toggleOf } from '../core/strip.js'
import { defineTool } from '../core/toolKit.js'
import { parseTrackRef, regularTrack, trackRef } from '../core/trackRef.js'
import { dbArg, dbOf, panArg, panFromArg, raw, volumeFromDb } from '../core/values.js'

const strip = { track: trackOut, name: z.string() }

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** `ableton_set_track_volume`: a fader in dB (or Live's raw value). */
export const setTrackVolume = defineTool({
  name: 'ableton_set_track_volume',
  description: "Set a track's volume: volume_db, or volume (raw 0..1).",
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({ track: trackRef, volume_db: dbArg.optional(), volume: z.number().min(0).max(1).optional() }),
  output: z.object({ ...strip, volume_db: z.number().nullable(), volume: z.number() }),
  async run({ track, volume_db, volume }, { live, changed }) {
    if ((volume_db === undefined) === (volume === undefined)) {
      throw new LiveError('INVALID_ARGUMENTS', 'give exactly one of volume_db (e.g. -6 or "-6dB") or volume (0..1)', {
        metaMessages: ['Example: { "track": 0, "volume_db": -6 }'],
      })
    }
    const target = volume ?? volumeFromDb(volume_db!, 'volume_db')
    const s = await stripOf(live, parseTrackRef(track))
    await s.volume.set(target)
    const now = await s.volume.get()
    changed({ tracks: s.track === undefined ? [] : [s.track] })
    const db = dbOf(now)
    return {
      text: `${capitalise(s.owner.label)} (${s.name}) volume is now ${db === null ? '-inf' : db.toFixed(1)} dB.`,
      data: { track: s.owner.ref, name: s.name, volume_db: db, volume: raw(now) },
    }
  },
})

/** `ableton_set_track_pan`: pan as Live shows it. */
export const setTrackPan = defineTool({
  name: 'ableton_set_track_pan',
  description: "Set a track's pan.",
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({ track: trackRef, pan: panArg }),
  output: z.object({ ...strip, pan: z.string(), pan_value: z.number() }),
  async run({ track, pan }, { live, changed }) {
    const value = panFromArg(pan, 'pan')
    const s = await stripOf(live, parseTrackRef(track))
    await s.panning.set(value)
    const now = await s.panning.get()
    changed({ tracks: s.track === undefined ? [] : [s.track] })
    const shown = panToString(Math.min(1, Math.max(-1, now)))
    return {
      text: `${capitalise(s.owner.label)} (${s.name}) pan is now ${shown}.`,
      data: { track: s.owner.ref, name: s.name, pan: shown, pan_value: raw(now) },
    }
  },
})

function toggleTool<const Name extends string, const Field extends 'muted' | 'soloed' | 'armed'>(
  name: Name,
  description: string,
  field: Field,
  property: 'mute' | 'solo' | 'arm',
) {
  return defineTool({
    name,
    description,
    toolset: 'core',
    kind: 'idempotent',
    input: z.strictObject({ track: trackRef, [field]: z.boolean().default(true) } as {
      track: typeof trackRef
      muted: z.ZodDefault<z.ZodBoolean>
    }),
    output: z.object({ ...strip, [property]: z.boolean() } as typeof strip & { mute: z.ZodBoolean }),
    async run(args, { live, changed }) {
      const on = (args as unknown as Record<string, boolean>)[field]!
      const owner = parseTrackRef(args.track)
      if (property === 'arm') regularTrack(args.track, 'arming')
      const s = await stripOf(live, owner)
      const handle = property === 'arm' ? live.track(s.track!).arm : toggleOf(s, property)
      if (property === 'arm' && !(await live.track(s.track!).canBeArmed.get())) {
        throw new LiveError('UNSUPPORTED', `track ${s.track} (${s.name}) cannot be armed: group tracks cannot record`, {
          metaMessages: ['Arm an audio or MIDI track instead.'],
        })
      }
      await handle.set(on)
      const now = await handle.get()
      changed({ tracks: s.track === undefined ? [] : [s.track] })
      return {
        text: `${capitalise(s.owner.label)} (${s.name}) ${property} is now ${now ? 'on' : 'off'}.`,
        data: { track: s.owner.ref, name: s.name, [property]: now } as { track: number; name: string; mute: boolean },
      }
    },
  })
}

/** `ableton_mute_track`. */
export const muteTrack = toggleTool('ableton_mute_track', 'Mute or unmute a track.', 'muted', 'mute')
/** `ableton_solo_track`. */
export const soloTrack = toggleTool('ableton_solo_track', 'Solo or unsolo a track.', 'soloed', 'solo')
/** `ableton_arm_track`. */
export const armTrack = toggleTool('ableton_arm_track', 'Arm or disarm a track for recording.', 'armed', 'arm')
