import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { jsonAs } from '../core/jsonSchema.js'
import { notesArg } from '../core/notes.js'
import { LAUNCH_MODES, MONITORING } from '../core/readObjects.js'
import { index, trackOut } from '../core/schemas.js'
import { defineTool } from '../core/toolKit.js'
import { trackRef } from '../core/trackRef.js'
import { updateClip } from '../core/updateClip.js'
import { updateScene, updateTrack } from '../core/updateObjects.js'
import { updateSong } from '../core/updateSong.js'
import { positionArg } from '../core/values.js'

const color = z.union([z.string(), z.number().int().min(0)])

/** The arguments of `ableton_update`: what to change on the song, a track, a scene or a clip. */
export const updateInput = z.strictObject({
  track: trackRef.optional(),
  scene: index.optional(),
  name: z.string().min(1).optional(),
  color: color.optional(),
  tempo: z.number().min(20).max(999).nullable().optional(),
  signature: z.string().nullable().optional(),
  position: positionArg.optional(),
  loop: z.boolean().optional(),
  loop_start: positionArg.optional(),
  loop_length: z.number().positive().optional(),
  metronome: z.boolean().optional(),
  quantization: z.string().optional().describe('"1 bar", "1/16", "none"; a clip also "global"'),
  record_quantization: z.string().optional(),
  overdub: z.boolean().optional(),
  punch_in: z.boolean().optional(),
  punch_out: z.boolean().optional(),
  groove: z.number().min(0).optional(),
  sends: z.record(z.string(), z.number().min(0).max(1)).optional().describe('{"0": 0.5} sets send 0 (to return A)'),
  monitoring: z.enum(MONITORING).optional(),
  fold: z.boolean().optional(),
  input: z.string().optional().describe('routing type as Live names it'),
  output: z.string().optional(),
  start_marker: z.number().optional(),
  end_marker: z.number().optional(),
  launch_mode: z.enum(LAUNCH_MODES).optional(),
  muted: z.boolean().optional(),
  gain: z.number().min(0).max(1).optional(),
  pitch: z.number().int().min(-48).max(48).optional(),
  warp: z.boolean().optional(),
  notes: notesArg.optional().describe('added'),
  replace_notes: z.boolean().optional(),
  remove_notes: jsonAs(
    z.strictObject({
      pitch_from: index.max(127).optional(),
      pitch_to: index.max(127).optional(),
      from: z.number().optional(),
      to: z.number().optional(),
    }),
    { type: 'object', description: 'pitch_from, pitch_to, from, to (beats)' },
  ).optional(),
})

/** The arguments of `ableton_update`, parsed. */
export type UpdateArgs = z.output<typeof updateInput>

/** What `ableton_update` can address. */
export type UpdateTarget = 'song' | 'track' | 'scene' | 'clip'

// Which object each property belongs to (the argument names are the same wherever they apply).
const APPLIES: Readonly<Record<string, readonly UpdateTarget[]>> = {
  name: ['track', 'scene', 'clip'],
  color: ['track', 'scene', 'clip'],
  tempo: ['song', 'scene'],
  signature: ['song', 'scene'],
  loop: ['song', 'clip'],
  loop_start: ['song', 'clip'],
  loop_length: ['song', 'clip'],
  quantization: ['song', 'clip'],
  ...Object.fromEntries(
    ['position', 'metronome', 'record_quantization', 'overdub', 'punch_in', 'punch_out', 'groove'].map((k) => [
      k,
      ['song'],
    ]),
  ),
  ...Object.fromEntries(['sends', 'monitoring', 'fold', 'input', 'output'].map((k) => [k, ['track']])),
  ...Object.fromEntries(
    [
      'start_marker',
      'end_marker',
      'launch_mode',
      'muted',
      'gain',
      'pitch',
      'warp',
      'notes',
      'replace_notes',
      'remove_notes',
    ].map((k) => [k, ['clip']]),
  ),
}

const WORDS: Record<UpdateTarget, string> = {
  song: 'the song (no track or scene)',
  track: 'a track (track)',
  scene: 'a scene (scene)',
  clip: 'a clip (track and scene)',
}

function checkApplies(args: UpdateArgs, target: UpdateTarget): string[] {
  const given = Object.keys(args).filter(
    (k) => k !== 'track' && k !== 'scene' && args[k as keyof UpdateArgs] !== undefined,
  )
  if (given.length === 0) {
    throw new LiveError('INVALID_ARGUMENTS', `nothing to change on ${WORDS[target]}`, {
      metaMessages: [
        `Give at least one of: ${Object.keys(APPLIES)
          .filter((k) => APPLIES[k]!.includes(target))
          .join(', ')}.`,
      ],
    })
  }
  for (const key of given) {
    const applies = APPLIES[key]!
    if (!applies.includes(target)) {
      throw new LiveError('INVALID_ARGUMENTS', `${key} does not apply to ${WORDS[target]}`, {
        metaMessages: [`${key} applies to ${applies.map((t) => WORDS[t]).join(' or ')}.`],
      })
    }
  }
  return given
}

/** `ableton_update`: properties of the song, a track, a scene or a clip, and a clip's notes. */
export const update = defineTool({
  name: 'ableton_update',
  description:
    "Change the song, a track, a scene or a clip (and its notes); answers the values Live then holds. null turns a scene's own tempo or signature off.",
  toolset: 'core',
  kind: 'idempotent',
  input: updateInput,
  output: z.object({
    updated: z.string(),
    track: trackOut.optional(),
    scene: z.number().optional(),
    values: z.record(z.string(), z.unknown()),
  }),
  async run(args, { live, changed }) {
    const target: UpdateTarget =
      args.track === undefined
        ? args.scene === undefined
          ? 'song'
          : 'scene'
        : args.scene === undefined
          ? 'track'
          : 'clip'
    checkApplies(args, target)
    const values =
      target === 'song'
        ? await updateSong(live, args)
        : target === 'scene'
          ? await updateScene(live, args.scene!, args)
          : target === 'track'
            ? await updateTrack(live, args.track!, args)
            : await updateClip(live, args.track!, args.scene!, args)
    changed(target === 'song' || target === 'scene' ? {} : { structure: target === 'clip' })
    const where =
      target === 'song'
        ? 'the song'
        : target === 'clip'
          ? `clip ${args.track}/${args.scene}`
          : `${target} ${String(args.track ?? args.scene)}`
    return {
      text: `Updated ${where}: ${Object.entries(values)
        .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
        .join(', ')}.`,
      data: {
        updated: target,
        ...(args.track === undefined ? {} : { track: args.track }),
        ...(args.scene === undefined ? {} : { scene: args.scene }),
        values,
      },
    }
  },
})
