/** An inclusive range of valid numbers for one argument. */
export interface ValueRange {
  /** The smallest valid value. */
  readonly min: number
  /** The largest valid value. */
  readonly max: number
}

const unit: ValueRange = { min: 0, max: 1 }
const midi: ValueRange = { min: 0, max: 127 }
const colour: ValueRange = { min: 0, max: 0xffffff }
const colourIndex: ValueRange = { min: 0, max: 69 }

/**
 * Known value ranges of request arguments, by address then parameter name (the JSON catalogue has
 * none; these come from its notes and Live's object model). `argsSchema` and `validateArgs` apply
 * them. Add a range only when a value outside it is certainly refused or meaningless in Live.
 */
export const ranges: Readonly<Record<string, Readonly<Record<string, ValueRange>>>> = {
  '/live/song/set/tempo': { tempo: { min: 20, max: 999 } },
  '/live/bridge/export/start': { bars: { min: 0, max: 9999 } },
  '/live/song/set/root_note': { root_note: { min: 0, max: 11 } },
  '/live/song/set/clip_trigger_quantization': { clip_trigger_quantization: { min: 0, max: 13 } },
  '/live/song/set/midi_recording_quantization': { midi_recording_quantization: { min: 0, max: 8 } },
  '/live/track/set/volume': { volume: unit },
  '/live/track/set/panning': { panning: { min: -1, max: 1 } },
  '/live/track/set/send': { value: unit },
  '/live/track/set/color': { color: colour },
  '/live/track/set/color_index': { color_index: colourIndex },
  '/live/track/set/current_monitoring_state': { current_monitoring_state: { min: 0, max: 2 } },
  '/live/clip/set/color': { color: colour },
  '/live/clip/set/color_index': { color_index: colourIndex },
  '/live/clip/set/launch_mode': { launch_mode: { min: 0, max: 3 } },
  '/live/clip/set/launch_quantization': { launch_quantization: { min: 0, max: 14 } },
  '/live/clip/set/pitch_coarse': { pitch_coarse: { min: -48, max: 48 } },
  '/live/clip/set/velocity_amount': { velocity_amount: unit },
  '/live/clip/add/notes': { pitch: midi, velocity: midi },
  '/live/scene/set/color': { color: colour },
  '/live/return/set/crossfade_assign': { crossfade_assign: { min: 0, max: 2 } },
  '/live/midimap/map_cc': { channel: { min: 0, max: 15 }, cc: midi },
}

/**
 * The known range of one argument, if any.
 *
 * @example
 * rangeOf('/live/track/set/volume', 'volume') // { min: 0, max: 1 }
 */
export function rangeOf(address: string, paramName: string): ValueRange | undefined {
  const byParam = Object.hasOwn(ranges, address) ? ranges[address] : undefined
  return byParam !== undefined && Object.hasOwn(byParam, paramName) ? byParam[paramName] : undefined
}
