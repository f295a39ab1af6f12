import { LiveError } from '@live/protocol'
import { controlKey, decodeMidi, describeControl, type MidiEvent } from './controlKey.js'
import type { Control, MappingLine, MidiMap, MidiMapInput } from './midiMapSchema.js'
import type { MidiInputPort } from './midiPorts.js'
import { closest } from './parseMidiMap.js'
import { type Target, targetSchema } from './targetSchema.js'

/** What moved, as a control line, and in words. */
export interface LearnedControl {
  readonly control: Control
  /** `CC 7/1 (absolute)`. */
  readonly description: string
}

/** How long to watch a CC after its first message, to tell a relative encoder from a knob. */
const LEARN_WINDOW_MS = 250

/** Guesses a CC's form from the values it sent: encoders send small steps around 0 or 64, knobs positions. */
export function guessCcMode(values: readonly number[]): Control['mode'] {
  if (values.length < 2) return undefined
  const all = (ok: (v: number) => boolean) => values.every(ok)
  if (all((v) => (v >= 1 && v <= 7) || v >= 121)) return 'relative-twos-complement'
  if (all((v) => v >= 57 && v <= 71 && v !== 64)) return 'relative-bin-offset'
  if (all((v) => (v >= 1 && v <= 7) || (v >= 65 && v <= 71))) return 'relative-sign-bit'
  return undefined
}

/**
 * Waits for the next control to move on an input and describes it as a control line: a note or program change at
 * once; a CC after a short look at its next values (an encoder sends steps, a knob positions).
 *
 * @example
 * const { control, description } = await learnControl(input, { signal })
 */
export function learnControl(
  input: MidiInputPort,
  options: { signal?: AbortSignal | undefined; windowMs?: number | undefined } = {},
): Promise<LearnedControl> {
  return new Promise((resolve, reject) => {
    let first: MidiEvent | undefined
    const values: number[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const finish = () => {
      unlisten()
      options.signal?.removeEventListener('abort', onAbort)
      if (timer !== undefined) clearTimeout(timer)
      const e = first!
      const control: Control =
        e.kind === 'cc'
          ? { cc: e.number, channel: e.channel, ...(guessCcMode(values) ? { mode: guessCcMode(values) } : {}) }
          : e.kind === 'note'
            ? { note: e.number, channel: e.channel }
            : e.kind === 'pitchBend'
              ? { pitchBend: true, channel: e.channel }
              : { program: e.number, channel: e.channel }
      const how = e.kind === 'cc' ? ` (${control.mode ?? 'absolute'})` : ''
      resolve({ control, description: `${describeControl(control)}${how}` })
    }
    const unlisten = input.onMessage((bytes) => {
      const event = decodeMidi(bytes)
      if (event === undefined || (event.kind === 'note' && event.value === 0)) return
      if (first === undefined) {
        first = event
        values.push(event.value)
        if (event.kind !== 'cc') return finish()
        timer = setTimeout(finish, options.windowMs ?? LEARN_WINDOW_MS)
        return
      }
      if (event.kind === first.kind && event.channel === first.channel && event.number === first.number) {
        values.push(event.value)
        if (values.length >= 4) finish()
      }
    })
    const onAbort = () => {
      unlisten()
      if (timer !== undefined) clearTimeout(timer)
      reject(new LiveError('ABORTED', 'stopped while waiting for a control to move', { cause: options.signal?.reason }))
    }
    if (options.signal?.aborted) onAbort()
    else options.signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** The words `targetFromWords` takes, for help and errors. */
export const TARGET_WORDS = [
  'volume T',
  'pan T',
  'send T S',
  'param T D NAME|INDEX',
  'mute T',
  'solo T',
  'arm T',
  'clip T S',
  'scene S',
  'stop-clips T',
  'select-track T|+N|-N',
  'select-scene S|+N|-N',
  'bank +N|-N',
  'tempo, play, stop, play-stop, continue, metronome, loop, record, undo, redo, tap-tempo',
] as const

const ALIASES: Readonly<Record<string, string>> = { pan: 'panning', param: 'parameter', vol: 'volume' }

/**
 * A target from a person's words, as `live map learn` asks for it: `volume 0`, `param 1 0 Filter Freq`, `clip 0 2`,
 * `bank +1`, `play`. INVALID_ARGUMENTS names the forms when the words are not one.
 *
 * @example
 * targetFromWords('param 1 0 Filter Freq') // { kind: 'parameter', track: 1, device: 0, parameter: 'Filter Freq' }
 */
export function targetFromWords(text: string): Target {
  const words = text.trim().split(/\s+/)
  const head = (words[0] ?? '').toLowerCase()
  const kind = ALIASES[head] ?? head
  const n = (i: number) => (words[i] === undefined || !/^[+-]?\d+$/.test(words[i]!) ? undefined : Number(words[i]))
  const signed = (i: number) => words[i]?.startsWith('+') === true || words[i]?.startsWith('-') === true
  let target: Record<string, unknown> = { kind }
  if (
    kind === 'volume' ||
    kind === 'panning' ||
    kind === 'mute' ||
    kind === 'solo' ||
    kind === 'arm' ||
    kind === 'stop-clips'
  ) {
    target = words[1] === 'master' ? { kind, master: true } : { kind, track: n(1) }
  } else if (kind === 'send') target = { kind, track: n(1), send: n(2) }
  else if (kind === 'parameter') {
    const rest = words
      .slice(3)
      .join(' ')
      .replace(/^"(.*)"$/, '$1')
    target = { kind, track: n(1), device: n(2), parameter: /^\d+$/.test(rest) ? Number(rest) : rest }
  } else if (kind === 'clip') target = { kind, track: n(1), scene: n(2) }
  else if (kind === 'scene') target = { kind, scene: n(1) }
  else if (kind === 'select-track') target = signed(1) ? { kind, step: n(1) } : { kind, track: n(1) }
  else if (kind === 'select-scene') target = signed(1) ? { kind, step: n(1) } : { kind, scene: n(1) }
  else if (kind === 'bank') target = { kind, tracks: n(1) ?? 1 }
  const parsed = targetSchema.safeParse(target)
  if (parsed.success) return parsed.data
  const kinds = targetSchema.options.map((o) => o.shape.kind.value as string)
  const hint = kinds.includes(kind) ? undefined : closest(kind, [...kinds, ...Object.keys(ALIASES)])
  throw new LiveError(
    'INVALID_ARGUMENTS',
    `"${text.trim()}" is not a target${hint === undefined ? '' : `; did you mean "${hint}"?`}`,
    {
      metaMessages: [`Say one of: ${TARGET_WORDS.join('; ')} (indices from 0).`],
    },
  )
}

/**
 * Adds a learned line to a mapping (or starts one), replacing a line of the same control on the same page.
 *
 * @example
 * const next = addMapping(map, { control, target: targetFromWords('volume 0') })
 */
export function addMapping(map: MidiMap | MidiMapInput | undefined, line: MappingLine): MidiMapInput {
  const lines = (map?.mappings ?? []) as MappingLine[]
  const key = controlKey(line.control, map?.channel)
  const kept = lines.filter((l) => !(controlKey(l.control, map?.channel) === key && l.page === line.page))
  return { format: 'live-midi-map', version: 1, ...(map ?? {}), mappings: [...kept, line] }
}
