import { LomError, type LomValue } from '@live/protocol'
import { indexArg, type LomFunctions, optionalIndexArg, returnsNone } from './lomFunctions.js'
import { PALETTE } from './palette.js'
import type { TrackData } from './schema.js'
import type { Song } from './song.js'
import { Track } from './track.js'

/** Live's IndexError for a track or scene index past the end. */
export const indexError = () => new LomError('IndexError', 'Index out of range')

/** A new, empty track's data, with a send per return and a slot per scene (returns have none). */
export function newTrackData(song: Song, kind: TrackData['kind'], name: string, colorIndex: number): TrackData {
  return {
    kind,
    name,
    color: PALETTE[colorIndex] ?? 0,
    color_index: colorIndex,
    mute: false,
    solo: false,
    arm: false,
    current_monitoring_state: 1,
    fold_state: false,
    group: null,
    volume: 0.85,
    panning: 0,
    sends: song.returnTracks.map(() => 0),
    input_routing:
      kind === 'midi'
        ? { type: 'All Ins', channel: 'All Channels' }
        : kind === 'audio'
          ? { type: 'Ext. In', channel: '1' }
          : { type: 'No Input', channel: '' },
    output_routing: { type: 'Master', channel: 'Track In' },
    devices: [],
    clip_slots: kind === 'return' ? [] : song.scenes.map(() => ({ clip: null, has_stop_button: true })),
    arrangement_clips: [],
  }
}

/** The Song's track functions (create, delete, duplicate), each undoable as in Live. */
export function songTracks(song: Song): LomFunctions {
  const ctx = song.ctx

  const insertTrack = (track: Track, index: number, undoName: string): Track => {
    song.tracks.splice(index, 0, track)
    track.revive()
    song.emit('tracks')
    song.emit('visible_tracks')
    ctx.undo.push(
      undoName,
      () => removeTrack(track),
      () => insertTrack(track, index, ''),
    )
    return track
  }

  const removeTrack = (track: Track): void => {
    const index = song.tracks.indexOf(track)
    if (index < 0) return
    track.stopNow()
    song.tracks.splice(index, 1)
    track.kill()
    song.view.repair()
    song.emit('tracks')
    song.emit('visible_tracks')
  }

  const createTrack = (kind: 'midi' | 'audio', args: readonly LomValue[]): LomValue => {
    const raw = optionalIndexArg(args)
    if (raw < -1 || raw > song.tracks.length) throw indexError()
    const index = raw === -1 ? song.tracks.length : raw
    const label = kind === 'midi' ? 'MIDI' : 'Audio'
    const track = new Track(ctx, song, newTrackData(song, kind, `${index + 1}-${label}`, (index * 7 + 2) % 70))
    return insertTrack(track, index, `Insert ${label} Track`).ref()
  }

  const deleteTrack = (index: number): void => {
    const track = song.tracks[index]
    if (!track) throw indexError()
    // Deleting a group deletes what it holds, as in Live.
    const doomed = [track, ...song.tracks.filter((t) => isInside(t, track))]
    const positions = doomed.map((t) => song.tracks.indexOf(t))
    const undoAll = () => {
      doomed.forEach((t, i) => {
        song.tracks.splice(positions[i]!, 0, t)
        t.revive()
      })
      song.emit('tracks')
      song.emit('visible_tracks')
    }
    const redoAll = () => {
      for (const t of [...doomed].reverse()) removeTrack(t)
    }
    redoAll()
    ctx.undo.push('Delete Track', undoAll, redoAll)
  }

  const duplicateTrack = (index: number): LomValue => {
    const source = song.tracks[index]
    if (!source) throw indexError()
    const data = source.toJSON()
    const copy = new Track(ctx, song, { ...data, arm: false, group: null })
    copy.group = source.group
    return insertTrack(copy, index + 1, 'Duplicate Track').ref()
  }

  return {
    create_midi_track: (args) => createTrack('midi', args),
    create_audio_track: (args) => createTrack('audio', args),
    delete_track: returnsNone((args) => deleteTrack(indexArg(args))),
    duplicate_track: (args) => duplicateTrack(indexArg(args)),
  }
}

function isInside(track: Track, group: Track): boolean {
  for (let g = track.group; g; g = g.group) if (g === group) return true
  return false
}
