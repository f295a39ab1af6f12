/**
 * @packageDocumentation
 * The web control surface behind `live ui`: `startSurface()` serves a page (session grid, mixer,
 * transport, the selected track's devices) and mirrors the set to it over a WebSocket, live from the
 * client's watchers; the page's actions go back to Live through the same client.
 */
export { createSetMirror, type SetMirror, type SetMirrorOptions } from './mirror/createSetMirror.js'
export { createStateStore, type StatePatch, type StateStore } from './mirror/createStateStore.js'
export { qrCode } from './server/qrCode.js'
export { checkRequest, type GuardOptions, type Refusal } from './server/requestGuard.js'
export { DEFAULT_HTTP_PORT, type Surface, type SurfaceOptions, startSurface } from './server/startSurface.js'
export {
  isFastKey,
  keys,
  type ParameterInfo,
  type ServerState,
  type SetShape,
  type StateValue,
} from './shared/keys.js'
export {
  type Action,
  actionSchema,
  CALLS,
  type CallName,
  type NoticeMessage,
  type PatchMessage,
  type ServerMessage,
  type StateMessage,
} from './shared/messages.js'
