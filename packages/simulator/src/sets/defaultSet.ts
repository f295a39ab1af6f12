import type { LiveSetData, TrackData } from '../model/schema.js'
import { songSchema } from '../model/schema.js'
import { delay, reverb } from './devices.js'

const SCENES = 8

/** An empty track of the default set. */
export function emptyTrack(
  kind: TrackData['kind'],
  name: string,
  colorIndex: number,
  color: number,
  scenes = SCENES,
): TrackData {
  const midi = kind === 'midi'
  return {
    kind,
    name,
    color,
    color_index: colorIndex,
    mute: false,
    solo: false,
    arm: false,
    current_monitoring_state: 1,
    fold_state: false,
    group: null,
    volume: 0.85,
    panning: 0,
    sends: kind === 'master' ? [] : [0, 0],
    input_routing: midi
      ? { type: 'All Ins', channel: 'All Channels' }
      : kind === 'audio'
        ? { type: 'Ext. In', channel: '1' }
        : { type: 'No Input', channel: '' },
    output_routing: midi
      ? { type: 'No Output', channel: '' }
      : kind === 'master'
        ? { type: 'Ext. Out', channel: '1/2' }
        : { type: 'Master', channel: 'Track In' },
    devices: [],
    clip_slots:
      kind === 'midi' || kind === 'audio' || kind === 'group'
        ? Array.from({ length: scenes }, () => ({ clip: null, has_stop_button: true }))
        : [],
    arrangement_clips: [],
  }
}

/**
 * Live's blank default set (BEHAVIOUR §12): 1-MIDI, 2-MIDI, 3-Audio, 4-Audio, returns A-Reverb and
 * B-Delay, the master, 8 empty scenes, 120 BPM 4/4, stopped at 0, metronome off, 1-bar quantisation.
 *
 * @example
 * const live = createLiveSet({ set: defaultSet() })
 */
export function defaultSet(): LiveSetData {
  const returnA = emptyTrack('return', 'A-Reverb', 22, 0x10a4ee)
  returnA.devices = [reverb()]
  const returnB = emptyTrack('return', 'B-Delay', 26, 0xff39d4)
  returnB.devices = [delay()]
  return {
    format: 'live-simulator-set',
    version: 1,
    song: songSchema.parse({}),
    tracks: [
      emptyTrack('midi', '1-MIDI', 21, 0x19e9ff),
      emptyTrack('midi', '2-MIDI', 12, 0xe553a0),
      emptyTrack('audio', '3-Audio', 4, 0xbffb00),
      emptyTrack('audio', '4-Audio', 16, 0x99724b),
    ],
    return_tracks: [returnA, returnB],
    master_track: emptyTrack('master', 'Main', 55, 0x7b7b7b),
    scenes: Array.from({ length: SCENES }, () => ({
      name: '',
      color: 0x7b7b7b,
      color_index: 55,
      tempo: 120,
      tempo_enabled: false,
      time_signature_numerator: 4,
      time_signature_denominator: 4,
      time_signature_enabled: false,
    })),
    view: { selected_track: 0, selected_scene: 0 },
  }
}
