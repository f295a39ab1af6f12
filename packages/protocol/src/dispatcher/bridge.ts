import type { LomPath } from '../model/liveObjectModel.js'
import { registerMidimap } from './application.js'
import { type Arg, int, isPyStr, pyInt, str } from './arg.js'
import { childrenOf } from './bulk.js'
import { type Ctx, child, type Registry, trackPath } from './context.js'
import { type DeviceResolver, deviceHandlers } from './device.js'
import { startListen, stopListen } from './listeners.js'
import { emitter } from './property.js'
import { listIndexError, PyError } from './pyError.js'
import { abletonOscRegistry } from './registry.js'
import { remoteHandlers } from './remote.js'
import { selfTestHandlers } from './selfTest.js'
import { registerStrips } from './strips.js'
import { rawIndex, trackCallback } from './track.js'

/** The name `/live/bridge/hello` answers with. */
export const BRIDGE_NAME = 'live-bridge'

/**
 * The bridge's device resolution: track_id is a track index, `"return/<r>"` or `"master"`; device_id is a
 * top-level index or a chain path string `"d/c/d/..."` (`"0/1/2"`: devices 0 → chains 1 → devices 2).
 */
export const bridgeDevice: DeviceResolver = (ctx, args) => {
  const a = args[0]
  if (a === undefined) throw listIndexError()
  const b = args[1]
  if (b === undefined) throw listIndexError()
  let owner: LomPath
  let tid: Arg
  if (isPyStr(a) && a.value === 'master') [owner, tid] = ['live_set master_track', a]
  else if (isPyStr(a) && String(a.value).startsWith('return/')) {
    owner = child(ctx, 'live_set', 'return_tracks', pyInt(str(String(a.value).slice(7))))
    tid = a
  } else {
    const t = pyInt(a)
    ;[owner, tid] = [trackPath(ctx, t), int(t)]
  }
  if (isPyStr(b) && String(b.value).includes('/')) {
    const steps = String(b.value)
      .split('/')
      .map((s) => pyInt(str(s)))
    let path = owner
    steps.forEach((step, i) => {
      path = child(ctx, path, i % 2 === 0 ? 'devices' : 'chains', step)
    })
    if (steps.length % 2 === 0)
      throw new PyError('ValueError', `chain path ${String(b.value)} ends on a chain, not a device`)
    return { path, ids: [tid, b] }
  }
  const d = pyInt(b)
  return { path: child(ctx, owner, 'devices', d), ids: [tid, int(d)] }
}

