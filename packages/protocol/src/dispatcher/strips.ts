import type { LomPath } from '../model/liveObjectModel.js'
import { type Arg, int, lomArg, pyInt, str, type ValueKind } from './arg.js'
import { childrenOf } from './bulk.js'
import { type Ctx, child, type Handler, type Registry } from './context.js'
import { startListen, stopListen } from './listeners.js'
import { emitter, type PropSpec, props, readArg, setterValue } from './property.js'
import { listIndexError, tupleIndexError } from './pyError.js'
import { rawIndex } from './track.js'

/** Resolves a mixer strip (return or master track) from the request: its path, the ids to echo, the rest. */
type StripResolver = (ctx: Ctx, args: readonly Arg[]) => { path: LomPath; ids: Arg[]; rest: readonly Arg[] }

const returnTrack: StripResolver = (ctx, args) => {
  const a = args[0]
  if (a === undefined) throw listIndexError()
  const r = pyInt(a)
  return { path: child(ctx, 'live_set', 'return_tracks', r), ids: [int(r)], rest: args.slice(1) }
}
const masterTrack: StripResolver = (_ctx, args) => ({ path: 'live_set master_track', ids: [], rest: args })

/** Track properties the bridge exposes on return tracks (`!` read-only). */
const RETURN_PROPS = props(
  'name:s color:i color_index:i mute:b solo:b output_meter_level:f! output_meter_left:f! output_meter_right:f!',
)
/** Track properties the bridge exposes on the master track. */
const MASTER_PROPS = props(
  'name:s! color:i color_index:i output_meter_level:f! output_meter_left:f! output_meter_right:f!',
)

/** MixerDevice properties per family: the crossfader side, 0 = A, 1 = none, 2 = B, "not in master track" (https://docs.cycling74.com/apiref/lom/mixerdevice). */
const MIXER_PROPS = { return: props('crossfade_assign:i'), master: [] }

/** Mixer parameters (DeviceParameter values) per family. */
const MIXERS = { return: ['volume', 'panning'], master: ['volume', 'panning', 'cue_volume', 'crossfader'] }

/** One family's handlers; exported for the catalogue test. */
function registerStrip(reg: Registry, family: 'return' | 'master', resolve: StripResolver, list: typeof RETURN_PROPS) {
  const on = (
    verb: string,
    name: string,
    fn: (ctx: Ctx, path: LomPath, ids: Arg[], rest: readonly Arg[]) => readonly Arg[] | undefined,
  ) => {
    const handler: Handler = (ctx, args) => {
      const { path, ids, rest } = resolve(ctx, args)
      const rv = fn(ctx, path, ids, rest)
      return rv === undefined ? undefined : [...ids, ...rv]
    }
    reg.set(`/live/${family}/${verb}/${name}`, handler)
  }
  const listenable = (
    name: string,
    target: (path: LomPath, rest: readonly Arg[]) => [LomPath, string],
    kind: ValueKind,
    extraKey = 0,
  ) => {
    const getAddress = `/live/${family}/get/${name}`
    on('start_listen', name, (ctx, path, ids, rest) => {
      const [observed, prop] = target(path, rest)
      const keyArgs = [...ids, ...rest.slice(0, extraKey)]
      startListen(ctx, {
        table: family,
        prop: name,
        keyArgs,
        path: observed,
        lomProp: prop,
        observable: true,
        emit: emitter(ctx, getAddress, keyArgs, kind),
      })
      return undefined
    })
    on('stop_listen', name, (ctx, _path, ids, rest) => {
      stopListen(ctx, family, name, [...ids, ...rest.slice(0, extraKey)])
      return undefined
    })
  }
  /** Plain properties of the strip (`at` the track) or of its mixer (`at` its mixer_device): get, set unless `!`, listen. */
  const properties = (specs: readonly PropSpec[], at: (path: LomPath) => LomPath, className: string) => {
    for (const prop of specs) {
      on('get', prop.name, (ctx, path) => [readArg(ctx, at(path), prop)])
      if (prop.observable) {
        on('set', prop.name, (ctx, path, _ids, rest) => {
          if (rest[0] === undefined) throw tupleIndexError()
          ctx.model.set(at(path), prop.name, setterValue(className, prop.kind, rest[0]))
          return undefined
        })
      }
      listenable(prop.name, (path) => [at(path), prop.name], prop.kind)
    }
  }
  properties(list, (path) => path, 'Track')
  for (const mixer of MIXERS[family]) {
    const param = (path: LomPath) => `${path} mixer_device ${mixer}`
    on('get', mixer, (ctx, path) => [lomArg(ctx.model.get(param(path), 'value'), 'f')])
    on('set', mixer, (ctx, path, _ids, rest) => {
      if (rest[0] === undefined) throw tupleIndexError()
      ctx.model.set(param(path), 'value', setterValue('DeviceParameter', 'f', rest[0]))
      return undefined
    })
    listenable(mixer, (path) => [param(path), 'value'], 'f')
  }
  properties(MIXER_PROPS[family], (path) => `${path} mixer_device`, 'MixerDevice')
  if (family === 'return') {
    const send = (ctx: Ctx, path: LomPath, id: Arg | undefined) =>
      child(ctx, `${path} mixer_device`, 'sends', rawIndex(id))
    on('get', 'send', (ctx, path, _ids, rest) => [
      rest[0] ?? int(0),
      lomArg(ctx.model.get(send(ctx, path, rest[0]), 'value'), 'f'),
    ])
    on('set', 'send', (ctx, path, _ids, rest) => {
      if (rest[1] === undefined) throw tupleIndexError()
      ctx.model.set(send(ctx, path, rest[0]), 'value', setterValue('DeviceParameter', 'f', rest[1]))
      return undefined
    })
  }
  on('get', 'num_devices', (ctx, path) => [int(ctx.model.getCount(path, 'devices'))])
  on('get', 'devices/name', (ctx, path) => childrenOf(ctx, path, 'devices', 'name', 's'))
}

/** Registers the bridge's `/live/return/...` and `/live/master/...` families and the song's return-track getters. */
export function registerStrips(reg: Registry): void {
  reg.set('/live/song/get/num_return_tracks', (ctx) => [int(ctx.model.getCount('live_set', 'return_tracks'))])
  reg.set('/live/song/get/return_track_names', (ctx) =>
    childrenOf(ctx, 'live_set', 'return_tracks', 'name', 's').map((a) => (a.tag === 's' ? a : str(String(a.value)))),
  )
  registerStrip(reg, 'return', returnTrack, RETURN_PROPS)
  registerStrip(reg, 'master', masterTrack, MASTER_PROPS)
}
