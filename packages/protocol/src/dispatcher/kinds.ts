import type { ValueKind } from './arg.js'
import { type PropSpec, props } from './property.js'

/** Read-only song properties in AbletonOSC's order (`!`: Live cannot observe it). */
export const SONG_R = props('can_redo:b! can_undo:b! is_playing:b song_length:f session_record_status:i')
/** Read-write song properties. */
export const SONG_RW = props(
  'arrangement_overdub:b back_to_arranger:b clip_trigger_quantization:i current_song_time:f groove_amount:f ' +
    'is_ableton_link_enabled:b loop:b loop_length:f loop_start:f metronome:b midi_recording_quantization:i ' +
    'nudge_down:b nudge_up:b punch_in:b punch_out:b record_mode:b root_note:i scale_name:s session_record:b ' +
    'signature_denominator:i signature_numerator:i tempo:f',
)
/** Read-only track properties. */
export const TRACK_R = props(
  'can_be_armed:b! fired_slot_index:i has_audio_input:b has_audio_output:b has_midi_input:b has_midi_output:b ' +
    'is_foldable:b! is_grouped:b! is_visible:b! output_meter_level:f output_meter_left:f output_meter_right:f ' +
    'playing_slot_index:i',
)
/** Read-write track properties. */
export const TRACK_RW = props(
  'arm:b color:i color_index:i current_monitoring_state:i fold_state:b! mute:b solo:b name:s',
)
/** Read-only clip properties. */
export const CLIP_R = props(
  'end_time:f file_path:s gain_display_string:s! has_groove:b! is_midi_clip:b! is_audio_clip:b! is_overdubbing:b ' +
    'is_playing:b! is_recording:b is_triggered:b! length:f! playing_position:f sample_length:i! start_time:f ' +
    'will_record_on_start:b!',
)
/** Read-write clip properties. */
export const CLIP_RW = props(
  'color:i color_index:i end_marker:f gain:f launch_mode:i launch_quantization:i legato:b loop_end:f loop_start:f ' +
    'looping:b muted:b name:s pitch_coarse:i pitch_fine:f position:f ram_mode:b start_marker:f velocity_amount:f ' +
    'warp_mode:i warping:b',
)
/** Read-only clip slot properties. */
export const CLIP_SLOT_R = props(
  'has_clip:b controls_other_clips:b is_group_slot:b! is_playing:b! is_triggered:b playing_status:i will_record_on_start:b!',
)
/** Read-write clip slot properties. */
export const CLIP_SLOT_RW = props('has_stop_button:b')
/** Read-only scene properties. */
export const SCENE_R = props('is_empty:b! is_triggered:b')
/** Read-write scene properties. */
export const SCENE_RW = props(
  'color:i color_index:i name:s tempo:f tempo_enabled:b time_signature_numerator:i time_signature_denominator:i ' +
    'time_signature_enabled:b',
)
/** Read-only device properties (AbletonOSC has no writable ones). */
export const DEVICE_R = props('class_name:s! name:s type:i!')

const EXTRA: Record<string, readonly PropSpec[]> = {
  track: props('volume:f panning:f num_devices:i is_part_of_selection:b'),
  device: props('can_have_chains:b can_have_drum_pads:b is_active:b'),
  parameter: props('value:f min:f max:f name:s is_quantized:b'),
}

const TABLE: Record<string, readonly PropSpec[]> = {
  song: [...SONG_R, ...SONG_RW],
  track: [...TRACK_R, ...TRACK_RW, ...(EXTRA.track ?? [])],
  clip: [...CLIP_R, ...CLIP_RW],
  clip_slot: [...CLIP_SLOT_R, ...CLIP_SLOT_RW],
  scene: [...SCENE_R, ...SCENE_RW],
  device: [...DEVICE_R, ...(EXTRA.device ?? [])],
  parameter: EXTRA.parameter ?? [],
}

/** How a property's value travels (int or float, since JS numbers do not say); 'a' when unknown. */
export function kindOf(object: string, prop: string): ValueKind {
  return TABLE[object]?.find((p) => p.name === prop)?.kind ?? 'a'
}
