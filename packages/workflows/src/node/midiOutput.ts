import type { MidiClockOutput } from '../midiClock/createClockCore.js'
import { type NativeOutput, newNativePort, pickPort, portNames, refuseVirtualOnWindows } from './nativeMidi.js'

/** A MIDI output port: a {@link MidiClockOutput} with its name. */
export interface MidiOutputPort extends MidiClockOutput {
  /** The port's name. */
  readonly name: string
  close(): void
}

function wrap(output: NativeOutput, name: string): MidiOutputPort {
  return { name, send: (bytes) => output.sendMessage([...bytes]), close: () => output.closePort() }
}

/**
 * The names of the MIDI output ports, in index order.
 *
 * @example
 * await listMidiOutputs() // ['IAC Driver Bus 1']
 */
export async function listMidiOutputs(): Promise<string[]> {
  const output = await newNativePort('Output')
  const names = portNames(output)
  output.closePort()
  return names
}

/**
 * Opens a MIDI output port by name (exact, then case-insensitive substring) or index, or the first one.
 *
 * @example
 * const port = await openMidiOutput('IAC Driver Bus 1')
 * await midiClock(live, { output: port }, { signal })
 */
export async function openMidiOutput(nameOrIndex?: string | number | undefined): Promise<MidiOutputPort> {
  const output = await newNativePort('Output')
  const names = portNames(output)
  const index = pickPort(names, nameOrIndex, 'output')
  output.openPort(index)
  return wrap(output, names[index]!)
}

/**
 * Creates a virtual MIDI output port other programs can read (macOS and Linux; Windows has none: UNSUPPORTED).
 *
 * @example
 * const port = await openVirtualOutput('Live Clock')
 */
export async function openVirtualOutput(name: string): Promise<MidiOutputPort> {
  refuseVirtualOnWindows()
  const output = await newNativePort('Output')
  output.openVirtualPort(name)
  return wrap(output, name)
}