/** The bridge's addresses: AbletonOSC's, with ids on device listeners, plus the extensions. */
export function bridgeRegistry(): Registry {
  const reg = abletonOscRegistry()
  for (const [address, handler] of deviceHandlers(bridgeDevice, true)) reg.set(`/live/device/${address}`, handler)
  reg.set('/live/bridge/hello', (ctx) => [str(BRIDGE_NAME), str(ctx.state.version)])
  for (const [address, handler] of remoteHandlers()) reg.set(address, handler)
  for (const [address, handler] of selfTestHandlers()) reg.set(address, handler)
  // The send listener AbletonOSC lacks (#130): `/live/track/start_listen/send t s` → `/live/track/get/send t s v`.
  reg.set(
    '/live/track/start_listen/send',
    trackCallback((ctx, track, _i, params) => {
      const keyArgs = params.slice(0, 2)
      const path = child(ctx, `${track} mixer_device`, 'sends', rawIndex(params[1]))
      startListen(ctx, {
        table: 'track',
        prop: 'send',
        keyArgs,
        path,
        lomProp: 'value',
        observable: true,
        emit: emitter(ctx, '/live/track/get/send', keyArgs, 'f'),
      })
      return undefined
    }, true),
  )
  reg.set(
    '/live/track/stop_listen/send',
    trackCallback((ctx, _track, _i, params) => {
      stopListen(ctx, 'track', 'send', params.slice(0, 2))
      return undefined
    }, true),
  )
  registerStrips(reg)
  // Max's LiveAPI has no MIDI map: the bridge validates map_cc and maps nothing.
  registerMidimap(reg, false)
  const devices = (ctx: Ctx, args: readonly Arg[]) => bridgeDevice(ctx, args)
  reg.set('/live/device/get/chains/name', (ctx, args) => {
    const { path, ids } = devices(ctx, args)
    return [...ids, ...childrenOf(ctx, path, 'chains', 'name', 's')]
  })
  reg.set('/live/device/get/chain/devices/name', (ctx, args) => {
    const { path, ids } = devices(ctx, args)
    const c = args[2]
    if (c === undefined) throw listIndexError()
    const chain = child(ctx, path, 'chains', pyInt(c))
    return [...ids, int(pyInt(c)), ...childrenOf(ctx, chain, 'devices', 'name', 's')]
  })
  const names = (ctx: Ctx, parent: LomPath, list: string) => {
    const out = childrenOf(ctx, parent, list, 'name', 's')
    return [int(out.length), ...out]
  }
  reg.set('/live/query/song/tracks', (ctx) => names(ctx, 'live_set', 'tracks'))
  reg.set('/live/query/song/scenes', (ctx) => names(ctx, 'live_set', 'scenes'))
  reg.set('/live/query/track/devices', (ctx, args) => {
    if (args[0] === undefined) throw listIndexError()
    const t = pyInt(args[0])
    return [int(t), ...names(ctx, trackPath(ctx, t), 'devices')]
  })
  return reg
}

/** A path-indexed alias rewritten to its canonical address; `reply` turns the canonical reply into the alias's. */
export interface Alias {
  readonly address: string
  readonly args: readonly Arg[]
  readonly reply: (rv: readonly Arg[]) => readonly Arg[]
}

const ALIASES: [RegExp, (m: RegExpMatchArray) => [string, string[]]][] = [
  [
    /^\/live\/track\/(\d+)\/device\/(\d+)\/(get|set)\/parameters\/(\d+)$/,
    (m) => [`/live/device/${m[3]}/parameter/value`, [m[1]!, m[2]!, m[4]!]],
  ],
  [/^\/live\/track\/(\d+)\/device\/(\d+)\/(.+)$/, (m) => [`/live/device/${m[3]}`, [m[1]!, m[2]!]]],
  [/^\/live\/track\/(\d+)\/(clip|clip_slot)\/(\d+)\/(.+)$/, (m) => [`/live/${m[2]}/${m[4]}`, [m[1]!, m[3]!]]],
  [/^\/live\/query\/track\/(\d+)\/devices$/, (m) => ['/live/query/track/devices', [m[1]!]]],
  [/^\/live\/track\/(\d+)\/(.+)$/, (m) => [`/live/track/${m[2]}`, [m[1]!]]],
  [/^\/live\/scene\/(\d+)\/(.+)$/, (m) => [`/live/scene/${m[2]}`, [m[1]!]]],
  [/^\/live\/return\/(\d+)\/(.+)$/, (m) => [`/live/return/${m[2]}`, [m[1]!]]],
]

/**
 * The path-indexed addresses tutorials use (`/live/track/0/set/volume 0.8`, `/live/track/0/clip/1/fire`,
 * `/live/track/0/device/0/get/parameters/2`...), as canonical ones. A reply goes back on the alias address
 * without the ids the address already carries (`/live/track/0/get/volume 0.85`).
 */
export function rewriteAlias(address: string, args: readonly Arg[]): Alias | undefined {
  for (const [pattern, rewrite] of ALIASES) {
    const m = address.match(pattern)
    if (m === null) continue
    const [canonical, ids] = rewrite(m)
    const echoed = canonical === '/live/device/get/parameter/value' ? 3 : ids.length
    return {
      address: canonical,
      args: [...ids.map((id) => int(Number(id))), ...args],
      reply: (rv) => rv.slice(echoed),
    }
  }
  return undefined
}
