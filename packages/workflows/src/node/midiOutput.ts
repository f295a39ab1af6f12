import { LiveError } from '@live/protocol'
import type { MidiClockOutput } from '../midiClock/createClockCore.js'

interface NativeOutput {
  getPortCount(): number
  getPortName(port: number): string
  openPort(port: number): void
  openVirtualPort(name: string): void
  sendMessage(message: number[]): void
  closePort(): void
}
type MidiModule = { Output: new () => NativeOutput }

/** A MIDI output port: a {@link MidiClockOutput} with its name. */
export interface MidiOutputPort extends MidiClockOutput {
  /** The port's name. */
  readonly name: string
  close(): void
}

async function loadMidi(): Promise<MidiModule> {
  let mod: Partial<MidiModule> & { default?: Partial<MidiModule> }
  try {
    mod = (await import('@julusian/midi')) as typeof mod
  } catch (error) {
    throw new LiveError('UNSUPPORTED', 'MIDI output needs the optional package @julusian/midi, which did not load', {
      metaMessages: [
        'Install it: `npm install @julusian/midi` (it ships prebuilt binaries for macOS, Windows and Linux).',
      ],
      cause: error,
    })
  }
  const Output = mod.Output ?? mod.default?.Output
  if (Output === undefined) throw new LiveError('UNSUPPORTED', '@julusian/midi has no Output class in this version')
  return { Output }
}

async function newOutput(): Promise<NativeOutput> {
  const { Output } = await loadMidi()
  try {
    return new Output()
  } catch (error) {
    throw new LiveError('UNSUPPORTED', 'the system MIDI service is not available', {
      metaMessages: ['On Linux, ALSA (/dev/snd/seq) must be present; in containers it usually is not.'],
      cause: error,
    })
  }
}

function wrap(output: NativeOutput, name: string): MidiOutputPort {
  return { name, send: (bytes) => output.sendMessage(bytes), close: () => output.closePort() }
}

/**
 * The names of the MIDI output ports, in index order.
 *
 * @example
 * await listMidiOutputs() // ['IAC Driver Bus 1']
 */
export async function listMidiOutputs(): Promise<string[]> {
  const output = await newOutput()
  const names = Array.from({ length: output.getPortCount() }, (_, i) => output.getPortName(i))
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
  const output = await newOutput()
  const names = Array.from({ length: output.getPortCount() }, (_, i) => output.getPortName(i))
  let index = -1
  if (nameOrIndex === undefined) index = names.length > 0 ? 0 : -1
  else if (typeof nameOrIndex === 'number') index = nameOrIndex >= 0 && nameOrIndex < names.length ? nameOrIndex : -1
  else {
    index = names.indexOf(nameOrIndex)
    if (index < 0) index = names.findIndex((n) => n.toLowerCase().includes(nameOrIndex.toLowerCase()))
  }
  if (index < 0) {
    throw new LiveError(
      'NOT_FOUND',
      `no MIDI output port ${nameOrIndex === undefined ? 'at all' : JSON.stringify(nameOrIndex)}`,
      {
        metaMessages: [
          names.length > 0
            ? `Available ports: ${names.map((n, i) => `${i}: "${n}"`).join(', ')}.`
            : 'There are no MIDI output ports; create one (IAC Driver on macOS, loopMIDI on Windows) or use openVirtualOutput().',
        ],
        details: { requested: nameOrIndex, available: names },
      },
    )
  }
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
  if (typeof process !== 'undefined' && process.platform === 'win32') {
    throw new LiveError('UNSUPPORTED', 'Windows has no virtual MIDI ports', {
      metaMessages: ['Create a loopMIDI port and open it with openMidiOutput(name).'],
    })
  }
  const output = await newOutput()
  output.openVirtualPort(name)
  return wrap(output, name)
}
