import { z } from 'zod'

/** How a parameter's value is shown (`__str__`): picks Live's unit and number format. */
export const parameterUnitSchema = z.enum([
  'plain',
  'db',
  'volume',
  'send',
  'pan',
  'hz',
  'percent',
  'ms',
  'seconds',
  'semitones',
  'cents',
  'ratio',
  'degrees',
])

/** A DeviceParameter as saved: Live's own fields plus the display unit. */
export const parameterSchema = z.object({
  name: z.string(),
  value: z.number(),
  min: z.number(),
  max: z.number(),
  default_value: z.number().optional(),
  is_quantized: z.boolean().default(false),
  value_items: z.array(z.string()).default([]),
  unit: parameterUnitSchema.default('plain'),
  /** For continuous parameters shown in another range: display = display_min + value·(display_max−display_min) (log when `log`). */
  display_min: z.number().optional(),
  display_max: z.number().optional(),
  log: z.boolean().optional(),
})

/** A device as saved; racks carry chains of devices. */
export interface DeviceData {
  name: string
  class_name: string
  type: 0 | 1 | 2 | 4
  parameters: z.infer<typeof parameterSchema>[]
  chains?: ChainData[] | undefined
  can_have_drum_pads?: boolean | undefined
}
/** A rack chain as saved. */
export interface ChainData {
  name: string
  color: number
  mute: boolean
  solo: boolean
  devices: DeviceData[]
}

/** A device (instrument, effect, or rack with chains). */
export const deviceSchema: z.ZodType<DeviceData> = z.lazy(() =>
  z.object({
    name: z.string(),
    class_name: z.string(),
    type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(4)]),
    parameters: z.array(parameterSchema),
    chains: z.array(chainSchema).optional(),
    can_have_drum_pads: z.boolean().optional(),
  }),
)

/** A chain inside a rack. */
export const chainSchema: z.ZodType<ChainData> = z.lazy(() =>
  z.object({
    name: z.string(),
    color: z.number().int(),
    mute: z.boolean(),
    solo: z.boolean(),
    devices: z.array(deviceSchema),
  }),
)

/** A MIDI note as Live's `get_notes_extended` describes it. */
export const noteSchema = z.object({
  pitch: z.number().int().min(0).max(127),
  start_time: z.number(),
  duration: z.number().positive(),
  velocity: z.number().min(0).max(127).default(100),
  mute: z.boolean().default(false),
  probability: z.number().min(0).max(1).default(1),
  velocity_deviation: z.number().min(-127).max(127).default(0),
  release_velocity: z.number().min(0).max(127).default(64),
})

/** A clip (session or arrangement). */
export const clipSchema = z.object({
  name: z.string().default(''),
  color: z.number().int().optional(),
  color_index: z.number().int().min(0).max(69).optional(),
  kind: z.enum(['midi', 'audio']),
  length: z.number().positive(),
  looping: z.boolean().default(true),
  loop_start: z.number().default(0),
  loop_end: z.number().optional(),
  start_marker: z.number().default(0),
  end_marker: z.number().optional(),
  muted: z.boolean().default(false),
  launch_mode: z.number().int().min(0).max(3).default(0),
  launch_quantization: z.number().int().min(0).max(14).default(0),
  legato: z.boolean().default(false),
  velocity_amount: z.number().min(0).max(1).default(0),
  signature_numerator: z.number().int().min(1).max(99).default(4),
  signature_denominator: z.number().int().default(4),
  notes: z.array(noteSchema).default([]),
  /** Arrangement clips only: where the clip starts on the timeline, in beats. */
  start_time: z.number().optional(),
  // audio only
  file_path: z.string().optional(),
  gain: z.number().min(0).max(1).optional(),
  pitch_coarse: z.number().int().min(-48).max(48).optional(),
  pitch_fine: z.number().min(-50).max(49).optional(),
  warping: z.boolean().optional(),
  warp_mode: z.number().int().optional(),
  ram_mode: z.boolean().optional(),
  sample_length: z.number().int().optional(),
  sample_rate: z.number().optional(),
})

/** A clip slot: its clip (or none) and its stop button. */
export const clipSlotSchema = z.object({
  clip: clipSchema.nullable().default(null),
  has_stop_button: z.boolean().default(true),
})

/** A routing choice, by display name. */
export const routingSchema = z.object({ type: z.string(), channel: z.string() })

