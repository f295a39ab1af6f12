import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import type { LiveConnection } from '../core/liveConnection.js'
import { readTrackDetail } from '../core/readObjects.js'
import { readOverview } from '../core/readSet.js'
import { parseTrackRef } from '../core/trackRef.js'

/** The session's URI. */
export const SESSION_URI = 'live://session'
/** One track's URI. */
export const trackUri = (index: number): string => `live://tracks/${index}`

/** What the tools call after a change, and what closes the watches. */
export interface LiveResources {
  /** Sends `notifications/resources/updated` for what changed (and list_changed after structural changes). */
  changed(what?: { tracks?: readonly number[] | undefined; structure?: boolean | undefined }): void
  /** Stops every watch. */
  close(): void
}

const json = (uri: string, value: unknown) => ({
  contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }],
})

/**
 * Registers `live://session` and `live://tracks/{index}`, readable and subscribable; updates come from the client's watches.
 *
 * @example
 * const resources = registerLiveResources(server, connection, (line) => process.stderr.write(line))
 */
export function registerLiveResources(
  server: McpServer,
  connection: LiveConnection,
  log: (line: string) => void,
): LiveResources {
  server.registerResource(
    'session',
    SESSION_URI,
    {
      title: 'Live session',
      description:
        'The set at a glance, as ableton_read answers it: song, transport, a row per track (mixer, clip slots, devices, what plays), returns, master, scenes.',
      mimeType: 'application/json',
    },
    async (uri) =>
      json(uri.href, await readOverview(connection.client(), { offset: 0, limit: Number.MAX_SAFE_INTEGER })),
  )
  server.registerResource(
    'track',
    new ResourceTemplate('live://tracks/{index}', {
      list: async () => {
        try {
          const names = (await connection.client().song.trackNames.get()) as unknown as string[]
          return {
            resources: names.map((name, index) => ({
              uri: trackUri(index),
              name: `Track ${index}: ${name}`,
              mimeType: 'application/json',
            })),
          }
        } catch (error) {
          log(`resources/list: cannot list tracks: ${error instanceof Error ? error.message : String(error)}`)
          return { resources: [] }
        }
      },
    }),
    {
      title: 'Live track',
      description:
        'One track (index from 0) as ableton_read answers it: mixer in dB, sends, clips by scene, devices, what plays.',
      mimeType: 'application/json',
    },
    async (uri, variables) =>
      json(uri.href, await readTrackDetail(connection.client(), parseTrackRef(String(variables.index), 'index'))),
  )

  const subscriptions = new Set<string>()
  let unwatches: (() => void)[] = []
  let pending = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let watching = false

  const flush = () => {
    timer = undefined
    const uris = [...pending]
    pending = new Set()
    for (const uri of uris) {
      if (subscriptions.has(uri)) server.server.sendResourceUpdated({ uri }).catch(() => {})
    }
  }
  const mark = (uris: readonly string[]) => {
    for (const uri of uris) pending.add(uri)
    timer ??= setTimeout(flush, 30)
  }
  const watch = (
    handle: { watch(w: { onValue(v: unknown): void; onError(e: unknown): void }): () => void },
    uris: string[],
  ) => {
    let first = true
    unwatches.push(
      handle.watch({
        onValue: () => {
          if (first) first = false
          else mark(uris)
        },
        onError: (error) => log(`watch failed: ${error instanceof Error ? error.message : String(error)}`),
      }),
    )
  }
  const stopWatching = () => {
    for (const unwatch of unwatches) unwatch()
    unwatches = []
    watching = false
  }
  const startWatching = async () => {
    if (watching) return
    watching = true
    const live = connection.client()
    for (const handle of [live.song.tempo, live.song.isPlaying, live.song.recordMode, live.song.sessionRecord]) {
      watch(handle as never, [SESSION_URI])
    }
    try {
      const count = await live.song.numTracks.get()
      for (let t = 0; t < count; t++) {
        const track = live.track(t)
        for (const handle of [
          track.name,
          track.volume,
          track.panning,
          track.mute,
          track.solo,
          track.playingSlotIndex,
        ]) {
          watch(handle as never, [SESSION_URI, trackUri(t)])
        }
      }
    } catch (error) {
      log(`cannot watch tracks: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  server.server.registerCapabilities({ resources: { subscribe: true, listChanged: true } })
  server.server.setRequestHandler(SubscribeRequestSchema, async (request) => {
    subscriptions.add(request.params.uri)
    await startWatching()
    return {}
  })
  server.server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    subscriptions.delete(request.params.uri)
    if (subscriptions.size === 0) stopWatching()
    return {}
  })

  return {
    changed(what = {}) {
      mark([SESSION_URI, ...(what.tracks ?? []).map(trackUri)])
      if (what.structure === true) {
        mark([...subscriptions])
        server.sendResourceListChanged()
        if (watching) {
          stopWatching()
          startWatching().catch(() => {})
        }
      }
    },
    close() {
      stopWatching()
      if (timer !== undefined) clearTimeout(timer)
    },
  }
}
