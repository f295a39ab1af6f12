import type { Address, AddressArgs, AddressReply, Transport } from '@live/protocol'
import type { Namespace, Readable, Watchable, Writable } from './api/apiTypes.js'
import type { NotesHandle } from './api/createNotes.js'
import type { BridgeDeviceId, BridgeTrackId } from './core/bridgeIds.js'
import type { CallOptions } from './core/callOptions.js'
import type { ClientEvents } from './core/clientEvents.js'
import type { ServerInfo } from './detect/detectServer.js'
import type { RequireApi } from './exists/createRequire.js'
import type { LiveSet } from './sync/liveSetSchema.js'
import type { SyncOptions } from './sync/syncSet.js'

/** How to build a client. */
export interface ClientOptions {
  /** How to reach the server: `udp()` from @live/transport-udp, or an in-memory transport in tests. */
  transport: Transport
  /** Milliseconds to wait for each reply. @default 500 (AbletonOSC answers within a tick or two), 250 once the bridge is detected */
  timeout?: number | undefined
  /** Extra attempts of idempotent reads after a timeout. @default 1 */
  retries?: number | undefined
  /** Requests waiting for replies at once; more wait in a queue. @default 64 */
  maxInFlight?: number | undefined
}

/** One device parameter by name or index: its value, read, written and watched. */
export type ParameterHandle = Readable<number> &
  Writable<number> &
  Watchable<number> & {
    /** The parameter's index on its device (looked up by name, cached until devices change). */
    index(options?: CallOptions): Promise<number>
  }

/** `live.track(i)`: every track property and call, plus `send(i)`. */
export type TrackApi = Namespace<'track'>
/** `live.clip(t, c)`: every clip property and call, with `notes` as objects. */
export type ClipApi = Omit<Namespace<'clip'>, 'notes'> & { readonly notes: NotesHandle }
/** `live.device(t, d)`: every device property and call, plus parameters by name. */
export type DeviceApi = Namespace<'device'> & {
  /** A parameter by name (`'Filter Freq'`) or index. */
  parameter(nameOrIndex: string | number): ParameterHandle
}

/** The typed API people program against. */
export interface LiveClient {
  /** The transport the client talks through. */
  readonly transport: Transport
  /** The song: tempo, transport, loop, scenes and tracks lists, and the song's calls. */
  readonly song: Namespace<'song'>
  /** The selection in Live's session view. */
  readonly view: Namespace<'view'>
  /** Live itself: version and CPU load. */
  readonly application: Namespace<'application'>
  /** AbletonOSC's own endpoints (reload, log level, status bar messages). */
  readonly api: Namespace<'api'>
  /** MIDI CC mappings. */
  readonly midimap: Namespace<'midimap'>
  /** AbletonOSC's experimental clip filter. */
  readonly clips: Namespace<'clips'>
  /** A track by index (return and master tracks: `returnTrack()`, `masterTrack`). */
  track(trackId: number): TrackApi
  /** A clip by track and scene index. */
  clip(trackId: number, clipId: number): ClipApi
  /** A clip slot by track and scene index. */
  clipSlot(trackId: number, clipId: number): Namespace<'clip_slot'>
  /** A scene by index. */
  scene(sceneId: number): Namespace<'scene'>
  /**
   * A device by track and device index. On the bridge, also a device of the master track (`'master'`), of a
   * return track (`'return/0'`), or inside a rack by chain path (`'0/1/2'`: device 0, its chain 1, that
   * chain's device 2); other servers refuse those with `UNSUPPORTED`.
   */
  device(trackId: number | BridgeTrackId, deviceId: number | BridgeDeviceId): DeviceApi
  /** A return track (the bridge's extension; UNSUPPORTED on AbletonOSC). */
  returnTrack(returnId: number): Namespace<'return'>
  /** The master track (the bridge's extension; UNSUPPORTED on AbletonOSC). */
  readonly masterTrack: Namespace<'master'>
  /** The bridge's own endpoints (`hello`). */
  readonly bridge: Namespace<'bridge'>
  /** The bridge's bulk queries (`songTracks`, `songScenes`, `trackDevices`). */
  readonly query: Namespace<'query'>
  /** Sends any address and resolves with its reply (undefined for addresses that never reply). */
  request<A extends Address>(address: A, args: AddressArgs<A>, options?: CallOptions): Promise<AddressReply<A>>
  /** Sends any address without waiting for a reply. */
  send<A extends Address>(address: A, args: AddressArgs<A>, options?: CallOptions): Promise<void>
  /** Round trip of `/live/test` in ms, to the microsecond. */
  ping(options?: CallOptions): Promise<number>
  /** Which server answers, and its versions. */
  detect(options?: CallOptions): Promise<ServerInfo>
  /**
   * Checks that a track, scene, clip slot, clip, return track, device or parameter exists, with the one rule
   * the whole client follows: NOT_FOUND naming what was asked and what exists (`await live.require.track(9)`:
   * "track 9 does not exist: the set has tracks 0–3").
   */
  readonly require: RequireApi
  /** The whole set as one JSON-serialisable object. */
  sync(options?: SyncOptions): Promise<LiveSet>
  /** Subscribes to a lifecycle event; returns the unsubscribe. */
  on<K extends keyof ClientEvents>(event: K, handler: (...args: ClientEvents[K]) => void): () => void
  /** Opens the transport (calls do it on demand). */
  open(options?: CallOptions): Promise<void>
  /** Fails what is pending with NOT_CONNECTED and closes the transport. */
  close(): Promise<void>
}
