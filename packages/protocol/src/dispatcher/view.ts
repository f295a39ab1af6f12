import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, int, messageOf } from './arg.js'
import { type Ctx, child, lastIndex, type Registry, refPath, scenePath, trackPath } from './context.js'
import { listenerKey } from './listeners.js'
import { listIndexError, PyError } from './pyError.js'
import { rawIndex } from './track.js'

const notInList = (what: string | null) =>
  new PyError('ValueError', `${what === null ? 'None' : `<${what} object>`} is not in list`)

/** `list(song.<list>).index(obj)`: the index of an object in a top-level list, or Python's ValueError. */
function indexIn(value: LomValue, list: 'tracks' | 'scenes', className: string): number {
  const path = refPath(value)
  const index = path?.startsWith(`live_set ${list} `) ? lastIndex(path, list) : undefined
  if (index === undefined) throw notInList(path === null ? null : className)
  return index
}

const selectedTrack = (ctx: Ctx) => indexIn(ctx.model.get('live_set view', 'selected_track'), 'tracks', 'Track.Track')
const selectedScene = (ctx: Ctx) => indexIn(ctx.model.get('live_set view', 'selected_scene'), 'scenes', 'Scene.Scene')

function selectedDevice(ctx: Ctx): [number, number] {
  const t = selectedTrack(ctx)
  const track = `live_set tracks ${t}`
  const device = refPath(ctx.model.get(`${track} view`, 'selected_device'))
  const d = device?.startsWith(`${track} devices `) ? lastIndex(device, 'devices') : undefined
  if (d === undefined) throw notInList(device === null ? null : 'Device.Device')
  return [t, d]
}

const ref = (path: LomPath): LomValue => ({ path })
const rawArg = (args: readonly Arg[], i: number) => {
  if (args[i] === undefined) throw listIndexError()
  return rawIndex(args[i])
}

/** Registers `/live/view/...` in AbletonOSC's order. */
export function registerView(reg: Registry): void {
  const getters: Record<string, (ctx: Ctx) => number[]> = {
    selected_scene: (ctx) => [selectedScene(ctx)],
    selected_track: (ctx) => [selectedTrack(ctx)],
    selected_clip: (ctx) => [selectedTrack(ctx), selectedScene(ctx)],
    selected_device: selectedDevice,
  }
  for (const [name, getter] of Object.entries(getters)) reg.set(`/live/view/get/${name}`, (ctx) => getter(ctx).map(int))
  reg.set('/live/view/set/selected_scene', (ctx, args) => {
    ctx.model.set('live_set view', 'selected_scene', ref(scenePath(ctx, rawArg(args, 0))))
    return undefined
  })
  reg.set('/live/view/set/selected_track', (ctx, args) => {
    ctx.model.set('live_set view', 'selected_track', ref(trackPath(ctx, rawArg(args, 0))))
    return undefined
  })
  reg.set('/live/view/set/selected_clip', (ctx, args) => {
    ctx.model.set('live_set view', 'selected_track', ref(trackPath(ctx, rawArg(args, 0))))
    ctx.model.set('live_set view', 'selected_scene', ref(scenePath(ctx, rawArg(args, 1))))
    return undefined
  })
  reg.set('/live/view/set/selected_device', (ctx, args) => {
    const device = child(ctx, trackPath(ctx, rawArg(args, 0)), 'devices', rawArg(args, 1))
    ctx.model.call('live_set view', 'select_device', [ref(device)])
    return [args[0]!, args[1]!]
  })
  for (const name of ['selected_scene', 'selected_track'] as const) {
    const getter = getters[name]!
    reg.set(`/live/view/start_listen/${name}`, (ctx, args) => {
      const table = ctx.listeners('view')
      const key = listenerKey(name, args)
      table.get(key)?.stop()
      const to = ctx.target
      const emit = () => ctx.send(messageOf(`/live/view/get/${name}`, [...args, ...getter(ctx).map(int)]), to)
      const stop = ctx.model.observe('live_set view', name, () => {
        try {
          emit()
        } catch {}
      })
      table.set(key, { stop, reloadable: true, keyRepr: '' })
      emit()
      return undefined
    })
  }
  for (const name of ['selected_scene', 'selected_track'] as const) {
    reg.set(`/live/view/stop_listen/${name}`, (ctx, args) => {
      const table = ctx.listeners('view')
      const key = listenerKey(name, args)
      table.get(key)?.stop()
      table.delete(key)
      return undefined
    })
  }
}
