/**
 * @packageDocumentation
 * The typed client for Ableton Live over AbletonOSC's protocol: `createClient()` derives `live.song`,
 * `live.track(i)`, `live.clip(t, c)`, `live.clipSlot(t, c)`, `live.scene(i)`, `live.device(t, d)` and
 * more from the catalogue, and handles reply matching, timeouts, retries, watches and bulk sync.
 */
export type {
  CallFunction,
  CamelCase,
  Namespace,
  PropertyHandle,
  Readable,
  ValueOf,
  Watchable,
  Writable,
} from './api/apiTypes.js'
export type { NoteRange, NotesHandle } from './api/createNotes.js'
export type { Watcher } from './api/createProperty.js'
export type { ClientOptions, ClipApi, DeviceApi, LiveClient, ParameterHandle, TrackApi } from './clientTypes.js'
export { type BridgeDeviceId, type BridgeTrackId, CHAIN_PATH } from './core/bridgeIds.js'
export type { CallOptions } from './core/callOptions.js'
export type { ClientEvents } from './core/clientEvents.js'
export type { ServerKind } from './core/createCore.js'
export { createClient } from './createClient.js'
export type { ServerInfo, SimulatorInfo } from './detect/detectServer.js'
export type { RequireApi } from './exists/createRequire.js'
export type { IndexKind } from './exists/indexSpec.js'
export { type Asked, describeRange, noClipError, notFoundError } from './exists/notFound.js'
export {
  clipSchema,
  deviceSchema,
  type LiveSet,
  type LiveSetClip,
  type LiveSetDevice,
  type LiveSetTrack,
  liveSetSchema,
  noteSchema,
  parameterSchema,
  sceneSchema,
  songSchema,
  trackSchema,
  viewSchema,
} from './sync/liveSetSchema.js'
export type { SyncOptions, SyncProgress } from './sync/syncSet.js'
export type { Unwatch, WatchHandlers } from './watch/createWatchRegistry.js'
export { type WatchIterableOptions, watchIterable } from './watch/watchIterable.js'
