import { defaultSet, type LiveSetData, type NoteData, type ParameterData, type TrackData } from '@live/simulator'

/** The shape of {@link bigSet}: tracks, scenes, devices per track, parameters per device. */
export const BIG_SET = { tracks: 64, scenes: 16, devices: 4, parameters: 16 } as const

const note = (pitch: number, start: number): NoteData => ({
  pitch,
  start_time: start,
  duration: 0.5,
  velocity: 100,
  mute: false,
  probability: 1,
  velocity_deviation: 0,
  release_velocity: 64,
})

const parameter = (d: number, p: number): ParameterData => ({
  name: p === 0 ? 'Device On' : `Param ${d}.${p}`,
  value: p === 0 ? 1 : p / 16,
  min: 0,
  max: 1,
  default_value: 0,
  is_quantized: p === 0,
  value_items: p === 0 ? ['Off', 'On'] : [],
  unit: 'plain',
})

/**
 * A large set built in code: 64 tracks (MIDI and audio alternating), 16 scenes, 4 devices of 16
 * parameters per track, and a clip in every other slot (MIDI clips with 8 notes).
 *
 * @example
 * const sim = await createSimulator({ set: bigSet() })
 */
export function bigSet(): LiveSetData {
  const base = defaultSet()
  const template = base.tracks[0]!
  const tracks: TrackData[] = Array.from({ length: BIG_SET.tracks }, (_, t) => {
    const kind = t % 2 === 0 ? 'midi' : 'audio'
    const like = base.tracks.find((track) => track.kind === kind) ?? template
    return {
      ...structuredClone(like),
      name: `Track ${t + 1}`,
      color: 0x10_20_30 + t,
      devices: Array.from({ length: BIG_SET.devices }, (_, d) => ({
        name: `Device ${t}.${d}`,
        class_name: d === 0 && kind === 'midi' ? 'InstrumentVector' : 'AutoFilter',
        type: d === 0 && kind === 'midi' ? 1 : 2,
        parameters: Array.from({ length: BIG_SET.parameters }, (_, p) => parameter(d, p)),
      })),
      clip_slots: Array.from({ length: BIG_SET.scenes }, (_, s) => ({
        has_stop_button: true,
        clip:
          (s + t) % 2 === 0
            ? {
                kind,
                name: `Clip ${t}.${s}`,
                color: 0x40_50_60 + s,
                length: 4,
                looping: true,
                loop_end: 4,
                end_marker: 4,
                loop_start: 0,
                start_marker: 0,
                muted: false,
                launch_mode: 0,
                launch_quantization: 0,
                legato: false,
                velocity_amount: 0,
                signature_numerator: 4,
                signature_denominator: 4,
                notes: kind === 'midi' ? Array.from({ length: 8 }, (_, i) => note(48 + ((i * 5) % 24), i * 0.5)) : [],
                ...(kind === 'audio' ? { file_path: `/samples/loop${s}.wav`, gain: 0.4, warping: true } : {}),
              }
            : null,
      })),
    }
  })
  const scenes = Array.from({ length: BIG_SET.scenes }, (_, s) => ({
    ...structuredClone(base.scenes[0]!),
    name: `Scene ${s + 1}`,
  }))
  return { ...base, tracks, scenes }
}
