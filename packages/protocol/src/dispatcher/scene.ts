import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, int, pyInt } from './arg.js'
import { type Ctx, type Handler, type Registry, refPath, scenePath } from './context.js'
import { SCENE_R, SCENE_RW } from './kinds.js'
import { propertyListeners } from './listeners.js'
import { readArg, setterValue } from './property.js'
import { listIndexError, PyError, tupleIndexError } from './pyError.js'

type SceneFn = (ctx: Ctx, scene: LomPath, params: readonly Arg[]) => readonly Arg[] | undefined

function sceneCallback(fn: SceneFn, passId = false): Handler {
  return (ctx, args) => {
    const a = args[0]
    if (a === undefined) throw listIndexError()
    const index = pyInt(a)
    const rv = fn(ctx, scenePath(ctx, index), passId ? args : args.slice(1))
    return rv === undefined ? undefined : [int(index), ...rv]
  }
}

/** Registers `/live/scene/...` in AbletonOSC's order. */
export function registerScene(reg: Registry): void {
  const s = (address: string, fn: SceneFn, passId = false) =>
    reg.set(`/live/scene/${address}`, sceneCallback(fn, passId))
  for (const method of ['fire', 'fire_as_selected']) {
    s(method, (ctx, scene, params) => {
      ctx.model.call(
        scene,
        method,
        params.map((p) => p.value as LomValue),
      )
      return undefined
    })
  }
  for (const prop of [...SCENE_R, ...SCENE_RW]) {
    s(`get/${prop.name}`, (ctx, scene, params) => [readArg(ctx, scene, prop), ...params])
    const listen = propertyListeners('scene', 'scene', prop)
    s(`start_listen/${prop.name}`, listen.start, true)
    s(`stop_listen/${prop.name}`, listen.stop, true)
  }
  for (const prop of SCENE_RW) {
    s(`set/${prop.name}`, (ctx, scene, params) => {
      const value = params[0]
      if (value === undefined) throw tupleIndexError()
      ctx.model.set(scene, prop.name, setterValue('Scene', prop.kind, value))
      return undefined
    })
  }
  reg.set('/live/scene/fire_selected', (ctx) => {
    const scene = refPath(ctx.model.get('live_set view', 'selected_scene'))
    if (scene === null) throw new PyError('AttributeError', "'NoneType' object has no attribute 'fire_as_selected'")
    ctx.model.call(scene, 'fire_as_selected', [])
    return undefined
  })
}
