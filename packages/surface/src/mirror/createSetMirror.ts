import type { LiveClient, Unwatch } from '@live/client'
import { keys, type SetShape } from '../shared/keys.js'
import { createStage, type Stage } from './createStage.js'
import { createStateStore, type StateStore } from './createStateStore.js'
import { readShape } from './readShape.js'
import { watchDevices } from './watchDevices.js'
import { watchSet } from './watchSet.js'

/** Options of {@link createSetMirror}. */
export interface SetMirrorOptions {
  /** The client whose watchers the mirror uses (the caller opens and closes it). */
  readonly client: LiveClient
  /** How often the mirror checks that Live answers and whether the set changed shape, in ms. @default 1000 */
  readonly pollMs?: number | undefined
  /** Where the mirror says what it does (rebuilds, lost connection). @default nothing */
  readonly log?: ((line: string) => void) | undefined
}

/** The set, mirrored into a store by the client's watchers, kept up with Live's restarts and changes of shape. */
export interface SetMirror {
  /** The state the pages see. */
  readonly store: StateStore
  /** Resolves once the first whole set is in the store (or the first attempt failed: `live` says `lost`). */
  readonly ready: Promise<void>
  /** The shape the watchers follow now. */
  shape(): SetShape | undefined
  /** Whether the server is the bridge (return and master tracks, send listeners). */
  bridge(): boolean
  /** Re-reads a send after the surface changed it (AbletonOSC has no send listener). */
  refreshSend(track: number, send: number): void
  /** Stops every watcher and the checks. */
  close(): Promise<void>
}

/** Keys the mirror keeps across rebuilds; every other key belongs to a generation of watchers. */
const isMeta = (key: string) => key === keys.live
const isDeviceKey = (key: string) => key === keys.devices || key.startsWith('d.')

/**
 * Mirrors the set into a store: one generation of watchers per shape of the set, rebuilt when tracks or
 * scenes are added or deleted, when Live says it started (`/live/startup`), and when Live answers again
 * after it stopped answering. The devices of Live's selected track have a generation of their own.
 *
 * @example
 * const mirror = createSetMirror({ client: live })
 * await mirror.ready
 * mirror.store.onPatch((patch) => console.log(patch.entries))
 */
