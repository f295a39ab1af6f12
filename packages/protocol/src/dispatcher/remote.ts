import type { LiveObjectModel, LomPath } from '../model/liveObjectModel.js'
import type { OscValue } from '../osc/types.js'
import type { Ctx, Handler } from './context.js'

/** Where `/live/bridge/remote/parameter` sends: the parameter's path, or the text of the `/live/error` to answer. */
export type RemoteTarget = { readonly path: LomPath } | { readonly error: string }

/**
 * The DeviceParameter that `t d p` names for the bridge's live.remote~ addresses: t a track index, `master` or
 * `return/<r>`; d a device index or a chain path `d/c/d`; p a parameter index. Shared by the Max for Live device
 * and the simulator's bridge flavour, so both refuse with the same words.
 *
 * @example
 * remoteParameterPath(model, [0, '1/0/2', 3]) // { path: 'live_set tracks 0 devices 1 chains 0 devices 2 parameters 3' }
 */
export function remoteParameterPath(model: Pick<LiveObjectModel, 'exists'>, args: readonly OscValue[]): RemoteTarget {
  const [t, d, p] = args
  let owner: LomPath
  if (t === 'master') owner = 'live_set master_track'
  else if (typeof t === 'string' && /^return\/\d+$/.test(t)) owner = `live_set return_tracks ${t.slice(7)}`
  else if (typeof t === 'number' && Number.isInteger(t) && t >= 0) owner = `live_set tracks ${t}`
  else return { error: `track id ${String(t)} is not a track index, "master" or "return/<r>"` }
  const steps = typeof d === 'number' ? [d] : typeof d === 'string' ? d.split('/').map(Number) : []
  if (steps.length === 0 || steps.length % 2 === 0 || steps.some((s) => !Number.isInteger(s) || s < 0)) {
    return { error: `device id ${String(d)} is not a device index or a chain path like "0/1/2"` }
  }
  const device = steps.reduce((path, step, i) => `${path} ${i % 2 === 0 ? 'devices' : 'chains'} ${step}`, owner)
  const path = `${device} parameters ${String(p)}`
  if (typeof p !== 'number' || !Number.isInteger(p) || !model.exists(path)) {
    return { error: `no parameter ${String(p)} on device ${String(d)} of track ${String(t)}` }
  }
  return { path }
}

/** The value check of `/live/bridge/remote/parameter`: undefined when `value` fits the parameter, else the error text. */
export function remoteValueError(model: Pick<LiveObjectModel, 'get'>, path: LomPath, value: OscValue | undefined) {
  const address = '/live/bridge/remote/parameter'
  if (typeof value !== 'number') return `${address} needs a number as value, got ${String(value)}`
  const min = Number(model.get(path, 'min'))
  const max = Number(model.get(path, 'max'))
  if (value < min || value > max)
    return `${address} value ${value} is out of range: this parameter takes ${min} to ${max}`
  return undefined
}

/**
 * The bridge's `/live/bridge/remote/*` for servers with no live.remote~ (the simulator): the value is written
 * without an undo step where the model can (`setWithoutUndo`); release has nothing to hand back.
 */
export function remoteHandlers(): [string, Handler][] {
  const refuse = (ctx: Ctx, text: string) => {
    ctx.send({ address: '/live/error', types: 's', args: [text] }, ctx.client)
    return undefined
  }
  return [
    [
      '/live/bridge/remote/parameter',
      (ctx, args) => {
        const values = args.map((a) => a.value)
        const target = remoteParameterPath(ctx.model, values)
        if ('error' in target) return refuse(ctx, target.error)
        const error = remoteValueError(ctx.model, target.path, values[3])
        if (error !== undefined) return refuse(ctx, error)
        const write = ctx.model.setWithoutUndo ?? ctx.model.set
        write.call(ctx.model, target.path, 'value', values[3] as number)
        return undefined
      },
    ],
    [
      '/live/bridge/remote/release',
      (ctx, args) => {
        if (args.length === 0) return undefined
        const target = remoteParameterPath(
          ctx.model,
          args.map((a) => a.value),
        )
        return 'error' in target ? refuse(ctx, target.error) : undefined
      },
    ],
  ]
}
