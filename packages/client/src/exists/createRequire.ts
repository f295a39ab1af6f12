import { deviceKey, type ParameterNameCache, parameterNameError, parameterNames } from '../api/createDevice.js'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore } from '../core/createCore.js'
import type { SetShape } from './createSetShape.js'
import { noClipError } from './notFound.js'

/**
 * `live.require`: checks that an object exists before you use it, with the client's one rule for "does
 * not exist". Each resolves when the object is there and rejects with a `LiveError` `NOT_FOUND` naming
 * what was asked and what exists (`details`: `what`, `index`, `owner`, `count`); negative indices are
 * refused without asking the server. Counts come from what the client knows of the set, read again
 * whenever they say no, so a track just added in Live is found.
 */
export interface RequireApi {
  /** The track exists (`song.tracks`: not a return track nor the master). */
  track(trackId: number, options?: CallOptions): Promise<void>
  /** The scene exists. */
  scene(sceneId: number, options?: CallOptions): Promise<void>
  /** The clip slot exists (its track and its scene). */
  clipSlot(trackId: number, sceneId: number, options?: CallOptions): Promise<void>
  /** The clip slot exists and holds a clip (read each time: clips come and go as Live plays and records). */
  clip(trackId: number, sceneId: number, options?: CallOptions): Promise<void>
  /** The return track exists (counted on the bridge only; on AbletonOSC, which cannot address return tracks, it checks nothing). */
  returnTrack(returnId: number, options?: CallOptions): Promise<void>
  /** The track exists and has this top-level device. */
  device(trackId: number, deviceId: number, options?: CallOptions): Promise<void>
  /** The device has this parameter, by index or by name; resolves with its index. */
  parameter(trackId: number, deviceId: number, parameter: number | string, options?: CallOptions): Promise<number>
}

/**
 * Creates `live.require` over the set shape.
 *
 * @example
 * await live.require.track(9) // NOT_FOUND: track 9 does not exist: the set has tracks 0–3
 * const p = await live.require.parameter(1, 0, 'Filter Freq') // 3
 */
export function createRequire(core: ClientCore, shape: SetShape, parameters: ParameterNameCache): RequireApi {
  const api: RequireApi = {
    track: (trackId, options) => shape.check('track', trackId, [], options),
    scene: (sceneId, options) => shape.check('scene', sceneId, [], options),
    returnTrack: (returnId, options) => shape.check('return', returnId, [], options),
    async clipSlot(trackId, sceneId, options) {
      await shape.check('track', trackId, [], options)
      await shape.check('slot', sceneId, [trackId], options)
    },
    async clip(trackId, sceneId, options) {
      await api.clipSlot(trackId, sceneId, options)
      const [, , hasClip] = await core.request('/live/clip_slot/get/has_clip', [trackId, sceneId], options, undefined, {
        unchecked: true,
      })
      if (hasClip === true) return
      const names = await core.request('/live/track/get/clips/name', [trackId], options, undefined, { unchecked: true })
      throw noClipError(trackId, sceneId, names.slice(1) as (string | null)[])
    },
    async device(trackId, deviceId, options) {
      await shape.check('track', trackId, [], options)
      await shape.check('device', deviceId, [trackId], options)
    },
    async parameter(trackId, deviceId, parameter, options) {
      await api.device(trackId, deviceId, options)
      if (typeof parameter === 'number') {
        await shape.check('parameter', parameter, [trackId, deviceId], options)
        return parameter
      }
      const names = await parameterNames(core, parameters, trackId, deviceId, options)
      const index = names.indexOf(parameter)
      if (index >= 0) return index
      parameters.delete(deviceKey(trackId, deviceId))
      throw parameterNameError(trackId, deviceId, parameter, names)
    },
  }
  return api
}
