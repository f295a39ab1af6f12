import { findEntry, LiveError } from '@live/protocol'
import { createDevice, type ParameterNameCache } from './api/createDevice.js'
import { createNamespace } from './api/createNamespace.js'
import { createNotes } from './api/createNotes.js'
import { namespaceTable } from './api/namespaceTable.js'
import type { ClientOptions, LiveClient } from './clientTypes.js'
import type { BridgeDeviceId, BridgeTrackId } from './core/bridgeIds.js'
import { createCore } from './core/createCore.js'
import { detectServer } from './detect/detectServer.js'
import { createRequire } from './exists/createRequire.js'
import { createSetShape } from './exists/createSetShape.js'
import { syncSet } from './sync/syncSet.js'

/** The namespaces whose calls may change the set's shape (see onSent below). */
const SHAPE_CALL = /^\/live\/(song|track|return|api)\//

/** Extension namespaces, and what to call them in messages. */
const EXTENSIONS = { return: 'return tracks', master: 'the master track' } as const

function unsupported(what: string, server: string, address?: string): LiveError {
  return new LiveError(
    'UNSUPPORTED',
    `${what} ${address === undefined ? '' : `(${address}) `}${what.endsWith('s') ? 'need' : 'needs'} the bridge; the server answering is ${server}`,
    {
      metaMessages: [
        'AbletonOSC cannot address return tracks, the master track or devices in racks.',
        'Load the @live Max for Live bridge device in your set, or run the simulator with flavour "bridge".',
      ],
      details: { address, server },
    },
  )
}

/**
 * Creates the typed client: every catalogue address as `live.song.tempo.get()`, `live.track(0).volume.set(0.8)`,
 * `live.clipSlot(0, 2).fire()`..., with reply matching, timeouts, retries, watches and bulk sync.
 *
 * @example
 * import { createClient } from '@live/client'
 * import { udp } from '@live/transport-udp'
 *
 * const live = createClient({ transport: udp() })
 * await live.song.tempo.set(128)
 * const unwatch = live.track(0).volume.watch((volume) => console.log(volume))
 */
export function createClient(options: ClientOptions): LiveClient {
  const core = createCore({
    transport: options.transport,
    timeout: options.timeout,
    retries: options.retries ?? 1,
    maxInFlight: options.maxInFlight ?? 64,
  })
  const parameterCache: ParameterNameCache = new Map()
  const shape = createSetShape(core)
  const shapeCalls = new Map<string, boolean>()
  core.existence = shape
  // A transport that paces by server (udp()) learns which one answers as soon as it opens, in the
  // background: three probes in one round trip, after which the bridge is no longer paced like AbletonOSC.
  let detection: Promise<unknown> | undefined
  const detectInBackground = () => {
    if (core.transport.paceFor === undefined) return
    detection = detectServer(core, {}, { quiet: true }).catch(() => undefined)
  }
  core.onOpen.add(detectInBackground)
  core.onStartup.add(() => {
    parameterCache.clear()
    shape.clear()
    core.server = { kind: 'unknown', name: 'an unidentified server', version: undefined }
    core.adaptPacing()
    detectInBackground()
  })
  core.onSent.add((address) => {
    // The catalogue marks the addresses after which device lists (and so parameter names) may have changed.
    if (findEntry(address)?.structural === true) parameterCache.clear()
    // Counts of tracks, scenes, returns and devices may change with any song, track or return call (create,
    // delete, duplicate, undo...): forgotten then, and read again when next needed.
    let changes = shapeCalls.get(address)
    if (changes === undefined) {
      changes = SHAPE_CALL.test(address) && findEntry(address)?.kind === 'call'
      shapeCalls.set(address, changes)
    }
    if (changes) shape.clear()
  })
  core.checkExtension = async (entry, signal, bridgeIds = false) => {
    if (core.server.kind === 'unknown' && detection !== undefined) await detection
    if (core.server.kind === 'unknown') await detectServer(core, { signal })
    if (core.server.kind === 'bridge' || core.server.kind === 'simulator') return
    const namespace = entry.address.split('/')[2] ?? ''
    const what = bridgeIds
      ? 'devices of the master track, of return tracks and inside racks'
      : namespace in EXTENSIONS
        ? EXTENSIONS[namespace as keyof typeof EXTENSIONS]
        : 'extension addresses'
    throw unsupported(what, core.server.name, entry.address)
  }

  const cached = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
    let value = cache.get(key)
    if (value === undefined) {
      value = make()
      cache.set(key, value)
    }
    return value
  }
  const objects = new Map<string, unknown>()
  const object = (namespace: string, indices: readonly number[]) =>
    cached(objects, `${namespace} ${indices.join(' ')}`, () => createNamespace(core, namespace, indices))
  const extension = (namespace: keyof typeof EXTENSIONS, indices: readonly number[]) => {
    if (namespaceTable(namespace).properties.size + namespaceTable(namespace).calls.size === 0) {
      throw unsupported(
        EXTENSIONS[namespace],
        'any server: this version of @live/protocol has no such extension addresses',
      )
    }
    return object(namespace, indices)
  }

  const live = {
    transport: options.transport,
    song: object('song', []),
    view: object('view', []),
    application: object('application', []),
    api: object('api', []),
    midimap: object('midimap', []),
    clips: object('clips', []),
    bridge: object('bridge', []),
    query: object('query', []),
    track: (trackId: number) => object('track', [trackId]),
    clip: (trackId: number, clipId: number) =>
      cached(objects, `clip+notes ${trackId} ${clipId}`, () =>
        Object.defineProperty(createNamespace(core, 'clip', [trackId, clipId]), 'notes', {
          value: createNotes(core, trackId, clipId),
          enumerable: true,
        }),
      ),
    clipSlot: (trackId: number, clipId: number) => object('clip_slot', [trackId, clipId]),
    scene: (sceneId: number) => object('scene', [sceneId]),
    device: (trackId: number | BridgeTrackId, deviceId: number | BridgeDeviceId) =>
      cached(objects, `device+ ${trackId} ${deviceId}`, () => createDevice(core, parameterCache, trackId, deviceId)),
    returnTrack: (returnId: number) => extension('return', [returnId]),
    get masterTrack() {
      return extension('master', [])
    },
    async request(address: string, args: readonly unknown[], callOptions?: object) {
      const reply = await core.request(address, args, callOptions)
      return findEntry(address)?.reply === null ? undefined : reply
    },
    send: (address: string, args: readonly unknown[], callOptions?: object) => core.send(address, args, callOptions),
    async ping(callOptions = {}) {
      // performance.now(): a round trip on one machine takes well under a millisecond, which Date.now() reads as 0.
      const started = performance.now()
      await core.request('/live/test', [], callOptions)
      return Math.round((performance.now() - started) * 1000) / 1000
    },
    detect: (callOptions = {}) => detectServer(core, callOptions),
    require: createRequire(core, shape, parameterCache),
    sync: (syncOptions = {}) => syncSet(core, syncOptions),
    on: core.events.on,
    open: (callOptions: { signal?: AbortSignal | undefined } = {}) => core.open(callOptions.signal),
    close: () => core.close(),
  }
  return live as unknown as LiveClient
}
