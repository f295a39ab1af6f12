import { z } from 'zod'

const index = z.number().int().min(0)

/** One device parameter, with its range. */
export const parameterSchema = z.object({
  /** Index on the device (0 is usually "Device On"). */
  index,
  name: z.string(),
  value: z.number(),
  min: z.number(),
  max: z.number(),
  isQuantized: z.boolean(),
})

/** One top-level device of a track. */
export const deviceSchema = z.object({
  index,
  name: z.string(),
  className: z.string(),
  /** Live's DeviceType: 1 instrument, 2 audio effect, 4 MIDI effect, 0 undefined. */
  type: z.number().int(),
  parameters: z.array(parameterSchema),
})

/** One MIDI note, in beats from the clip's start. */
export const noteSchema = z.object({
  pitch: z.number().int().min(0).max(127),
  start: z.number(),
  duration: z.number(),
  velocity: z.number(),
  mute: z.boolean(),
})

/** One session clip (notes only for MIDI clips). */
export const clipSchema = z.object({
  name: z.string(),
  length: z.number(),
  color: z.number().int().nullable(),
  isMidi: z.boolean(),
  looping: z.boolean().nullable(),
  notes: z.array(noteSchema),
})

/** One clip slot of a track (its index is the scene's). */
export const clipSlotSchema = z.object({ index, hasClip: z.boolean(), clip: clipSchema.nullable() })

/** One track of `song.tracks`, with its mixer, sends, devices and clip slots. */
export const trackSchema = z.object({
  index,
  name: z.string(),
  color: z.number().int().nullable(),
  mute: z.boolean().nullable(),
  solo: z.boolean().nullable(),
  /** Null where the track cannot be armed (group tracks). */
  arm: z.boolean().nullable(),
  volume: z.number(),
  panning: z.number(),
  /** Send levels, one per return track. */
  sends: z.array(z.number()),
  devices: z.array(deviceSchema),
  clipSlots: z.array(clipSlotSchema),
})

/** One scene. */
export const sceneSchema = z.object({
  index,
  name: z.string(),
  color: z.number().int().nullable(),
  tempo: z.number().nullable(),
  tempoEnabled: z.boolean().nullable(),
})

/** The song's own properties. */
export const songSchema = z.object({
  tempo: z.number(),
  isPlaying: z.boolean(),
  currentSongTime: z.number(),
  signatureNumerator: z.number().int(),
  signatureDenominator: z.number().int(),
  metronome: z.boolean(),
  loop: z.boolean(),
  loopStart: z.number(),
  loopLength: z.number(),
  clipTriggerQuantization: z.number().int(),
  recordMode: z.boolean(),
  sessionRecord: z.boolean(),
  grooveAmount: z.number(),
  rootNote: z.number().int(),
  scaleName: z.string(),
  songLength: z.number(),
  cuePoints: z.array(z.object({ name: z.string(), time: z.number() })),
})

/** The selection in the session view (null where nothing is selected or AbletonOSC cannot tell). */
export const viewSchema = z.object({
  selectedTrack: z.number().int().nullable(),
  selectedScene: z.number().int().nullable(),
  selectedClip: z.tuple([z.number().int(), z.number().int()]).nullable(),
  selectedDevice: z.tuple([z.number().int(), z.number().int()]).nullable(),
})

/** The whole set as `live.sync()` returns it: plain JSON. */
export const liveSetSchema = z.object({
  song: songSchema,
  tracks: z.array(trackSchema),
  scenes: z.array(sceneSchema),
  view: viewSchema,
})

/** The whole set, as `live.sync()` returns it. */
export type LiveSet = z.infer<typeof liveSetSchema>
/** One track of a {@link LiveSet}. */
export type LiveSetTrack = z.infer<typeof trackSchema>
/** One device of a {@link LiveSet}. */
export type LiveSetDevice = z.infer<typeof deviceSchema>
/** One clip of a {@link LiveSet}. */
export type LiveSetClip = z.infer<typeof clipSchema>
