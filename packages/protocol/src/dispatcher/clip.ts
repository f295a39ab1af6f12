import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, int, pyInt, pyTypeName } from './arg.js'
import { type Ctx, clipPathOrNone, clipSlotPath, type Handler, type Registry, some } from './context.js'
import { CLIP_R, CLIP_RW } from './kinds.js'
import { listenerKey, propertyListeners } from './listeners.js'
import { addNotes, getNotes, removeNotes } from './notes.js'
import { readArg, setterValue } from './property.js'
import { listIndexError, signatureError, tupleIndexError } from './pyError.js'

/** An operation on a clip (None for an empty slot) with the arguments after the ids (all of them for listeners). */
export type ClipFn = (ctx: Ctx, clip: LomPath | null, params: readonly Arg[]) => readonly Arg[] | undefined

/** AbletonOSC's clip wrapper: ids int-converted; listeners get the arguments exactly as received. */
export function clipCallback(fn: ClipFn, passIds = false): Handler {
  return (ctx, args) => {
    const [t, c] = twoIds(args)
    const clip = clipPathOrNone(ctx, clipSlotPath(ctx, t, c))
    const rv = fn(ctx, clip, passIds ? args : args.slice(2))
    return rv === undefined ? undefined : [int(t), int(c), ...rv]
  }
}

/** `int(params[0]), int(params[1])`, in Python's evaluation order. */
export function twoIds(args: readonly Arg[]): [number, number] {
  const a = args[0]
  if (a === undefined) throw listIndexError()
  const first = pyInt(a)
  const b = args[1]
  if (b === undefined) throw listIndexError()
  return [first, pyInt(b)]
}

/** Registers `/live/clip/...` and `/live/clips/...` in AbletonOSC's order. */
export function registerClip(reg: Registry): void {
  const c = (address: string, fn: ClipFn, passIds = false) =>
    reg.set(`/live/clip/${address}`, clipCallback(fn, passIds))
  for (const method of ['fire', 'stop', 'duplicate_loop']) {
    c(method, (ctx, clip) => {
      ctx.model.call(some(clip, method), method, [])
      return undefined
    })
  }
  c('remove_notes_by_id', (_ctx, clip, params) => {
    some(clip, 'remove_notes_by_id')
    // Each id goes to Live as its own argument, which Live's signature (one iterable) never accepts.
    throw signatureError('Clip', 'remove_notes_by_id', params.map(pyTypeName), ['object'])
  })
  for (const prop of [...CLIP_R, ...CLIP_RW]) {
    c(`get/${prop.name}`, (ctx, clip, params) => [readArg(ctx, some(clip, prop.name), prop), ...params])
    const listen = propertyListeners('clip', 'clip', prop, {
      observed: (clip: LomPath | null, name) => some(clip, `add_${name}_listener`),
      beforeStop: (clip, name) => some(clip, `remove_${name}_listener`),
    })
    c(`start_listen/${prop.name}`, listen.start, true)
    c(`stop_listen/${prop.name}`, listen.stop, true)
  }
  for (const prop of CLIP_RW) {
    c(`set/${prop.name}`, (ctx, clip, params) => {
      const value = params[0]
      if (value === undefined) throw tupleIndexError()
      ctx.model.set(some(clip, prop.name), prop.name, setterValue('Clip', prop.kind, value))
      return undefined
    })
  }
  c('get/notes', getNotes)
  c('add/notes', addNotes)
  c('remove/notes', removeNotes)
  reg.set('/live/clips/filter', (ctx, args) => {
    filterClips(ctx, args)
    return undefined
  })
  reg.set('/live/clips/unfilter', (ctx, args) => {
    unfilterClips(ctx, args)
    return undefined
  })
}

/** Whether a clip listener with this key exists (tests and the bridge use it). */
export const hasClipListener = (ctx: Ctx, prop: string, args: readonly Arg[]): boolean =>
  ctx.listeners('clip').has(listenerKey(prop, args))

const NOTE_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']

/** Note names parsed from a clip name's suffix, e.g. `bass_C-E-G` → C, E, G (AbletonOSC's experimental filter). */
function notesOfName(name: string): string[] | null {
  const i = name.lastIndexOf('_')
  if (i < 0) return null
  const names = name.slice(i + 1).split('-')
  return names.every((n) => NOTE_NAMES.includes(n)) ? names : null
}

function eachClip(ctx: Ctx, tracks: readonly number[], fn: (clip: LomPath) => void): void {
  for (const t of tracks) {
    const n = ctx.model.getCount(`live_set tracks ${t}`, 'clip_slots')
    for (let s = 0; s < n; s++) {
      const clip = `live_set tracks ${t} clip_slots ${s} clip`
      if (ctx.model.exists(clip)) fn(clip)
    }
  }
}

const allTracks = (ctx: Ctx) => Array.from({ length: ctx.model.getCount('live_set', 'tracks') }, (_, i) => i)

function filterClips(ctx: Ctx, args: readonly Arg[]): void {
  const wanted = new Set(args.map((a) => String(a.value)))
  eachClip(ctx, allTracks(ctx), (clip) => {
    const notes = notesOfName(String(ctx.model.get(clip, 'name')))
    if (notes === null) return
    ctx.model.set(clip, 'muted', !notes.every((n) => wanted.has(n)))
  })
}

function unfilterClips(ctx: Ctx, args: readonly Arg[]): void {
  const all = allTracks(ctx)
  const start = args[0] === undefined ? 0 : pyInt(args[0])
  const end = args[1] === undefined ? all.length : pyInt(args[1])
  eachClip(
    ctx,
    all.filter((t) => t >= start && t < end),
    (clip) => ctx.model.set(clip, 'muted', false as LomValue),
  )
}