/** A track: MIDI, audio, group, return or master. */
export const trackSchema = z.object({
  kind: z.enum(['midi', 'audio', 'group', 'return', 'master']),
  name: z.string(),
  color: z.number().int(),
  color_index: z.number().int().min(0).max(69).optional(),
  mute: z.boolean().default(false),
  solo: z.boolean().default(false),
  arm: z.boolean().default(false),
  current_monitoring_state: z.number().int().min(0).max(2).default(1),
  fold_state: z.boolean().default(false),
  /** Index (in `tracks`) of the group track holding this track, or null. */
  group: z.number().int().nullable().default(null),
  volume: z.number().min(0).max(1).default(0.85),
  panning: z.number().min(-1).max(1).default(0),
  sends: z.array(z.number().min(0).max(1)).default([]),
  input_routing: routingSchema.optional(),
  output_routing: routingSchema.optional(),
  devices: z.array(deviceSchema).default([]),
  clip_slots: z.array(clipSlotSchema).default([]),
  arrangement_clips: z.array(clipSchema).default([]),
})

/** A scene row. */
export const sceneSchema = z.object({
  name: z.string().default(''),
  color: z.number().int().default(0),
  color_index: z.number().int().min(0).max(69).optional(),
  tempo: z.number().default(120),
  tempo_enabled: z.boolean().default(false),
  time_signature_numerator: z.number().int().default(4),
  time_signature_denominator: z.number().int().default(4),
  time_signature_enabled: z.boolean().default(false),
})

/** Song-level state that is saved with a set. */
export const songSchema = z.object({
  tempo: z.number().min(20).max(999).default(120),
  signature_numerator: z.number().int().min(1).max(99).default(4),
  signature_denominator: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16)]).default(4),
  current_song_time: z.number().min(0).default(0),
  clip_trigger_quantization: z.number().int().min(0).max(13).default(4),
  midi_recording_quantization: z.number().int().min(0).max(8).default(0),
  metronome: z.boolean().default(false),
  loop: z.boolean().default(false),
  loop_start: z.number().min(0).default(0),
  loop_length: z.number().positive().default(16),
  groove_amount: z.number().min(0).max(1.3125).default(1),
  swing_amount: z.number().min(0).max(1).default(0),
  root_note: z.number().int().min(0).max(11).default(0),
  scale_name: z.string().default('Major'),
  scale_mode: z.boolean().default(false),
  record_mode: z.boolean().default(false),
  session_record: z.boolean().default(false),
  arrangement_overdub: z.boolean().default(false),
  session_automation_record: z.boolean().default(false),
  punch_in: z.boolean().default(false),
  punch_out: z.boolean().default(false),
  count_in_duration: z.number().int().min(0).max(3).default(0),
  is_ableton_link_enabled: z.boolean().default(false),
  exclusive_arm: z.boolean().default(true),
  exclusive_solo: z.boolean().default(false),
  select_on_launch: z.boolean().default(true),
  cue_points: z.array(z.object({ name: z.string(), time: z.number() })).default([]),
})

/** What the view has selected, by index. */
export const viewSchema = z.object({
  selected_track: z.number().int().min(0).default(0),
  selected_scene: z.number().int().min(0).default(0),
})

/** A whole Live set as saved to JSON: the simulator's file format. */
export const liveSetSchema = z.object({
  format: z.literal('live-simulator-set').default('live-simulator-set'),
  version: z.literal(1).default(1),
  song: songSchema.default(songSchema.parse({})),
  tracks: z.array(trackSchema),
  return_tracks: z.array(trackSchema).default([]),
  master_track: trackSchema,
  scenes: z.array(sceneSchema),
  view: viewSchema.default({ selected_track: 0, selected_scene: 0 }),
})

/** A whole Live set as plain data (see {@link liveSetSchema}). */
export type LiveSetData = z.infer<typeof liveSetSchema>
/** A track as plain data. */
export type TrackData = z.infer<typeof trackSchema>
/** A clip as plain data. */
export type ClipData = z.infer<typeof clipSchema>
/** A note as plain data. */
export type NoteData = z.infer<typeof noteSchema>
/** A scene as plain data. */
export type SceneData = z.infer<typeof sceneSchema>
/** A device parameter as plain data. */
export type ParameterData = z.infer<typeof parameterSchema>
/** A parameter's display unit. */
export type ParameterUnit = z.infer<typeof parameterUnitSchema>
