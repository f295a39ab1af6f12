import { type ClientAddress, decodePacket, isBundle, type OscMessage } from '@live/protocol'
import type { LiveSet } from '../model/createLiveSet.js'

/** The address of the simulator's virtual MIDI input, outside AbletonOSC's `/live/...` space. */
export const SIMULATOR_MIDI_ADDRESS = '/simulator/midi'

// The address padded to a 4-byte boundary, as it starts every datagram that carries it.
const PREFIX = new TextEncoder().encode(`${SIMULATOR_MIDI_ADDRESS}\0`)

/** What {@link createSimulatorMidi} needs. */
export interface SimulatorMidiOptions {
  /** The set being served now (it changes on reset). */
  readonly model: () => LiveSet
  /** Sends a reply (an error) to the sender. */
  readonly send: (message: OscMessage, to: ClientAddress) => void
}

/**
 * The simulator's virtual MIDI input: `/simulator/midi <status> <data1> <data2>` (three ints) plays one MIDI
 * message "into Live", where Live's MIDI map (what `/live/midimap/map_cc` mapped) moves its parameter. It is
 * handled on arrival in both flavours, ahead of the protocol: Live's MIDI input does not wait for AbletonOSC's
 * tick, and it is not an OSC client, so AbletonOSC's default remote does not follow it.
 *
 * @example
 * const midi = createSimulatorMidi({ model: () => model, send })
 * midi.receive(bytes, from) // true: it was a /simulator/midi datagram
 */
export function createSimulatorMidi(options: SimulatorMidiOptions) {
  let received = 0
  return {
    /** Handles a datagram if it is `/simulator/midi`; false for anything else (it goes on to the protocol). */
    receive(bytes: Uint8Array, from: ClientAddress): boolean {
      if (bytes.length < PREFIX.length || PREFIX.some((b, i) => bytes[i] !== b)) return false
      received++
      let args: readonly unknown[] = []
      try {
        const packet = decodePacket(bytes)
        if (!isBundle(packet)) args = packet.args
      } catch {}
      const [status, data1, data2] = args
      const ok = (v: unknown, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max
      if (args.length !== 3 || !ok(status, 255) || (status as number) < 0x80 || !ok(data1, 127) || !ok(data2, 127)) {
        const text = `${SIMULATOR_MIDI_ADDRESS} takes three ints: a status byte 128..255, then two data bytes 0..127 (got ${args.map((a) => JSON.stringify(a)).join(' ') || 'nothing'})`
        options.send({ address: '/live/error', types: 's', args: [text] }, from)
        return true
      }
      options.model().midiMap.receive(status as number, data1 as number, data2 as number)
      return true
    },
    /** `/simulator/midi` datagrams received (tests wait on it). */
    get received() {
      return received
    },
  }
}
