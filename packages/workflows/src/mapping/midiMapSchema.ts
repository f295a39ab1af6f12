import { z } from 'zod'
import { targetSchema } from './targetSchema.js'

const midi7 = z.number().int().min(0).max(127)
/** A MIDI channel as controller charts number them: 1 to 16. */
const channel = z.number().int().min(1).max(16)

/** How a control's values are read. */
export const CONTROL_MODES = [
  'absolute',
  'relative-twos-complement',
  'relative-sign-bit',
  'relative-bin-offset',
  'momentary',
  'toggle',
  'trigger',
] as const

/** One of {@link CONTROL_MODES}. */
export type ControlMode = (typeof CONTROL_MODES)[number]

/** The relative encoder forms (each tick is a signed step, not a position). */
export const RELATIVE_MODES = ['relative-twos-complement', 'relative-sign-bit', 'relative-bin-offset'] as const

/** The physical control: a CC, a note, the pitch bend or a program change, on a channel. */
export const controlSchema = z
  .object({
    /** A control change number, 0..127. */
    cc: midi7.optional(),
    /** A note number, 0..127 (pads and most buttons that send notes). */
    note: midi7.optional(),
    /** The channel's pitch bend (14-bit: faders of Mackie-style controllers). */
    pitchBend: z.literal(true).optional(),
    /** A program change: one program number (a button), or `any` (the number picks a scene, a track, a page). */
    program: z.union([midi7, z.literal('any')]).optional(),
    /** The MIDI channel, 1..16. @default the file's `channel`, else 1 */
    channel: channel.optional(),
    /** How values are read. @default `absolute` for CCs and pitch bend, `toggle` or `trigger` for notes (by target) */
    mode: z.enum(CONTROL_MODES).optional(),
  })
  .strict()
  .superRefine((control, ctx) => {
    const kinds = (['cc', 'note', 'pitchBend', 'program'] as const).filter((k) => control[k] !== undefined)
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: kinds.length > 1 ? [kinds[1]!] : [],
        message:
          kinds.length === 0
            ? 'expected one of cc, note, pitchBend or program'
            : `expected one of cc, note, pitchBend or program, not both ${kinds[0]} and ${kinds[1]}`,
      })
      return
    }
    const mode = control.mode
    if (mode === undefined) return
    const isRelative = (RELATIVE_MODES as readonly string[]).includes(mode)
    if (isRelative && control.cc === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: `expected a mode a ${kinds[0]} can have: ${mode} is for CCs (encoders) only`,
      })
    }
    if ((control.pitchBend !== undefined || control.program !== undefined) && mode !== 'absolute' && !isRelative) {
      if (control.pitchBend !== undefined)
        ctx.addIssue({ code: 'custom', path: ['mode'], message: 'expected absolute: pitch bend is a position' })
    }
  })

/** What a control line looks like in a file. */
export type Control = z.infer<typeof controlSchema>

const clipColours = z
  .object({
    /** Velocity (or CC value) for an empty slot. @default 0 */
    empty: midi7.optional(),
    /** A slot with a clip that is not playing. @default the `off` value, else 1 */
    stopped: midi7.optional(),
    /** A playing clip. @default the `on` value, else 127 */
    playing: midi7.optional(),
    /** A clip waiting for its launch. @default the playing value */
    triggered: midi7.optional(),
  })
  .strict()

/** What is sent back to a control when Live changes: `false` for none, or the values LEDs light with. */
export const feedbackSchema = z.union([
  z.boolean(),
  z
    .object({
      /** Velocity or CC value for on (LED lit). @default 127 */
      on: midi7.optional(),
      /** Velocity or CC value for off. @default 0 */
      off: midi7.optional(),
    })
    .extend(clipColours.shape)
    .strict(),
])

/** One line of a mapping file: a control, its target, and how one moves the other. */
export const mappingLineSchema = z
  .object({
    /** Words for the control in tables and errors: `Fader 1`. @default the control, e.g. `CC 7/1` */
    name: z.string().min(1).max(60).optional(),
    /** The physical control. */
    control: controlSchema,
    /** What it moves or fires in Live. */
    target: targetSchema,
    /** The target values the control's two ends reach, in the target's units (dB with `curve: db`). @default the target's whole range */
    range: z.tuple([z.number(), z.number()]).optional(),
    /** `linear`, or `db`: a volume fader even in decibels between the range ends (the bottom is silence). @default linear */
    curve: z.enum(['linear', 'db']).optional(),
    /** Turn the control's direction around. @default false */
    invert: z.boolean().optional(),
    /** Relative encoders: how far one tick moves the target, in its units. @default 1/127 of the range (1 BPM for tempo) */
    step: z.number().gt(0).optional(),
    /** Absolute controls: `pickup` waits until the control reaches Live's value; `jump` moves the value at once (motor faders). @default the file's `takeover` */
    takeover: z.enum(['pickup', 'jump']).optional(),
    /** Only on this page (0-based; see the file's `pages`). @default every page */
    page: z.number().int().min(0).max(15).optional(),
    /** Follow the bank (track and scene offsets). @default true */
    bank: z.boolean().optional(),
    /** What Live's changes send back to the control (LEDs, motor faders). @default true */
    feedback: feedbackSchema.optional(),
  })
  .strict()

/** One mapping line. */
export type MappingLine = z.infer<typeof mappingLineSchema>

/** The format's version this package writes and reads. */
export const MIDI_MAP_VERSION = 1

/** A mapping file: controls to Live, with banks and pages. */
export const midiMapSchema = z
  .object({
    /** Marks the file as a mapping. @default 'live-midi-map' */
    format: z.literal('live-midi-map').optional(),
    /** The format's version. @default 1 */
    version: z.literal(MIDI_MAP_VERSION).optional(),
    /** What the mapping is, for lists and tables. */
    name: z.string().min(1).max(120).optional(),
    /** The controller it is for. */
    controller: z.string().min(1).max(120).optional(),
    /** Where the control numbers come from (a manufacturer's chart), as text or a list. */
    source: z.union([z.string(), z.array(z.string())]).optional(),
    /** Remarks for people (assumptions, set-up steps). */
    notes: z.array(z.string()).optional(),
    /** The channel of every control that names none, 1..16. @default 1 */
    channel: channel.optional(),
    /** Soft takeover of absolute controls: `pickup` or `jump`. @default pickup */
    takeover: z.enum(['pickup', 'jump']).optional(),
    /** Bank sizes: a bank step moves track indices by `tracks` and scene indices by `scenes`. */
    banks: z
      .object({
        /** Tracks per bank. @default 8 */
        tracks: z.number().int().min(1).max(128).optional(),
        /** Scenes per bank. @default 8 */
        scenes: z.number().int().min(1).max(128).optional(),
      })
      .strict()
      .optional(),
    /** How many pages lines can be on (see `page`). @default 1 */
    pages: z.number().int().min(1).max(16).optional(),
    /** The lines. */
    mappings: z.array(mappingLineSchema).min(1).max(1024),
  })
  .strict()

/** A mapping file, parsed. */
export type MidiMap = z.infer<typeof midiMapSchema>

/** What a mapping file may contain before defaults. */
export type MidiMapInput = z.input<typeof midiMapSchema>
