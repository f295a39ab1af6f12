import type { LiveObjectModel, LomPath, LomValue } from '../model/liveObjectModel.js'
import { LomError } from '../model/liveObjectModel.js'
import type { OscMessage } from '../osc/types.js'
import type { Arg } from './arg.js'
import { liveIndexError, noneAttributeError } from './pyError.js'
import type { SongStructure } from './songStructure.js'
import type { ClientAddress, Destination } from './types.js'

/** One attached listener: how to detach it, and whether AbletonOSC's reload code can find its object. */
export interface ListenerRecord {
  readonly stop: () => void
  /** False for mixer and device-parameter listeners, which AbletonOSC's reload trips over (KeyError). */
  readonly reloadable: boolean
  /** Python's repr of the listener key, the text of that KeyError. */
  readonly keyRepr: string
}

/** Everything a handler needs while it handles one request. */
export interface Ctx {
  readonly model: LiveObjectModel
  /** The request's source. */
  readonly client: ClientAddress
  /** Where errors and unsolicited output started by this request go (listener values, /live/test). */
  readonly target: Destination
  send(message: OscMessage, to: Destination): void
  /** The listener table of one handler class (song, track...), in the client's scope (the flavour policy's). */
  listeners(table: string): Map<string, ListenerRecord>
  /** State shared by every request of one dispatcher. */
  readonly state: DispatcherState
  /** The host's writer for `/live/song/export/structure` (DispatcherOptions.writeStructure). */
  readonly writeStructure?: ((structure: SongStructure) => void) | undefined
}

/** Mutable state of one dispatcher. */
export interface DispatcherState {
  logLevel: string
  /** Set by AbletonOSC's reload bug: every address is then unknown. */
  handlersCleared: boolean
  version: string
  /** Runs /live/api/reload's effects (implemented by the dispatcher core). */
  reload: (ctx: Ctx) => void
}

/** A registered address: takes the request's arguments, returns the reply tuple or nothing. */
export type Handler = (ctx: Ctx, args: readonly Arg[]) => readonly Arg[] | undefined

/** The ordered table from address to handler; order is AbletonOSC's registration order. */
export type Registry = Map<string, Handler>

/** Indexes one of Live's vectors (`tracks`, `clip_slots`...) like Live's Python wrapper does. */
export function child(ctx: Ctx, parent: LomPath, list: string, index: number): LomPath {
  const n = ctx.model.getCount(parent, list)
  const i = index < 0 ? index + n : index
  if (!Number.isInteger(i) || i < 0 || i >= n) throw liveIndexError()
  return `${parent} ${list} ${i}`
}

/** `song.tracks[i]`. */
export const trackPath = (ctx: Ctx, index: number): LomPath => child(ctx, 'live_set', 'tracks', index)
/** `song.scenes[i]`. */
export const scenePath = (ctx: Ctx, index: number): LomPath => child(ctx, 'live_set', 'scenes', index)
/** `song.tracks[t].clip_slots[c]`. */
export const clipSlotPath = (ctx: Ctx, track: number, slot: number): LomPath =>
  child(ctx, trackPath(ctx, track), 'clip_slots', slot)
/** `song.tracks[t].devices[d]`. */
export const devicePath = (ctx: Ctx, track: number, device: number): LomPath =>
  child(ctx, trackPath(ctx, track), 'devices', device)

/** `clip_slot.clip`, or `null` for an empty slot (Python's None). */
export function clipPathOrNone(ctx: Ctx, slotPath: LomPath): LomPath | null {
  const path = `${slotPath} clip`
  return ctx.model.exists(path) ? path : null
}

/** Uses a possibly-None object: raises `'NoneType' object has no attribute` as Python would. */
export function some(path: LomPath | null, attribute: string): LomPath {
  if (path === null) throw noneAttributeError(attribute)
  return path
}

/** A getter's read: Live's RuntimeError ("does not apply") becomes None. */
export function readOrNone(ctx: Ctx, path: LomPath, property: string): LomValue {
  try {
    return ctx.model.get(path, property)
  } catch (error) {
    if (error instanceof LomError && error.kind === 'RuntimeError') return null
    throw error
  }
}

/** The index at the end of an object path (`live_set tracks 3` → 3), or undefined. */
export function lastIndex(path: LomPath, list: string): number | undefined {
  const parts = path.trim().split(/\s+/)
  const n = parts.length
  if (n < 2 || parts[n - 2] !== list) return undefined
  const i = Number(parts[n - 1])
  return Number.isInteger(i) ? i : undefined
}

/** The path of an object-valued property (`LomObjectRef`), or null for None. */
export function refPath(value: LomValue): LomPath | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'path' in value) {
    return (value as { path: LomPath }).path
  }
  if (typeof value === 'string' && value.startsWith('live_set')) return value
  return null
}
