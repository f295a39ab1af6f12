import { type LomFunctions, returnsNone } from './lomFunctions.js'
import { notApplicable, toFloat } from './lomNode.js'
import type { Song } from './song.js'

/** What the Song's session recording offers: its functions, the `session_record` setter and its status. */
export interface SongRecording {
  readonly fns: LomFunctions
  /** Sets `session_record`: on starts recording into armed tracks, off ends the recordings. */
  setSessionRecord(on: boolean): void
  /** `session_record_status`: 0 off, 1 on, 2 a recording waits for its launch. */
  sessionRecordStatus(): number
}

/** The Song's session recording: Session Record on and off, trigger_session_record, capture_midi. */
export function songRecording(song: Song): SongRecording {
  const triggerSessionRecord = (recordLength: number | undefined): void => {
    const selected = song.view.selectedScene?.index ?? 0
    for (const track of song.tracks) {
      if (!track.armed) continue
      const free = track.clipSlots.find((s, i) => i >= selected && s.clip === null)
      if (free) track.launch(free, { record: true, recordLength })
    }
    if (!song.state.session_record) {
      song.assign('session_record', true)
      song.emit('session_record_status')
    }
  }

  const setSessionRecord = (on: boolean): void => {
    if (on === song.state.session_record) return
    song.assign('session_record', on)
    if (on) {
      triggerSessionRecord(undefined)
    } else {
      // Turning Session Record off ends recordings; the new clips play on.
      for (const track of song.tracks) {
        const clip = track.playingSlot?.clip
        if (clip?.recording) {
          track.playback.recordUntil = track.elapsed()
          track.playback.update(song.time, song.time, song.engine.absBeats)
        }
      }
    }
    song.emit('session_record_status')
    for (const track of song.tracks) track.playingSlot?.clip?.emit('is_overdubbing')
  }

  return {
    fns: {
      trigger_session_record: returnsNone((args) =>
        triggerSessionRecord(
          args[0] === undefined || args[0] === null ? undefined : toFloat('Song', 'record_length', args[0]),
        ),
      ),
      capture_midi: () => {
        throw notApplicable('No MIDI to capture') // [guess] the simulator never receives MIDI input
      },
    },
    setSessionRecord,
    sessionRecordStatus: () => {
      if (!song.state.session_record) return 0
      const pending = song.tracks.some((t) => t.pending?.record)
      return pending ? 2 : 1
    },
  }
}
