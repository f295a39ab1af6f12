import { LiveError } from '@live/protocol'

/** The part of @julusian/midi's Input and Output the ports use. */
export interface NativePort {
  getPortCount(): number
  getPortName(port: number): string
  openPort(port: number): void
  openVirtualPort(name: string): void
  closePort(): void
}

/** @julusian/midi's Output. */
export interface NativeOutput extends NativePort {
  sendMessage(message: number[]): void
}

/** @julusian/midi's Input (an EventEmitter of `message`). */
export interface NativeInput extends NativePort {
  on(event: 'message', listener: (deltaTime: number, message: number[]) => void): unknown
  ignoreTypes(sysex: boolean, timing: boolean, activeSensing: boolean): void
}

type MidiModule = { Input: new () => NativeInput; Output: new () => NativeOutput }

async function loadMidi(direction: 'input' | 'output'): Promise<MidiModule> {
  let mod: Partial<MidiModule> & { default?: Partial<MidiModule> }
  try {
    mod = (await import('@julusian/midi')) as typeof mod
  } catch (error) {
    throw new LiveError(
      'UNSUPPORTED',
      `MIDI ${direction} needs the optional package @julusian/midi, which did not load`,
      {
        metaMessages: [
          'Install it: `npm install @julusian/midi` (it ships prebuilt binaries for macOS, Windows and Linux).',
          `It failed with: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ],
        cause: error,
      },
    )
  }
  const Input = mod.Input ?? mod.default?.Input
  const Output = mod.Output ?? mod.default?.Output
  if (Input === undefined || Output === undefined) {
    throw new LiveError('UNSUPPORTED', '@julusian/midi has no Input or Output class in this version')
  }
  return { Input, Output }
}

/** Opens the system MIDI service for one port; UNSUPPORTED when the package or the service (ALSA) is missing. */
export async function newNativePort<K extends keyof MidiModule>(kind: K): Promise<InstanceType<MidiModule[K]>> {
  const mod = await loadMidi(kind === 'Input' ? 'input' : 'output')
  try {
    return new mod[kind]() as InstanceType<MidiModule[K]>
  } catch (error) {
    throw new LiveError('UNSUPPORTED', 'the system MIDI service is not available', {
      metaMessages: ['On Linux, ALSA (/dev/snd/seq) must be present; in containers it usually is not.'],
      cause: error,
    })
  }
}

/** The names of a native port's list, in index order. */
export function portNames(port: NativePort): string[] {
  return Array.from({ length: port.getPortCount() }, (_, i) => port.getPortName(i))
}

/**
 * Picks a port by name (exact, then case-insensitive substring) or index, or the first; NOT_FOUND names the ports
 * that exist.
 */
export function pickPort(
  names: readonly string[],
  wanted: string | number | undefined,
  direction: 'input' | 'output',
): number {
  let index = -1
  if (wanted === undefined) index = names.length > 0 ? 0 : -1
  else if (typeof wanted === 'number') index = wanted >= 0 && wanted < names.length ? wanted : -1
  else {
    index = names.indexOf(wanted)
    if (index < 0) index = names.findIndex((n) => n.toLowerCase().includes(wanted.toLowerCase()))
  }
  if (index >= 0) return index
  const virtual = direction === 'input' ? 'openVirtualInput()' : 'openVirtualOutput()'
  throw new LiveError(
    'NOT_FOUND',
    `no MIDI ${direction} port ${wanted === undefined ? 'at all' : JSON.stringify(wanted)}`,
    {
      metaMessages: [
        names.length > 0
          ? `Available ports: ${names.map((n, i) => `${i}: "${n}"`).join(', ')}.`
          : `There are no MIDI ${direction} ports; connect the controller, or create one (IAC Driver on macOS, loopMIDI on Windows) or use ${virtual}.`,
      ],
      details: { requested: wanted, available: names },
    },
  )
}

/** Windows has no virtual ports. */
export function refuseVirtualOnWindows(): void {
  if (typeof process !== 'undefined' && process.platform === 'win32') {
    throw new LiveError('UNSUPPORTED', 'Windows has no virtual MIDI ports', {
      metaMessages: ['Create a loopMIDI port and open it by name.'],
    })
  }
}
