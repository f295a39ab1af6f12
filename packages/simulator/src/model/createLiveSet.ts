import { type LiveObjectModel, LomError, type LomObserver, type LomPath, type LomValue } from '@live/protocol'
import type { Clock } from '../clock/clock.js'
import { createRealClock } from '../clock/clock.js'
import { defaultSet } from '../sets/defaultSet.js'
import { demoSet } from '../sets/demoSet.js'
import { Application } from './application.js'
import { type LiveContext, type LomNode, noAttribute } from './lomNode.js'
import { callMapMidiCc, createMidiMap, MAP_MIDI_CC, type SimulatedMidiMap } from './midiMap.js'
import { parseLiveSet } from './parseLiveSet.js'
import type { LiveSetData } from './schema.js'
import { Song } from './song.js'
import { UndoStack } from './undoStack.js'

/** Options of {@link createLiveSet}. */
export interface LiveSetOptions {
  /** Which set to load: a built-in one by name, or data. @default 'default' */
  set?: 'default' | 'demo' | LiveSetData | undefined
  /** The clock the engine runs on. @default createRealClock() */
  clock?: Clock | undefined
  /** Engine update period in ms (song time, launches, meters). @default 10 */
  engineMs?: number | undefined
}

/** An in-memory Live set behind the LiveAPI-shaped {@link LiveObjectModel}. */
export interface LiveSet extends LiveObjectModel {
  /** The clock the engine runs on. */
  readonly clock: Clock
  /** Live's MIDI map: what `/live/midimap/map_cc` mapped, and the way MIDI comes "into Live" (`/simulator/midi`). */
  readonly midiMap: SimulatedMidiMap
  /** The set as plain data (what `saveLiveSetFile` writes). */
  toJSON(): LiveSetData
  /** Stops the engine's timers. */
  dispose(): void
}

/**
 * Creates an in-memory Live set that answers the LOM as Live does.
 *
 * @example
 * const clock = createVirtualClock()
 * const live = createLiveSet({ set: 'demo', clock })
 * live.call('live_set scenes 0', 'fire', [])
 * clock.advance(500)
 * live.get('live_set tracks 0', 'playing_slot_index') // 0
 */
export function createLiveSet(options: LiveSetOptions = {}): LiveSet {
  const clock = options.clock ?? createRealClock()
  const source = options.set ?? 'default'
  const data = source === 'default' ? defaultSet() : source === 'demo' ? demoSet() : parseLiveSet(source)
  const undo = new UndoStack()
  const ctx: LiveContext = { clock, undo }
  const song = undo.silently(() => new Song(ctx, data, options.engineMs ?? 10))
  const app = new Application(ctx)
  const midiMap = createMidiMap()

  const resolve = (path: LomPath): LomNode | null => {
    const tokens = tokensOf(path)
    const root = tokens[0]
    let node: LomNode | null
    if (root === 'live_set') node = song
    else if (root === 'live_app') node = app
    else throw new LomError('ValueError', `Invalid path: '${path}'`) // [guess] LiveAPI only knows these roots
    let next = 1
    while (next < tokens.length) {
      const name = tokens[next++]!
      if (node === null) throw noAttribute('NoneType', name)
      const list: readonly LomNode[] | undefined = node.list(name)
      if (list !== undefined) {
        const indexToken = tokens[next++]
        const index = Number(indexToken)
        if (indexToken === undefined || !Number.isInteger(index)) {
          throw new LomError('TypeError', 'Invalid index type') // Boost's text for a non-int index
        }
        const child: LomNode | undefined = list[index]
        if (index < 0 || !child) throw new LomError('IndexError', 'Index out of range')
        node = child
        continue
      }
      const single = node.single(name)
      if (single === undefined) throw noAttribute(node.className, name)
      node = single
    }
    return node
  }

  const at = (path: LomPath): LomNode | null => resolve(path)
  song.resolveRef = (value) => {
    if (value !== null && typeof value === 'object' && 'path' in value) return at(value.path)
    if (typeof value === 'string') return at(value)
    return null
  }
  song.engine.start()

  return {
    clock,
    midiMap,
    exists(path) {
      try {
        const node = at(path)
        return node?.alive === true
      } catch {
        return false
      }
    },
    type(path) {
      return at(path)?.className ?? 'NoneType'
    },
    getCount(path, child) {
      const node = at(path)
      if (!node) throw noAttribute('NoneType', child)
      const list = node.list(child)
      if (list === undefined) throw noAttribute(node.className, child)
      return list.length
    },
    get(path, property) {
      const node = at(path)
      if (!node) throw noAttribute('NoneType', property)
      return node.getProp(property)
    },
    set(path, property, value) {
      const node = at(path)
      if (!node) throw noAttribute('NoneType', property)
      node.setProp(property, value)
    },
    setWithoutUndo(path, property, value) {
      const node = at(path)
      if (!node) throw noAttribute('NoneType', property)
      undo.silently(() => node.setProp(property, value))
    },
    call(path, method, args) {
      if (method === MAP_MIDI_CC && path === 'live_set') return callMapMidiCc(midiMap, args, song.resolveRef)
      const node = at(path)
      if (!node) throw noAttribute('NoneType', method)
      return node.callFn(method, args)
    },
    observe(path: LomPath, property: string, observer: LomObserver) {
      const node = at(path)
      if (!node) throw noAttribute('NoneType', `add_${property}_listener`)
      return node.observe(property, observer)
    },
    toJSON() {
      const view = song.view
      return {
        format: 'live-simulator-set',
        version: 1,
        song: song.toJSON(),
        tracks: song.tracks.map((t) => t.toJSON()),
        return_tracks: song.returnTracks.map((t) => t.toJSON()),
        master_track: song.master.toJSON(),
        scenes: song.scenes.map((s) => s.toJSON()),
        view: {
          selected_track: Math.max(0, song.tracks.indexOf(view.selectedTrack)),
          selected_scene: Math.max(0, view.selectedScene?.index ?? 0),
        },
      }
    },
    dispose() {
      song.engine.dispose()
    },
  }
}

/** The value of a LOM property read without throwing (for tooling): undefined when it does not apply. */
export function tryGet(live: LiveObjectModel, path: LomPath, property: string): LomValue | undefined {
  try {
    return live.get(path, property)
  } catch {
    return undefined
  }
}

// Whitespace other than one space between words: a tab, a run of spaces, or a space at either end.
const ODD_SPACING = /[^\S ]| {2}|^ | $/
// The same few hundred paths are resolved on every request; their words are kept (bounded, never mutated).
const MAX_CACHED_PATHS = 4096
const cachedTokens = new Map<string, readonly string[]>()

/** A path's words, as LiveAPI reads them. */
function tokensOf(path: LomPath): readonly string[] {
  let tokens = cachedTokens.get(path)
  if (tokens === undefined) {
    tokens = ODD_SPACING.test(path) ? path.trim().split(/\s+/) : path.split(' ')
    if (cachedTokens.size >= MAX_CACHED_PATHS) cachedTokens.clear()
    cachedTokens.set(path, tokens)
  }
  return tokens
}
