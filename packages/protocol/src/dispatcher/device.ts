import type { LomPath } from '../model/liveObjectModel.js'
import { type Arg, int, lomArg, messageOf, pyInt, pyTupleRepr, str } from './arg.js'
import { childrenOf } from './bulk.js'
import { type Ctx, child, devicePath, type Handler, type Registry } from './context.js'
import { DEVICE_R } from './kinds.js'
import { startListen, stopListen } from './listeners.js'
import { emitter, readArg, setterValue } from './property.js'
import { listIndexError, tupleIndexError, unpackError } from './pyError.js'
import { rawIndex } from './track.js'

/** A device operation with its path and the arguments after the ids (all of them with `includeIds`). */
export type DeviceFn = (ctx: Ctx, device: LomPath, params: readonly Arg[]) => readonly Arg[] | undefined

/** Resolves a device from the request's first two arguments; returns its path and the ids to echo. */
export type DeviceResolver = (ctx: Ctx, args: readonly Arg[]) => { path: LomPath; ids: [Arg, Arg] }

/** AbletonOSC's resolution: `song.tracks[int(t)].devices[int(d)]`, top-level devices only. */
export const topLevelDevice: DeviceResolver = (ctx, args) => {
  const a = args[0]
  if (a === undefined) throw listIndexError()
  const t = pyInt(a)
  const b = args[1]
  if (b === undefined) throw listIndexError()
  const d = pyInt(b)
  return { path: devicePath(ctx, t, d), ids: [int(t), int(d)] }
}

/** AbletonOSC's device wrapper: resolves the device, echoes the ids before a reply. */
export function deviceCallback(fn: DeviceFn, includeIds = false, resolve: DeviceResolver = topLevelDevice): Handler {
  return (ctx, args) => {
    const { path, ids } = resolve(ctx, args)
    const rv = fn(ctx, path, includeIds ? args : args.slice(2))
    return rv === undefined ? undefined : [...ids, ...rv]
  }
}

/** The string Live shows for a parameter's current value. */
export function valueString(ctx: Ctx, parameter: LomPath): string {
  return String(ctx.model.call(parameter, 'str_for_value', [ctx.model.get(parameter, 'value')]))
}

/** The device handlers, shared by AbletonOSC's addresses and the bridge's nested-device extension. */
export function deviceHandlers(resolve: DeviceResolver = topLevelDevice, bridge = false): [string, Handler][] {
  const out: [string, Handler][] = []
  const on = (address: string, fn: DeviceFn, includeIds = false) =>
    out.push([address, deviceCallback(fn, includeIds, resolve)])
  for (const prop of DEVICE_R) {
    const getAddress = `/live/device/get/${prop.name}`
    on(`get/${prop.name}`, (ctx, device, params) => [readArg(ctx, device, prop), ...params])
    // AbletonOSC registers these without the ids: one key per property for all devices, messages
    // carry no ids. The bridge passes the ids (one listener per device, messages carry them).
    on(
      `start_listen/${prop.name}`,
      (ctx, device, params) => {
        startListen(ctx, {
          table: 'device',
          prop: prop.name,
          keyArgs: params,
          path: device,
          lomProp: prop.name,
          observable: prop.observable,
          orphanOnReplace: !bridge,
          emit: emitter(ctx, getAddress, params, prop.kind),
        })
        return undefined
      },
      bridge,
    )
    on(
      `stop_listen/${prop.name}`,
      (ctx, _device, params) => {
        stopListen(ctx, 'device', prop.name, params)
        return undefined
      },
      bridge,
    )
  }
  on('get/num_parameters', (ctx, device) => [int(ctx.model.getCount(device, 'parameters'))])
  for (const [name, kind] of [
    ['name', 's'],
    ['value', 'f'],
    ['min', 'f'],
    ['max', 'f'],
    ['is_quantized', 'b'],
  ] as const) {
    on(`get/parameters/${name}`, (ctx, device) => childrenOf(ctx, device, 'parameters', name, kind))
  }
  on('set/parameters/value', (ctx, device, params) => {
    params.forEach((value, i) => {
      ctx.model.set(child(ctx, device, 'parameters', i), 'value', setterValue('DeviceParameter', 'f', value))
    })
    return undefined
  })
  const parameter = (ctx: Ctx, device: LomPath, arg: Arg | undefined): [number, LomPath] => {
    if (arg === undefined) throw tupleIndexError()
    const p = pyInt(arg)
    return [p, child(ctx, device, 'parameters', p)]
  }
  on('get/parameter/value', (ctx, device, params) => {
    const [p, path] = parameter(ctx, device, params[0])
    return [int(p), lomArg(ctx.model.get(path, 'value'), 'f')]
  })
  on('get/parameter/value_string', (ctx, device, params) => {
    const [p, path] = parameter(ctx, device, params[0])
    return [int(p), str(valueString(ctx, path))]
  })
  on('set/parameter/value', (ctx, device, params) => {
    if (params.length < 2) throw unpackError(2, params.length)
    const [, path] = parameter(ctx, device, params[0])
    ctx.model.set(path, 'value', setterValue('DeviceParameter', 'f', params[1]!))
    return undefined
  })
  on('get/parameter/name', (ctx, device, params) => {
    const [p, path] = parameter(ctx, device, params[0])
    return [int(p), lomArg(ctx.model.get(path, 'name'), 's')]
  })
  on(
    'start_listen/parameter/value',
    (ctx, device, params) => {
      // parameter_id is not int-converted here: a float is Live's 'Invalid index type'.
      if (params[2] === undefined) throw listIndexError()
      const path = child(ctx, device, 'parameters', rawIndex(params[2]))
      const to = ctx.target
      const valueOut = emitter(ctx, '/live/device/get/parameter/value', params, 'f')
      startListen(ctx, {
        table: 'device',
        prop: 'device_parameter_value',
        keyArgs: params,
        path,
        lomProp: 'value',
        observable: true,
        reloadable: false,
        keyRepr: `('device_parameter_value', ${pyTupleRepr(params)})`,
        emit: (value) => {
          valueOut(value)
          ctx.send(messageOf('/live/device/get/parameter/value_string', [...params, str(valueString(ctx, path))]), to)
        },
      })
      return undefined
    },
    true,
  )
  on(
    'stop_listen/parameter/value',
    (ctx, device, params) => {
      stopListen(ctx, 'device', 'device_parameter_value', params, () => {
        if (params[2] === undefined) throw listIndexError()
        child(ctx, device, 'parameters', rawIndex(params[2]))
      })
      return undefined
    },
    true,
  )
  return out
}

/** Registers `/live/device/...` in AbletonOSC's order. */
export function registerDevice(reg: Registry): void {
  for (const [address, handler] of deviceHandlers()) reg.set(`/live/device/${address}`, handler)
}
