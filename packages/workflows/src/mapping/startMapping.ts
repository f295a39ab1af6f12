import type { LiveClient } from '@live/client'
import { defaultNow, type WorkflowContext } from '../shared/workflow.js'
import { controlKey, decodeMidi, describeEvent, eventKey } from './controlKey.js'
import { createLineRuntime, type LineContext, type LineRuntime } from './lineRuntime.js'
import type { MappingEvent, MappingRow } from './mappingEvents.js'
import type { MidiMap, MidiMapInput } from './midiMapSchema.js'
import type { MidiInputPort, MidiOutputPort } from './midiPorts.js'
import { checkMidiMap } from './parseMidiMap.js'

/** What {@link startMapping} needs. */
export interface StartMappingOptions {
  /** The mapping: parsed (`parseMidiMap`, a preset) or plain data, checked here. */
  map: MidiMap | MidiMapInput
  /** Where control messages come from. */
  input: MidiInputPort
  /** Where feedback goes (LEDs, motor faders). @default none: no feedback */
  output?: MidiOutputPort | undefined
  /** Called with each event (what moved, banks, pages, problems). */
  onEvent?: ((event: MappingEvent) => void) | undefined
  /** An id for lists. @default a new one */
  id?: string | undefined
}

/** What a mapping did, when it stops. */
export interface MappingSummary {
  /** MIDI messages received. */
  readonly messages: number
  /** Values written to Live. */
  readonly moved: number
  /** Buttons fired. */
  readonly fired: number
  /** Problems reported. */
  readonly errors: number
}

/** A running mapping. */
export interface ActiveMapping {
  readonly id: string
  readonly name: string
  readonly map: MidiMap
  /** The input and output port names. */
  readonly input: string
  readonly output: string | undefined
  /** The bank now: how many banks of tracks and of scenes the lines are shifted by. */
  readonly bank: { readonly tracks: number; readonly scenes: number }
  /** The page now. */
  readonly page: number
  /** Each line's state, for a live table. */
  rows(): MappingRow[]
  /** Subscribes to events; returns the unsubscribe. */
  on(listener: (event: MappingEvent) => void): () => void
  /** Stops listening, stops every watcher, turns button LEDs off; resolves with the summary. Idempotent. */
  stop(): Promise<MappingSummary>
  /** Resolves with the summary once stopped (by `stop()` or the signal). */
  readonly stopped: Promise<MappingSummary>
}

let counter = 0

/**
 * Runs a mapping: each control message moves or fires its target through the client; Live's changes come back as
 * feedback (LEDs, motor faders) through the client's watchers; absolute controls pick the value up before they move
 * it (soft takeover); bank and page buttons shift what the lines control. Resolves once every line is bound.
 *
 * @example
 * const midi = memoryMidi()
 * const mapping = await startMapping(live, { map: presets.nanokontrol2.map, input: midi.input, output: midi.output })
 * midi.play([0xb0, 0, 100]) // fader 1 → track 0 volume
 * await mapping.stop()
 */
