import type { CatalogueEntry, OscValue } from '@live/protocol'
import { AT } from './catalogueRig.js'

/** Clip properties only audio clips have (nil on a MIDI clip): read them on the audio clip. */
export const AUDIO_ONLY = new Set([
  'file_path',
  'gain',
  'gain_display_string',
  'pitch_coarse',
  'pitch_fine',
  'ram_mode',
  'sample_length',
  'warp_mode',
  'warping',
])

/** The property an address is about: its last path segment(s) after the verb (`clip/get/notes` → `notes`). */
export function propOf(entry: CatalogueEntry): string {
  const parts = entry.address.split('/')
  const verb = parts.findIndex((p) => p === 'get' || p === 'set' || p === 'start_listen' || p === 'stop_listen')
  return verb < 0 ? parts.at(-1)! : parts.slice(verb + 1).join('/')
}

/** Track properties that only apply to a group track (nil on others): read them on the group track. */
const GROUP_ONLY = new Set(['fold_state'])

/**
 * The index arguments of an entry that exist in the test set: track 0 (or the audio / group track where
 * the property needs one), the slot with a clip, device 0, parameter 1, scene 0, send 0, return 0.
 */
export function indexArgs(entry: CatalogueEntry): OscValue[] {
  const prop = propOf(entry)
  const audio = entry.object === 'clip' && AUDIO_ONLY.has(prop)
  const out: OscValue[] = []
  for (const param of entry.params) {
    if (param.optional === true || param.variadic === true) continue
    switch (param.name) {
      case 'track_id':
        out.push(
          audio ? AT.audioTrack : entry.object === 'track' && GROUP_ONLY.has(prop) ? AT.groupTrack : AT.midiTrack,
        )
        break
      case 'clip_id':
        out.push(audio ? AT.audioClip : AT.midiClip)
        break
      case 'device_id':
      case 'device_path':
      case 'chain_id':
      case 'scene_id':
      case 'send_id':
      case 'return_id':
        out.push(0)
        break
      case 'parameter_id':
        out.push(1)
        break
      default:
        return out
    }
  }
  return out
}

/** The full arguments of a `get` (index arguments, plus what a few bulk getters need). */
export function getArgs(entry: CatalogueEntry): OscValue[] {
  if (entry.address === '/live/song/get/track_data') {
    return [0, 2, 'track.name', 'clip.name', 'clip_slot.has_clip', 'device.name', 'track.num_devices']
  }
  return indexArgs(entry)
}
