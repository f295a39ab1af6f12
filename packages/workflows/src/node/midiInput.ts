import type { MidiInputPort } from '../mapping/midiPorts.js'
import { listMidiOutputs } from './midiOutput.js'
import { type NativeInput, newNativePort, pickPort, portNames, refuseVirtualOnWindows } from './nativeMidi.js'

function wrap(input: NativeInput, name: string): MidiInputPort {
  const listeners = new Set<(bytes: readonly number[]) => void>()
  // Clock, active sensing and sysex are not controls: RtMidi drops them before they cross into JavaScript.
  input.ignoreTypes(true, true, true)
  input.on('message', (_delta, message) => {
    for (const l of listeners) l(message)
  })
  return {
    name,
    onMessage(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      listeners.clear()
      input.closePort()
    },
  }
}

/**
 * The names of the MIDI input ports, in index order.
 *
 * @example
 * await listMidiInputs() // ['nanoKONTROL2 SLIDER/KNOB']
 */
export async function listMidiInputs(): Promise<string[]> {
  const input = await newNativePort('Input')
  const names = portNames(input)
  input.closePort()
  return names
}

/** Every MIDI port of the system, both directions. */
export async function listMidiPorts(): Promise<{ inputs: string[]; outputs: string[] }> {
  const [inputs, outputs] = await Promise.all([listMidiInputs(), listMidiOutputs()])
  return { inputs, outputs }
}

/**
 * Opens a MIDI input port by name (exact, then case-insensitive substring) or index, or the first one; NOT_FOUND
 * names the ports that exist, UNSUPPORTED says what is missing (the optional package, or ALSA on Linux).
 *
 * @example
 * const input = await openMidiInput('nanoKONTROL2')
 * const mapping = await startMapping(live, { map, input })
 */
export async function openMidiInput(nameOrIndex?: string | number | undefined): Promise<MidiInputPort> {
  const input = await newNativePort('Input')
  const names = portNames(input)
  const index = pickPort(names, nameOrIndex, 'input')
  input.openPort(index)
  return wrap(input, names[index]!)
}

/**
 * Creates a virtual MIDI input port other programs can send to (macOS and Linux; Windows has none: UNSUPPORTED).
 *
 * @example
 * const input = await openVirtualInput('Live Map')
 */
export async function openVirtualInput(name: string): Promise<MidiInputPort> {
  refuseVirtualOnWindows()
  const input = await newNativePort('Input')
  input.openVirtualPort(name)
  return wrap(input, name)
}
