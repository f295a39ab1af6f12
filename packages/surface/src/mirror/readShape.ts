import type { LiveClient } from '@live/client'
import type { SetShape } from '../shared/keys.js'

/** More sends than Live allows return tracks (12): where the probe gives up. */
const MAX_SENDS = 12

/**
 * AbletonOSC cannot count return tracks: probe track 0's sends one by one until Live refuses one (as
 * `sync()` does). One refused read at the end, never more.
 */
async function probeSends(client: LiveClient, tracks: number): Promise<number> {
  if (tracks === 0) return 0
  for (let s = 0; s < MAX_SENDS; s++) {
    try {
      await client.track(0).send(s).get({ retries: 0 })
    } catch {
      return s
    }
  }
  return MAX_SENDS
}

/**
 * Reads the set's shape: tracks, scenes, return tracks and sends; the master only on the bridge.
 *
 * @example
 * const shape = await readShape(live, true) // { tracks: 5, scenes: 8, returns: 2, sends: 2, master: true }
 */
export async function readShape(client: LiveClient, bridge: boolean): Promise<SetShape> {
  const [tracks, scenes, returns] = await Promise.all([
    client.song.numTracks.get(),
    client.song.numScenes.get(),
    bridge ? client.song.numReturnTracks.get() : Promise.resolve(undefined),
  ])
  const sends = returns ?? (await probeSends(client, tracks))
  return { tracks, scenes, returns: bridge ? sends : 0, sends, master: bridge }
}
