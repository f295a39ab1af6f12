import type { CatalogueEntry, OscValue } from '@live/protocol'
import { PALETTE } from '../src/model/palette.js'
import { indexArgs, propOf } from './catalogueArgs.js'

/** The getter that reads back what a set address writes. */
export function getterOf(entry: CatalogueEntry): string {
  if (entry.address === '/live/song/cue_point/set/name') return '/live/song/get/cue_points'
  return entry.address.replace('/set/', '/get/')
}

/** The arguments of the getter that reads back a set (the index arguments, without the value). */
export function getterArgs(entry: CatalogueEntry): OscValue[] {
  if (entry.address.startsWith('/live/view/') || entry.address === '/live/song/cue_point/set/name') return []
  if (entry.address === '/live/device/set/parameters/value') return [0, 1]
  return indexArgs(entry)
}

/** Valid values, different from the test set's, for every numeric (and a few string) settable property, by address. */
const VALUES: Record<string, readonly OscValue[]> = {
  '/live/api/set/log_level': ['debug'],
  '/live/song/set/clip_trigger_quantization': [7],
  '/live/song/set/current_song_time': [8],
  '/live/song/set/groove_amount': [0.5],
  '/live/song/set/loop_length': [8],
  '/live/song/set/loop_start': [4],
  '/live/song/set/midi_recording_quantization': [3],
  '/live/song/set/root_note': [5],
  '/live/song/set/scale_name': ['Dorian'],
  '/live/song/set/signature_denominator': [8],
  '/live/song/set/signature_numerator': [3],
  '/live/song/set/tempo': [133.5],
  '/live/song/cue_point/set/name': [0, 'Start'],
  '/live/clip/set/color': [PALETTE[3]!],
  '/live/clip/set/color_index': [12],
  '/live/clip/set/end_marker': [12],
  '/live/clip/set/gain': [0.5],
  '/live/clip/set/launch_mode': [2],
  '/live/clip/set/launch_quantization': [5],
  '/live/clip/set/loop_end': [12],
  '/live/clip/set/loop_start': [2],
  '/live/clip/set/pitch_coarse': [3],
  '/live/clip/set/pitch_fine': [12.5],
  '/live/clip/set/position': [4],
  '/live/clip/set/start_marker': [1],
  '/live/clip/set/velocity_amount': [0.25],
  '/live/clip/set/warp_mode': [4],
  '/live/track/set/color': [PALETTE[7]!],
  '/live/track/set/color_index': [12],
  '/live/track/set/current_monitoring_state': [0],
  '/live/track/set/volume': [0.5],
  '/live/track/set/panning': [-0.5],
  '/live/track/set/send': [0.25],
  '/live/track/set/output_routing_type': ['A-Reverb'],
  '/live/track/set/output_routing_channel': ['Track In'],
  '/live/track/set/input_routing_type': ['Computer Keyboard'],
  '/live/track/set/input_routing_channel': ['Ch. 2'],
  '/live/device/set/parameter/value': [0.5],
  '/live/view/set/selected_scene': [2],
  '/live/view/set/selected_track': [1],
  '/live/view/set/selected_clip': [3, 4],
  '/live/view/set/selected_device': [0, 1],
  '/live/scene/set/color': [PALETTE[9]!],
  '/live/scene/set/color_index': [12],
  '/live/scene/set/tempo': [99.5],
  '/live/scene/set/time_signature_numerator': [7],
  '/live/scene/set/time_signature_denominator': [8],
  '/live/return/set/color': [PALETTE[11]!],
  '/live/return/set/color_index': [12],
  '/live/return/set/volume': [0.5],
  '/live/return/set/panning': [0.25],
  '/live/return/set/send': [0.3],
  '/live/return/set/crossfade_assign': [2],
  '/live/master/set/color': [PALETTE[13]!],
  '/live/master/set/color_index': [12],
  '/live/master/set/volume': [0.6],
  '/live/master/set/panning': [-0.25],
  '/live/master/set/cue_volume': [0.4],
  '/live/master/set/crossfader': [0.3],
}

/** The value arguments of a set: from the table, `!current` for booleans, a new name for names. */
export function setValue(entry: CatalogueEntry, current: OscValue | undefined): readonly OscValue[] {
  const listed = VALUES[entry.address]
  if (listed !== undefined) return listed
  const value = entry.params.at(-1)!
  if (value.type === 'bool') return [current !== true]
  if (value.type === 'string' && propOf(entry) === 'name') return [`Renamed ${entry.object}`]
  throw new Error(`no test value for ${entry.address}`)
}

/** Second values where the first one minus one would be invalid. */
const OTHER: Record<string, OscValue> = {
  '/live/song/set/signature_denominator': 2,
  '/live/scene/set/time_signature_denominator': 2,
  '/live/track/set/current_monitoring_state': 2,
}

/** A value set the other way (for listener tests that change a property twice). */
export function otherValue(entry: CatalogueEntry, first: readonly OscValue[]): readonly OscValue[] {
  const other = OTHER[entry.address]
  return first.map((v, i) => {
    if (i < first.length - 1) return v
    if (other !== undefined) return other
    if (typeof v === 'boolean') return !v
    if (typeof v === 'string') return `${v} again`
    if (entry.address.endsWith('/color')) return PALETTE[20]!
    return typeof v === 'number' && Number.isInteger(v) ? v - 1 : (v as number) / 2
  })
}
