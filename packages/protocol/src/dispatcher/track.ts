import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, int, isPyInt, lomArg, pyInt, pyTupleRepr, pyTypeName, str } from './arg.js'
import { childrenOf, clipsOf } from './bulk.js'
import { type Ctx, child, type Handler, type Registry, trackPath } from './context.js'
import { TRACK_R, TRACK_RW } from './kinds.js'
import { propertyListeners, startListen, stopListen } from './listeners.js'
import { emitter, readArg, setterValue } from './property.js'
import { invalidIndexType, listIndexError, PyError, signatureError, tupleIndexError, unpackError } from './pyError.js'

/** A track operation: the track's path and index, and the arguments after track_id. */
export type TrackFn = (ctx: Ctx, track: LomPath, index: number, params: readonly Arg[]) => readonly Arg[] | undefined

/**
 * AbletonOSC's track wrapper: `track_id` int-converted, or `"*"` for every track; returns after the first
 * reply (so getters answer for track 0 only). With `includeTrackId` the int id leads the params (listeners).
 */
export function trackCallback(fn: TrackFn, includeTrackId = false): Handler {
  return (ctx, args) => {
    const first = args[0]
    if (first === undefined) throw listIndexError()
    const indices =
      first.value === '*'
        ? Array.from({ length: ctx.model.getCount('live_set', 'tracks') }, (_, i) => i)
        : [pyInt(first)]
    for (const index of indices) {
      const track = trackPath(ctx, index)
      const params = includeTrackId ? [int(index), ...args.slice(1)] : args.slice(1)
      const rv = fn(ctx, track, index, params)
      if (rv !== undefined) return [int(index), ...rv]
    }
    return undefined
  }
}

/** A vector index that AbletonOSC does not int-convert: anything but an int is 'Invalid index type'. */
export function rawIndex(arg: Arg | undefined): number {
  if (arg === undefined) throw tupleIndexError()
  if (!isPyInt(arg)) throw invalidIndexType()
  return arg.value === true ? 1 : arg.value === false ? 0 : Number(arg.value)
}

function unpack(params: readonly Arg[], n: number): Arg[] {
  if (params.length < n) throw unpackError(n, params.length)
  if (params.length > n) throw new PyError('ValueError', `too many values to unpack (expected ${n})`)
  return [...params]
}

/** Routing objects arrive as `{display_name}` objects, JSON strings, or plain names. */
function displayName(value: unknown): string {
  if (typeof value === 'string') {
    if (value.startsWith('{')) return displayName(JSON.parse(value))
    return value
  }
  if (value !== null && typeof value === 'object') {
    if ('display_name' in value) return String(value.display_name)
    // LiveAPI wraps a routing property's value in an object keyed by the property name.
    const inner = Object.values(value)
    if (inner.length === 1) return displayName(inner[0])
  }
  return String(value)
}

function routingList(value: LomValue): unknown[] {
  let v: unknown = value
  if (typeof v === 'string' && (v.startsWith('[') || v.startsWith('{'))) v = JSON.parse(v)
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) v = Object.values(v)[0]
  return Array.isArray(v) ? v : []
}