export function createSetMirror(options: SetMirrorOptions): SetMirror {
  const { client } = options
  const log = options.log ?? (() => {})
  const pollMs = options.pollMs ?? 1000
  const store = createStateStore()
  store.set(keys.live, 'connecting')

  let closed = false
  let current: { stage: Stage; unwatch: Unwatch; shape: SetShape; bridge: boolean } | undefined
  let devices: { stage: Stage; unwatch: Unwatch | undefined; track: number; alive: boolean } | undefined
  let selected = -1
  let lost = false

  function stopDevices(): void {
    if (devices === undefined) return
    devices.alive = false
    devices.stage.dispose()
    devices.unwatch?.()
    devices = undefined
  }

  function followDevices(track: number, force = false): void {
    selected = track
    if (closed || (!force && devices?.track === track)) return
    stopDevices()
    const stage = createStage({ store, owns: isDeviceKey })
    const generation: NonNullable<typeof devices> = { stage, unwatch: undefined, track, alive: true }
    devices = generation
    if (current === undefined || track < 0 || track >= current.shape.tracks) {
      stage.put(keys.devices, { track, count: 0 })
      stage.arm()
      return
    }
    void watchDevices({ client, stage, track, bridge: current.bridge, alive: () => generation.alive }).then(
      (unwatch) => {
        if (!generation.alive) {
          unwatch()
          return
        }
        generation.unwatch = unwatch
        stage.arm()
      },
    )
  }

  async function build(): Promise<void> {
    const server = await client.detect()
    const bridge = server.kind === 'bridge'
    const shape = await readShape(client, bridge)
    if (closed) return
    stopDevices()
    current?.stage.dispose()
    current?.unwatch()
    const stage = createStage({ store, owns: (key) => !isMeta(key) && !isDeviceKey(key) })
    stage.put(keys.server, {
      kind: server.kind,
      name: server.name,
      version: server.version ?? null,
      liveVersion: server.liveVersion ?? null,
    })
    stage.put(keys.shape, shape)
    const unwatch = watchSet({ client, stage, shape, bridge, onSelectedTrack: (track) => followDevices(track) })
    current = { stage, unwatch, shape, bridge }
    stage.arm()
    store.set(keys.live, 'connected')
    log(`mirroring ${shape.tracks} tracks × ${shape.scenes} scenes on ${server.name}`)
    await stage.ready
  }

  // One build at a time; a request during a build runs one more after it.
  let building: Promise<void> | undefined
  let again = false
  function rebuild(why: string): Promise<void> {
    if (building !== undefined) {
      again = true
      return building
    }
    log(`building the mirror: ${why}`)
    building = (async () => {
      do {
        again = false
        try {
          await build()
          lost = false
        } catch (error) {
          markLost(error)
        }
      } while (again && !closed)
      building = undefined
    })()
    return building
  }

  // Updates still streaming in mean Live is there, only busy (a big set's listeners queue behind the send
  // pacing, and a check's request times out behind them): that is no reason to call it lost and rebuild.
  let lastMessageAt = 0
  const offMessage = client.on('message', () => {
    lastMessageAt = performance.now()
  })
  const busy = () => performance.now() - lastMessageAt < Math.max(1000, pollMs * 2)

  function markLost(error: unknown): void {
    if (busy()) {
      log(`Live is slow to answer, but its updates arrive: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    if (!lost) log(`Live does not answer: ${error instanceof Error ? error.message : String(error)}`)
    lost = true
    store.set(keys.live, 'lost')
  }

  async function check(): Promise<void> {
    if (building !== undefined || closed) return
    const seen = current
    try {
      const [tracks, scenes, returns, count, tempo] = await Promise.all([
        client.song.numTracks.get(),
        client.song.numScenes.get(),
        seen?.bridge === true ? client.song.numReturnTracks.get() : Promise.resolve(seen?.shape.returns ?? 0),
        selected >= 0 && seen !== undefined && selected < seen.shape.tracks
          ? client.track(selected).numDevices.get()
          : Promise.resolve(undefined),
        client.song.tempo.get(),
      ])
      if (closed || building !== undefined) return
      if (lost || seen === undefined) return void (await rebuild('Live answers again'))
      const { shape } = seen
      if (tracks !== shape.tracks || scenes !== shape.scenes || (seen.bridge && returns !== shape.returns)) {
        return void (await rebuild(`the set changed shape (${tracks} tracks × ${scenes} scenes)`))
      }
      // A listener that stopped reporting (Live restarted quicker than a check) shows as a stale value.
      const shown = store.get(keys.song('tempo'))
      if (seen.stage.live && typeof shown === 'number' && Math.abs(shown - tempo) > 1e-3) {
        return void (await rebuild('a watched value went stale'))
      }
      const known = store.get(keys.devices) as { track?: number; count?: number } | undefined
      if (count !== undefined && known?.track === selected && known.count !== count) followDevices(selected, true)
    } catch (error) {
      if (!closed) markLost(error)
    }
  }

  // On /live/startup the client renews every watch itself: the mirror rebuilds only if the set changed shape.
  const offStartup = client.on('server:startup', () => {
    log('Live started (/live/startup)')
    void check()
  })
  const offLost = client.on('connection:lost', (error) => markLost(error))
  // A refused listener or a late stop_listen (a clip deleted under its watcher) is no performer's business.
  client.on('error', (error) => log(`client: ${error.message}`))

  let timer: ReturnType<typeof setTimeout> | undefined
  const loop = () => {
    timer = setTimeout(async () => {
      await check()
      if (!closed) loop()
    }, pollMs)
    timer.unref?.()
  }
  const ready = rebuild('start').then(() => {
    if (!closed) loop()
  })

  return {
    store,
    ready,
    shape: () => current?.shape,
    bridge: () => current?.bridge === true,
    refreshSend(track, send) {
      if (current === undefined || current.bridge) return
      const { stage } = current
      client
        .track(track)
        .send(send)
        .get()
        .then((value) => stage.put(keys.send(track, send), value))
        .catch(() => {})
    },
    async close() {
      closed = true
      if (timer !== undefined) clearTimeout(timer)
      offStartup()
      offLost()
      offMessage()
      // The error handler stays: the stop_listen of the watchers just ended may fail once the caller closes the client.
      stopDevices()
      current?.stage.dispose()
      current?.unwatch()
      current = undefined
      await building
      store.close()
    },
  }
}
