import type { LiveClient, LiveSet } from '@live/client'
import { sendTo } from './recordTake.js'

/** Puts back what {@link armForRecording} changed; safe to call after an abort. */
export type RestoreRecordingState = () => Promise<void>

/**
 * Makes `track` the only armed track (Session Record records into every armed track), and returns the function
 * that stops the transport if it was stopped, turns Session Record off and puts arms and the selected scene back.
 *
 * @example
 * const restore = await armForRecording(live, set, 4)
 * try { await recordTake(live, take) } finally { await restore() }
 */
export async function armForRecording(
  client: LiveClient,
  set: LiveSet,
  track: number,
  signal?: AbortSignal | undefined,
): Promise<RestoreRecordingState> {
  const arms = set.tracks.map((t) => t.arm)
  const wasPlaying = set.song.isPlaying
  const selectedScene = set.view.selectedScene
  for (const t of set.tracks) {
    if (t.arm === true && t.index !== track) await sendTo(client, '/live/track/set/arm', [t.index, false], signal)
  }
  await sendTo(client, '/live/track/set/arm', [track, true], signal)
  return async () => {
    await sendTo(client, '/live/song/set/session_record', [false])
    if (!wasPlaying) await sendTo(client, '/live/song/stop_playing', [])
    await sendTo(client, '/live/track/set/arm', [track, arms[track] === true])
    for (const t of set.tracks) {
      if (t.arm === true && t.index !== track) await sendTo(client, '/live/track/set/arm', [t.index, true])
    }
    if (selectedScene !== null) await sendTo(client, '/live/view/set/selected_scene', [selectedScene])
  }
}

/** The first empty slot of a track at or after `from`, or undefined. */
export function firstEmptySlot(set: LiveSet, track: number, from = 0): number | undefined {
  return set.tracks[track]?.clipSlots.find((s) => s.index >= from && !s.hasClip)?.index
}

/** Sets a track's input to Resampling and reads it back; throws UNSUPPORTED-style errors in words when it does not take. */
export async function setResamplingInput(client: LiveClient, track: number, signal?: AbortSignal | undefined) {
  await sendTo(client, '/live/track/set/input_routing_type', [track, 'Resampling'], signal)
  const now = await client.track(track).inputRoutingType.get({ signal })
  return now === 'Resampling'
}