/** Registers `/live/track/...` in AbletonOSC's order. */
export function registerTrack(reg: Registry): void {
  const t = (address: string, fn: TrackFn, includeTrackId = false) =>
    reg.set(`/live/track/${address}`, trackCallback(fn, includeTrackId))
  t('delete_device', (ctx, track, _i, params) => {
    const d = params[0]
    if (d === undefined) throw tupleIndexError()
    if (!isPyInt(d)) throw signatureError('Track', 'delete_device', [pyTypeName(d)], ['int'])
    ctx.model.call(track, 'delete_device', [Number(d.value)])
    return undefined
  })
  t('stop_all_clips', (ctx, track, _i, params) => {
    ctx.model.call(
      track,
      'stop_all_clips',
      params.map((p) => p.value as LomValue),
    )
    return undefined
  })
  for (const prop of [...TRACK_R, ...TRACK_RW]) {
    t(`get/${prop.name}`, (ctx, track, _i, params) => [readArg(ctx, track, prop), ...params])
    const listen = propertyListeners('track', 'track', prop)
    t(`start_listen/${prop.name}`, (ctx, track, _i, params) => listen.start(ctx, track, params), true)
    t(`stop_listen/${prop.name}`, (ctx, track, _i, params) => listen.stop(ctx, track, params), true)
  }
  for (const prop of TRACK_RW) {
    t(`set/${prop.name}`, (ctx, track, _i, params) => {
      const value = params[0]
      if (value === undefined) throw tupleIndexError()
      ctx.model.set(track, prop.name, setterValue('Track', prop.kind, value))
      return undefined
    })
  }
  for (const prop of ['volume', 'panning']) {
    const getAddress = `/live/track/get/${prop}`
    const param = (track: LomPath) => `${track} mixer_device ${prop}`
    t(`get/${prop}`, (ctx, track) => [lomArg(ctx.model.get(param(track), 'value'), 'f')])
    t(`set/${prop}`, (ctx, track, _i, params) => {
      const value = params[0]
      if (value === undefined) throw tupleIndexError()
      ctx.model.set(param(track), 'value', setterValue('DeviceParameter', 'f', value))
      return undefined
    })
    t(
      `start_listen/${prop}`,
      (ctx, track, _i, params) => {
        startListen(ctx, {
          table: 'track',
          prop,
          keyArgs: params,
          path: param(track),
          lomProp: 'value',
          observable: true,
          reloadable: false,
          keyRepr: `('${prop}', ${pyTupleRepr(params)})`,
          emit: emitter(ctx, getAddress, params, 'f'),
        })
        return undefined
      },
      true,
    )
    t(
      `stop_listen/${prop}`,
      (ctx, _track, _i, params) => {
        stopListen(ctx, 'track', prop, params)
        return undefined
      },
      true,
    )
  }
  t('get/send', (ctx, track, _i, params) => {
    const [sendId] = unpack(params, 1) as [Arg]
    const path = child(ctx, `${track} mixer_device`, 'sends', rawIndex(sendId))
    return [sendId, lomArg(ctx.model.get(path, 'value'), 'f')]
  })
  t('set/send', (ctx, track, _i, params) => {
    const [sendId, value] = unpack(params, 2) as [Arg, Arg]
    const path = child(ctx, `${track} mixer_device`, 'sends', rawIndex(sendId))
    ctx.model.set(path, 'value', setterValue('DeviceParameter', 'f', value))
    return undefined
  })
  t('delete_clip', (ctx, track, _i, params) => {
    ctx.model.call(child(ctx, track, 'clip_slots', rawIndex(params[0])), 'delete_clip', [])
    return undefined
  })
  const lists: [string, (ctx: Ctx, track: LomPath) => Arg[]][] = [
    ['clips/name', (ctx, track) => clipsOf(ctx, track, 'name', 's')],
    ['clips/length', (ctx, track) => clipsOf(ctx, track, 'length', 'f')],
    ['clips/color', (ctx, track) => clipsOf(ctx, track, 'color', 'i')],
    ['arrangement_clips/name', (ctx, track) => childrenOf(ctx, track, 'arrangement_clips', 'name', 's')],
    ['arrangement_clips/length', (ctx, track) => childrenOf(ctx, track, 'arrangement_clips', 'length', 'f')],
    ['arrangement_clips/start_time', (ctx, track) => childrenOf(ctx, track, 'arrangement_clips', 'start_time', 'f')],
    ['num_devices', (ctx, track) => [int(ctx.model.getCount(track, 'devices'))]],
    ['devices/name', (ctx, track) => childrenOf(ctx, track, 'devices', 'name', 's')],
    ['devices/type', (ctx, track) => childrenOf(ctx, track, 'devices', 'type', 'i')],
    ['devices/class_name', (ctx, track) => childrenOf(ctx, track, 'devices', 'class_name', 's')],
    ['devices/can_have_chains', (ctx, track) => childrenOf(ctx, track, 'devices', 'can_have_chains', 'b')],
  ]
  for (const [name, fn] of lists) t(`get/${name}`, (ctx, track) => fn(ctx, track))
  for (const direction of ['output', 'input']) {
    const available = (ctx: Ctx, track: LomPath, what: string) =>
      routingList(ctx.model.get(track, `available_${direction}_routing_${what}`))
    t(`get/available_${direction}_routing_types`, (ctx, track) =>
      available(ctx, track, 'types').map((r) => str(displayName(r))),
    )
    t(`get/available_${direction}_routing_channels`, (ctx, track) =>
      available(ctx, track, 'channels').map((r) => str(displayName(r))),
    )
    for (const what of ['type', 'channel']) {
      const prop = `${direction}_routing_${what}`
      t(`get/${prop}`, (ctx, track) => [str(displayName(ctx.model.get(track, prop)))])
      t(`set/${prop}`, (ctx, track, _i, params) => {
        const name = params[0]
        if (name === undefined) throw tupleIndexError()
        const wanted = String(name.value)
        const match = available(ctx, track, `${what}s`).find((r) => displayName(r) === wanted)
        // No match: AbletonOSC only logs a warning.
        if (match !== undefined) ctx.model.set(track, prop, match as LomValue)
        return undefined
      })
    }
  }
}
