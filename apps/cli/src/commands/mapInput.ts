import { createInterface } from 'node:readline'
import type { MidiInputPort } from '@live/workflows'
import { usageError } from '../cli/exitCodes.js'

/** A MIDI message written as hex bytes on a line: `B0 07 64`. */
const HEX_LINE = /^\s*[0-9a-fA-F]{2}(\s+[0-9a-fA-F]{2}){0,2}\s*$/

/** Lines of stdin: hex MIDI messages go to a port, every other line waits for `next()` (answers to prompts). */
export interface StdinLines {
  /** A MIDI input fed by the hex lines (`--in stdin`); messages wait until someone listens. */
  readonly port: MidiInputPort
  /** The next line that is not MIDI, or undefined at the end of stdin. */
  next(): Promise<string | undefined>
  /** Resolves at the end of stdin, once every MIDI line was delivered. */
  readonly ended: Promise<void>
  close(): void
}

/**
 * Reads stdin line by line: `--in stdin` takes MIDI as hex bytes (`B0 07 64`, as `amidi --dump` prints it), so a
 * mapping can be driven by another program or a test; other lines answer `live map learn`'s questions.
 */
export function readStdinLines(input: NodeJS.ReadableStream = process.stdin): StdinLines {
  const rl = createInterface({ input, terminal: false })
  const listeners = new Set<(bytes: readonly number[]) => void>()
  const midiQueue: number[][] = []
  const textQueue: string[] = []
  const waiting: ((line: string | undefined) => void)[] = []
  let done = false
  let resolveEnded: () => void = () => {}
  const ended = new Promise<void>((resolve) => {
    resolveEnded = resolve
  })
  const deliver = () => {
    if (listeners.size === 0) return
    while (midiQueue.length > 0) {
      const bytes = midiQueue.shift()!
      for (const l of listeners) l(bytes)
    }
    if (done) resolveEnded()
  }
  rl.on('line', (line) => {
    if (HEX_LINE.test(line)) {
      midiQueue.push(
        line
          .trim()
          .split(/\s+/)
          .map((h) => Number.parseInt(h, 16)),
      )
      deliver()
    } else if (line.trim() !== '' || waiting.length > 0) {
      const w = waiting.shift()
      if (w !== undefined) w(line)
      else textQueue.push(line)
    }
  })
  rl.on('close', () => {
    done = true
    for (const w of waiting.splice(0)) w(undefined)
    if (midiQueue.length === 0 && listeners.size > 0) resolveEnded()
    else deliver()
  })
  return {
    port: {
      name: 'stdin',
      onMessage(listener) {
        listeners.add(listener)
        queueMicrotask(deliver)
        return () => listeners.delete(listener)
      },
      close: () => listeners.clear(),
    },
    next() {
      const line = textQueue.shift()
      if (line !== undefined) return Promise.resolve(line)
      if (done) return Promise.resolve(undefined)
      return new Promise((resolve) => waiting.push(resolve))
    },
    ended,
    close: () => rl.close(),
  }
}

/** Parses `--in`/`--out`: a port index or a name. */
export function portArg(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined
  if (text.trim() === '') throw usageError('a MIDI port name must not be empty (`live midi ports` lists them)')
  return /^\d+$/.test(text) ? Number(text) : text
}