export async function startMapping(
  client: LiveClient,
  options: StartMappingOptions,
  context: WorkflowContext = {},
): Promise<ActiveMapping> {
  const map = checkMidiMap(options.map)
  const now = context.now ?? defaultNow
  const id = options.id ?? `map-${++counter}`
  const listeners = new Set<(event: MappingEvent) => void>()
  if (options.onEvent !== undefined) listeners.add(options.onEvent)
  const controller = new AbortController()
  const stopSignal = controller.signal
  const totals = { messages: 0, moved: 0, fired: 0, errors: 0 }
  const trackSize = map.banks?.tracks ?? 8
  const sceneSize = map.banks?.scenes ?? 8
  const pages = map.pages ?? 1
  const bank = { tracks: 0, scenes: 0 }
  let page = 0
  let pageBeforeHold: number | undefined

  const emit = (event: MappingEvent) => {
    if (event.type === 'moved') totals.moved++
    else if (event.type === 'fired') totals.fired++
    else if (event.type === 'error') totals.errors++
    for (const l of listeners) l(event)
  }
  const output = options.output
  const offsets = () => ({ track: bank.tracks * trackSize, scene: bank.scenes * sceneSize })
  const follows = (r: LineRuntime) => r.line.bank !== false
  const rebind = (which: (r: LineRuntime) => boolean) =>
    Promise.all(runtimes.filter(which).map((r) => r.bind(follows(r) ? offsets() : { track: 0, scene: 0 })))

  const count = async (what: 'numTracks' | 'numScenes') => {
    try {
      return Number(await client.song[what].get({ signal: stopSignal }))
    } catch {
      return Number.POSITIVE_INFINITY
    }
  }

  const ctx: LineContext = {
    client,
    map,
    signal: stopSignal,
    send: (bytes) => output?.send(bytes),
    emit,
    now,
    get page() {
      return page
    },
    moveBank(tracks, scenes) {
      void (async () => {
        const [nTracks, nScenes] = await Promise.all([
          tracks !== 0 ? count('numTracks') : 0,
          scenes !== 0 ? count('numScenes') : 0,
        ])
        const clampBank = (value: number, n: number, size: number) =>
          Math.max(0, Math.min(value, Number.isFinite(n) ? Math.max(0, Math.ceil(n / size) - 1) : value))
        const next = {
          tracks: clampBank(bank.tracks + tracks, nTracks, trackSize),
          scenes: clampBank(bank.scenes + scenes, nScenes, sceneSize),
        }
        if (next.tracks === bank.tracks && next.scenes === bank.scenes) return
        bank.tracks = next.tracks
        bank.scenes = next.scenes
        emit({ type: 'bank', tracks: bank.tracks, scenes: bank.scenes })
        await rebind(follows)
      })()
    },
    setPage(next, hold) {
      if (hold === 'release') {
        if (pageBeforeHold === undefined) return
        next = pageBeforeHold
        pageBeforeHold = undefined
      } else if (hold === 'press') pageBeforeHold = page
      const wrapped = ((next % pages) + pages) % pages
      if (wrapped === page) return
      page = wrapped
      emit({ type: 'page', page })
      for (const r of runtimes) if (r.line.page === page || r.line.page === undefined) r.refresh()
    },
  }

  const runtimes = map.mappings.map((line, index) => createLineRuntime(index, line, ctx))
  const byKey = new Map<string, LineRuntime[]>()
  for (const r of runtimes) {
    // Program changes arrive under one key per channel; each line checks its own program number.
    const channel = r.line.control.channel ?? map.channel ?? 1
    const key =
      r.line.control.program !== undefined ? eventKey('program', channel, 0) : controlKey(r.line.control, map.channel)
    const list = byKey.get(key) ?? []
    list.push(r)
    byKey.set(key, list)
  }

  const onMessage = (bytes: readonly number[]) => {
    totals.messages++
    const event = decodeMidi(bytes)
    if (event === undefined) return
    const lines = byKey.get(eventKey(event.kind, event.channel, event.number))
    if (lines === undefined) {
      emit({ type: 'unmapped', message: describeEvent(event), bytes })
      return
    }
    for (const r of lines) r.handle(event)
  }

  await rebind(() => true)
  // Page buttons show the page; every other line sent its level as it bound.
  for (const r of runtimes) if (r.line.target.kind === 'page') r.refresh()
  const unlisten = options.input.onMessage(onMessage)

  let resolveStopped: (summary: MappingSummary) => void = () => {}
  const stopped = new Promise<MappingSummary>((resolve) => {
    resolveStopped = resolve
  })
  let stopping: Promise<MappingSummary> | undefined
  const stop = (): Promise<MappingSummary> => {
    stopping ??= (async () => {
      unlisten()
      controller.abort()
      for (const r of runtimes) {
        r.unbind()
        r.darken()
      }
      const summary = { ...totals }
      resolveStopped(summary)
      return summary
    })()
    return stopping
  }
  if (context.signal?.aborted) await stop()
  else context.signal?.addEventListener('abort', () => void stop(), { once: true })

  return {
    id,
    name: map.name ?? map.controller ?? id,
    map,
    input: options.input.name,
    output: output?.name,
    get bank() {
      return { ...bank }
    },
    get page() {
      return page
    },
    rows: () =>
      runtimes.map((r) => {
        const row = r.row()
        return r.line.page !== undefined && r.line.page !== page ? { ...row, state: 'off-page' } : row
      }),
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop,
    stopped,
  }
}
