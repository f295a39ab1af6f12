/** Where a mapping reads MIDI from: a controller's port, a virtual port, or an in-memory one in tests. */
export interface MidiInputPort {
  /** The port's name. */
  readonly name: string
  /** Calls `listener` with each message's bytes; returns the function that stops listening. */
  onMessage(listener: (bytes: readonly number[]) => void): () => void
  /** Closes the port. */
  close(): void
}

/** Where feedback goes: the controller's output port (LEDs, motor faders). */
export interface MidiOutputPort {
  /** The port's name. */
  readonly name: string
  /** Sends one message. */
  send(bytes: readonly number[]): void
  /** Closes the port. */
  close(): void
}

/** An in-memory input and output pair: what a test plays into the mapping, and what the mapping sent back. */
export interface MemoryMidi {
  readonly input: MidiInputPort
  readonly output: MidiOutputPort
  /** Plays one message into the input, as if a control moved (synchronously, as a port's callback does). */
  play(bytes: readonly number[]): void
  /** Every message sent to the output, in order. */
  readonly sent: number[][]
  /** Calls `listener` on each message sent to the output; returns its unsubscribe. */
  onSent(listener: (bytes: readonly number[]) => void): () => void
}

/**
 * An in-memory MIDI input and output, for tests and for driving a mapping from code.
 *
 * @example
 * const midi = memoryMidi()
 * const mapping = await startMapping(live, { map, input: midi.input, output: midi.output })
 * midi.play([0xb0, 7, 100])
 */
export function memoryMidi(name = 'memory'): MemoryMidi {
  const listeners = new Set<(bytes: readonly number[]) => void>()
  const sentListeners = new Set<(bytes: readonly number[]) => void>()
  const sent: number[][] = []
  return {
    input: {
      name,
      onMessage(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      close: () => listeners.clear(),
    },
    output: {
      name,
      send(bytes) {
        sent.push([...bytes])
        for (const l of sentListeners) l(bytes)
      },
      close() {},
    },
    play(bytes) {
      for (const l of [...listeners]) l(bytes)
    },
    sent,
    onSent(listener) {
      sentListeners.add(listener)
      return () => sentListeners.delete(listener)
    },
  }
}
