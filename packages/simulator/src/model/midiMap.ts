import { LomError, type LomValue } from '@live/protocol'
import { DeviceParameter } from './deviceParameter.js'
import type { LomNode } from './lomNode.js'

/** The LOM-style call the protocol dispatcher makes for `/live/midimap/map_cc` (AbletonOSC's Live.MidiMap.map_midi_cc). */
export const MAP_MIDI_CC = 'map_midi_cc'

/** One CC mapped to a parameter, as Live's MIDI map keeps it. */
export interface MidiMapping {
  /** Zero-based MIDI channel, as AbletonOSC passes it. */
  readonly channel: number
  readonly cc: number
  /** The parameter's path now (the mapping follows the object, not the index). */
  readonly parameter: string
}

/** Live's MIDI map in the simulator: CCs mapped to parameters, and MIDI arriving "into Live". */
export interface SimulatedMidiMap {
  /** Maps (channel, cc) to a parameter, replacing what that pair had: AbletonOSC keeps one parameter per pair. */
  map(parameter: DeviceParameter, channel: number, cc: number): void
  /**
   * A MIDI message into Live: a CC mapped here moves its parameter in absolute mode, the 0..127 value scaled to
   * the parameter's min..max (quantised parameters rounded to a step). Returns whether anything was mapped to it.
   */
  receive(status: number, data1: number, data2: number): boolean
  /** The mappings now, for tests and tools. */
  mappings(): MidiMapping[]
}

/** Creates an empty MIDI map. */
export function createMidiMap(): SimulatedMidiMap {
  const table = new Map<string, { channel: number; cc: number; parameter: DeviceParameter }>()
  return {
    map(parameter, channel, cc) {
      table.set(`${channel}:${cc}`, { channel, cc, parameter })
    },
    receive(status, data1, data2) {
      if ((status & 0xf0) !== 0xb0) return false
      const entry = table.get(`${status & 0x0f}:${data1}`)
      if (entry === undefined || !entry.parameter.alive) return false
      const { min, max, is_quantized } = entry.parameter.data
      const value = Math.max(0, Math.min(127, data2))
      // Absolute mode spreads 0..127 over min..max; a quantised parameter (a switch, a mode list) moves by whole
      // steps. [guess] Live's exact rounding of the steps is not documented; the nearest step is taken.
      const scaled = min + ((max - min) * value) / 127
      entry.parameter.setProp('value', is_quantized ? Math.round(scaled) : scaled)
      return true
    },
    mappings: () =>
      [...table.values()]
        .filter((e) => e.parameter.alive)
        .map((e) => ({ channel: e.channel, cc: e.cc, parameter: e.parameter.path() })),
  }
}

/** `map_midi_cc(parameter, channel, cc)` as the dispatcher calls it on `live_set`. */
export function callMapMidiCc(
  midiMap: SimulatedMidiMap,
  args: readonly LomValue[],
  at: (ref: LomValue) => LomNode | null,
) {
  const [ref, channel, cc] = args
  const node = at(ref ?? null)
  if (!(node instanceof DeviceParameter)) throw new LomError('TypeError', 'map_midi_cc needs a DeviceParameter')
  midiMap.map(node, Number(channel), Number(cc))
  return null
}
