import type { LomFunctions } from './lomFunctions.js'
import type { Scene } from './scene.js'
import type { Song } from './song.js'
import { songCuePoints } from './songCuePoints.js'
import { songRecording } from './songRecording.js'
import { songReturnTracks } from './songReturnTracks.js'
import { songScenes } from './songScenes.js'
import { songTracks } from './songTracks.js'
import { songTransport } from './songTransport.js'

/** What the Song delegates to its functions' files: the LOM functions by name and a few computed properties. */
export interface SongFunctions {
  readonly fns: LomFunctions
  /** Inserts an empty scene at `rawIndex` (−1 = end), undoably. */
  createScene(rawIndex: number): Scene
  /** Sets `session_record`. */
  setSessionRecord(on: boolean): void
  /** `session_record_status`. */
  sessionRecordStatus(): number
  /** `song_length`: the end of the last arrangement clip, cue point or the loop, whichever is latest. */
  songLength(): number
  /** `last_event_time`: the end of the last arrangement clip. */
  lastEventTime(): number
}

/**
 * The Song's LOM functions and structural edits, gathered from one file per object: transport,
 * tracks, scenes, return tracks, cue points and recording; each edit is undoable as in Live.
 */
export function songFunctions(song: Song): SongFunctions {
  const scenes = songScenes(song)
  const recording = songRecording(song)
  const arrangementEnd = (): number =>
    Math.max(0, ...song.tracks.flatMap((t) => t.arrangementClips.map((c) => (c.state.start_time ?? 0) + c.length)))
  return {
    fns: {
      ...songTransport(song),
      ...songCuePoints(song),
      ...songTracks(song),
      ...songReturnTracks(song),
      ...scenes.fns,
      ...recording.fns,
    },
    createScene: scenes.createScene,
    setSessionRecord: recording.setSessionRecord,
    sessionRecordStatus: recording.sessionRecordStatus,
    songLength: () => {
      const cues = Math.max(0, ...song.cuePoints.map((c) => c.time))
      return Math.max(arrangementEnd(), cues, song.state.loop_start + song.state.loop_length)
    },
    lastEventTime: arrangementEnd,
  }
}
