import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, float, isPyInt, lomArg, nil, pyInt, pyTypeName, str, type ValueKind } from './arg.js'
import { type Ctx, child, clipPathOrNone, type Handler, lastIndex, refPath, trackPath } from './context.js'
import { kindOf } from './kinds.js'
import { PyError, unpackError } from './pyError.js'

function rangeArg(arg: Arg): number {
  if (!isPyInt(arg)) throw new PyError('TypeError', `'${pyTypeName(arg)}' object cannot be interpreted as an integer`)
  return Number(arg.value === true ? 1 : arg.value || 0)
}

function unpackTwo(args: readonly Arg[]): [Arg, Arg] {
  if (args.length < 2) throw unpackError(2, args.length)
  if (args.length > 2) throw new PyError('ValueError', 'too many values to unpack (expected 2)')
  return [args[0]!, args[1]!]
}

/** Python's lazy `range`: a huge range from a client fails on its first bad index instead of allocating it all. */
function* range(min: number, max: number): Generator<number> {
  for (let i = min; i < max; i++) yield i
}

/** Track-valued properties (`group_track`) become the track's index in `song.tracks`, or None. */
function trackIndexOf(value: LomValue): LomValue {
  if (value === null) return null
  const path = refPath(value)
  if (path === null) return value
  const index = path.startsWith('live_set tracks ') ? lastIndex(path, 'tracks') : undefined
  if (index === undefined) throw new PyError('ValueError', '<Track.Track object> is not in list')
  return index
}

/** The song's bulk getters: track_names, scenes/name, cue_points and track_data (no index echo). */
export function songBulkHandlers(): Record<'trackNames' | 'sceneNames' | 'cuePoints' | 'trackData', Handler> {
  const names = (ctx: Ctx, list: 'tracks' | 'scenes', args: readonly Arg[], minusOneIsAll: boolean) => {
    const n = ctx.model.getCount('live_set', list)
    let min = 0
    let max = n
    if (args.length > 0) {
      const [a, b] = unpackTwo(args)
      min = rangeArg(a)
      max = rangeArg(b)
      if (minusOneIsAll && max === -1) max = n
    }
    return Array.from(range(min, max), (i) => str(String(ctx.model.get(child(ctx, 'live_set', list, i), 'name'))))
  }
  return {
    trackNames: (ctx, args) => names(ctx, 'tracks', args, true),
    sceneNames: (ctx, args) => names(ctx, 'scenes', args, false),
    cuePoints: (ctx) => {
      const out: Arg[] = []
      const n = ctx.model.getCount('live_set', 'cue_points')
      for (let i = 0; i < n; i++) {
        const path = `live_set cue_points ${i}`
        out.push(lomArg(ctx.model.get(path, 'name'), 's'), float(Number(ctx.model.get(path, 'time'))))
      }
      return out
    },
    trackData: (ctx, args) => {
      if (args.length < 2)
        throw new PyError('ValueError', `not enough values to unpack (expected at least 2, got ${args.length})`)
      const min = pyInt(args[0]!)
      let max = pyInt(args[1]!)
      if (max === -1) max = ctx.model.getCount('live_set', 'tracks')
      const out: Arg[] = []
      for (const t of range(min, max)) {
        const track = trackPath(ctx, t)
        for (const propArg of args.slice(2)) {
          if (typeof propArg.value !== 'string') {
            throw new PyError('AttributeError', `'${pyTypeName(propArg)}' object has no attribute 'split'`)
          }
          const parts = propArg.value.split('.')
          if (parts.length < 2) throw unpackError(2, parts.length)
          if (parts.length > 2) throw new PyError('ValueError', 'too many values to unpack (expected 2)')
          const [obj = '', name = ''] = parts
          out.push(...trackDataValues(ctx, track, obj, name))
        }
      }
      return out
    },
  }
}

function trackDataValues(ctx: Ctx, track: LomPath, obj: string, name: string): Arg[] {
  const { model } = ctx
  const kind = (o: string): ValueKind => kindOf(o, name)
  switch (obj) {
    case 'track':
      if (name === 'num_devices') return [lomArg(model.getCount(track, 'devices'), 'i')]
      return [lomArg(trackIndexOf(model.get(track, name)), kind('track'))]
    case 'clip':
      return slots(ctx, track).map((slot) => {
        const clip = clipPathOrNone(ctx, slot)
        return clip === null ? nil : lomArg(model.get(clip, name), kind('clip'))
      })
    case 'clip_slot':
      return slots(ctx, track).map((slot) => lomArg(model.get(slot, name), kind('clip_slot')))
    case 'device':
      return Array.from(range(0, model.getCount(track, 'devices')), (d) =>
        lomArg(model.get(`${track} devices ${d}`, name), kind('device')),
      )
    default:
      // AbletonOSC logs "Unknown object identifier in get/track_data: <obj>"; /live/error keeps what follows ': '.
      ctx.send({ address: '/live/error', types: 's', args: [obj] }, ctx.target)
      return []
  }
}

/** The clip slot paths of a track. */
export function slots(ctx: Ctx, track: LomPath): LomPath[] {
  return Array.from(range(0, ctx.model.getCount(track, 'clip_slots')), (i) => `${track} clip_slots ${i}`)
}

/** Per-slot clip values of a track (`clips/name` etc.): nil for empty slots. */
export function clipsOf(ctx: Ctx, track: LomPath, name: string, kind: ValueKind): Arg[] {
  return slots(ctx, track).map((slot) => {
    const clip = clipPathOrNone(ctx, slot)
    return clip === null ? nil : lomArg(ctx.model.get(clip, name), kind)
  })
}

/** One value per child object (`devices/name`, `arrangement_clips/start_time`...). */
export function childrenOf(ctx: Ctx, parent: LomPath, list: string, name: string, kind: ValueKind): Arg[] {
  return Array.from(range(0, ctx.model.getCount(parent, list)), (i) =>
    lomArg(ctx.model.get(`${parent} ${list} ${i}`, name), kind),
  )
}
