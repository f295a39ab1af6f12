import type { MidiMapInput } from '../midiMapSchema.js'
import { apcMini } from './apcMini.js'
import { launchControlXl } from './launchControlXl.js'
import { nanoKontrol2 } from './nanoKontrol2.js'

/** A built-in mapping for a controller with a public MIDI chart. */
export interface MidiMapPreset {
  /** The name `live map NAME` takes. */
  readonly name: string
  /** The mapping, with its `source` and `notes`. */
  readonly map: MidiMapInput
}

/** The built-in presets, by name. */
export const MIDI_MAP_PRESETS: Readonly<Record<string, MidiMapPreset>> = {
  nanokontrol2: { name: 'nanokontrol2', map: nanoKontrol2 },
  'launch-control-xl': { name: 'launch-control-xl', map: launchControlXl },
  'apc-mini': { name: 'apc-mini', map: apcMini },
}
