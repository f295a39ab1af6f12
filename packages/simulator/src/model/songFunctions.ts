import { LomError, type LomValue } from '@live/protocol'
import { ClipSlot } from './clipSlot.js'
import { CuePoint } from './cuePoint.js'
import { notApplicable, toBool, toFloat, toInt } from './lomNode.js'
import { PALETTE } from './palette.js'
import { Scene } from './scene.js'
import type { SceneData, TrackData } from './schema.js'
import type { Song } from './song.js'
import { Track } from './track.js'

const indexError = () => new LomError('IndexError', 'Index out of range')

/** The Song's LOM functions and structural edits (tracks, scenes, cue points, recording), each undoable as in Live. */
export function songFunctions(song: Song) {
  const ctx = song.ctx

  const emptyScene = (): SceneData => ({
    name: '',
    color: PALETTE[song.scenes.length % PALETTE.length] ?? 0,
    tempo: 120,
    tempo_enabled: false,
    time_signature_numerator: 4,
    time_signature_denominator: 4,
    time_signature_enabled: false,
  })

  const trackData = (kind: TrackData['kind'], name: string, colorIndex: number): TrackData => ({
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
  })

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
    const raw = args[0] === undefined ? -1 : toInt('Song', 'index', args[0])
    if (raw < -1 || raw > song.tracks.length) throw indexError()
    const index = raw === -1 ? song.tracks.length : raw
    const label = kind === 'midi' ? 'MIDI' : 'Audio'
    const track = new Track(ctx, song, trackData(kind, `${index + 1}-${label}`, (index * 7 + 2) % 70))
    return insertTrack(track, index, `Insert ${label} Track`).ref()
  }

  const sceneAt = (index: number, scene: Scene, slots: (ClipSlot | null)[] | null): void => {
    song.scenes.splice(index, 0, scene)
    song.tracks.forEach((t, i) => {
      if (t.kind === 'return' || t.kind === 'master') return
      const slot = slots?.[i] ?? new ClipSlot(ctx, t, null, true)
      t.clipSlots.splice(index, 0, slot)
      slot.revive()
      t.emit('clip_slots')
    })
    scene.revive()
    song.emit('scenes')
  }

  const removeScene = (scene: Scene): (ClipSlot | null)[] => {
    const index = song.scenes.indexOf(scene)
    const removed = song.tracks.map((t) => {
      const slot = t.clipSlots[index]
      if (!slot) return null
      if (t.playingSlot === slot || t.pending?.slot === slot) t.stopNow()
      t.clipSlots.splice(index, 1)
      slot.kill()
      t.emit('clip_slots')
      return slot
    })
    song.scenes.splice(index, 1)
    scene.kill()
    song.view.repair()
    song.emit('scenes')
    return removed
  }

  const createScene = (rawIndex: number): Scene => {
    if (rawIndex < -1 || rawIndex > song.scenes.length) throw indexError()
    const index = rawIndex === -1 ? song.scenes.length : rawIndex
    const scene = new Scene(ctx, song, emptyScene())
    sceneAt(index, scene, null)
    ctx.undo.push(
      'Insert Scene',
      () => removeScene(scene),
      () => sceneAt(index, scene, null),
    )
    return scene
  }

  const deleteScene = (index: number): void => {
    const scene = song.scenes[index]
    if (!scene) throw indexError()
    const slots = removeScene(scene)
    ctx.undo.push(
      'Delete Scene',
      () => sceneAt(index, scene, slots),
      () => removeScene(scene),
    )
  }

  const duplicateScene = (index: number): Scene => {
    const source = song.scenes[index]
    if (!source) throw indexError()
    const scene = new Scene(ctx, song, source.toJSON())
    const slots = song.tracks.map((t) => {
      const from = t.clipSlots[index]
      if (!from) return null
      const json = from.toJSON()
      return new ClipSlot(ctx, t, json.clip, json.has_stop_button)
    })
    sceneAt(index + 1, scene, slots)
    ctx.undo.push(
      'Duplicate Scene',
      () => removeScene(scene),
      () => sceneAt(index + 1, scene, slots),
    )
    return scene
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

  const createReturnTrack = (): LomValue => {
    const index = song.returnTracks.length
    const letter = String.fromCharCode(65 + (index % 26))
    const track = new Track(ctx, song, trackData('return', `${letter}-Return`, (index * 5 + 20) % 70)) // [guess] name
    const sends = [...song.tracks, ...song.returnTracks].map((t) => t.mixer.makeSend(index, 0))
    const apply = () => {
      song.returnTracks.push(track)
      track.revive()
      ;[...song.tracks, ...song.returnTracks.slice(0, -1)].forEach((t, i) => {
        t.mixer.sends.push(sends[i]!)
        sends[i]!.revive()
      })
      song.emit('return_tracks')
    }
    const revert = () => removeReturn(index)
    ctx.undo.silently(apply)
    // The new return gets its own send to itself slot too (Live shows it disabled).
    if (track.mixer.sends.length < song.returnTracks.length) track.mixer.sends.push(track.mixer.makeSend(index, 0))
    ctx.undo.push('Insert Return Track', revert, apply)
    return track.ref()
  }

  const removeReturn = (index: number): void => {
    const track = song.returnTracks[index]
    if (!track) throw indexError()
    song.returnTracks.splice(index, 1)
    track.kill()
    for (const t of [...song.tracks, ...song.returnTracks]) {
      const [send] = t.mixer.sends.splice(index, 1)
      send?.kill()
    }
    song.view.repair()
    song.emit('return_tracks')
  }

  const deleteReturnTrack = (index: number): void => {
    const track = song.returnTracks[index]
    if (!track) throw indexError()
    const sends = [...song.tracks, ...song.returnTracks].map((t) => t.mixer.sends[index] ?? null)
    const owners = [...song.tracks, ...song.returnTracks]
    removeReturn(index)
    ctx.undo.push(
      'Delete Return Track',
      () => {
        song.returnTracks.splice(index, 0, track)
        track.revive()
        owners.forEach((t, i) => {
          const send = sends[i]
          if (send && t !== track) {
            t.mixer.sends.splice(index, 0, send)
            send.revive()
          }
        })
        song.emit('return_tracks')
      },
      () => removeReturn(index),
    )
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

  const jumpToCue = (direction: 1 | -1): void => {
    const t = song.time
    const cues = song.cuePoints.filter((c) => (direction > 0 ? c.time > t + 1e-9 : c.time < t - 1e-9))
    const cue = direction > 0 ? cues[0] : cues[cues.length - 1]
    if (cue) song.jumpTo(cue.time)
  }

  const setOrDeleteCue = (): void => {
    const t = song.time
    const existing = song.cuePoints.find((c) => Math.abs(c.time - t) < 1e-6)
    const add = (cue: CuePoint) => {
      song.cuePoints.push(cue)
      song.cuePoints.sort((a, b) => a.time - b.time)
      cue.revive()
      song.emit('cue_points')
    }
    const remove = (cue: CuePoint) => {
      song.cuePoints.splice(song.cuePoints.indexOf(cue), 1)
      cue.kill()
      song.emit('cue_points')
    }
    if (existing) {
      remove(existing)
      ctx.undo.push(
        'Delete Locator',
        () => add(existing),
        () => remove(existing),
      )
    } else {
      const cue = new CuePoint(ctx, song, String(song.cuePoints.length + 1), t) // [guess] default name
      add(cue)
      ctx.undo.push(
        'Add Locator',
        () => remove(cue),
        () => add(cue),
      )
    }
  }

  const tapTempo = (): void => {
    const now = ctx.clock.now()
    const last = song.taps[song.taps.length - 1]
    if (last !== undefined && now - last > 2000) song.taps = []
    song.taps.push(now)
    song.taps = song.taps.slice(-5)
    if (song.taps.length < 2) return
    const intervals = song.taps.slice(1).map((t, i) => t - song.taps[i]!)
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length
    const tempo = Math.min(999, Math.max(20, Math.round((60000 / mean) * 100) / 100))
    song.setTempo(tempo)
  }

  const captureAndInsertScene = (): void => {
    const selected = song.view.selectedScene?.index ?? song.scenes.length - 1
    const scene = createScene(selected + 1)
    ctx.undo.silently(() => {
      for (const track of song.tracks) {
        const slot = track.playingSlot
        const target = track.clipSlots[scene.index]
        if (slot?.clip && target) slot.duplicateClipTo(target)
      }
    })
    song.view.selectScene(scene)
  }

  const arrangementEnd = (): number =>
    Math.max(0, ...song.tracks.flatMap((t) => t.arrangementClips.map((c) => (c.state.start_time ?? 0) + c.length)))

  const fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    start_playing: () => {
      song.jumpTo(song.insertMarker)
      song.setPlaying(true)
      return null
    },
    stop_playing: () => {
      song.setPlaying(false)
      return null
    },
    continue_playing: () => {
      song.setPlaying(true)
      return null
    },
    jump_by: (args) => {
      song.jumpTo(song.time + toFloat('Song', 'beats', args[0] ?? null))
      return null
    },
    scrub_by: (args) => {
      song.jumpTo(song.time + toFloat('Song', 'beats', args[0] ?? null))
      return null
    },
    jump_to_next_cue: () => {
      jumpToCue(1)
      return null
    },
    jump_to_prev_cue: () => {
      jumpToCue(-1)
      return null
    },
    set_or_delete_cue: () => {
      setOrDeleteCue()
      return null
    },
    is_cue_point_selected: () => song.cuePoints.some((c) => Math.abs(c.time - song.time) < 1e-6),
    stop_all_clips: (args) => {
      const quantized = args[0] === undefined ? true : toBool('Song', 'quantized', args[0])
      for (const track of song.tracks) track.stopClips(quantized)
      return null
    },
    tap_tempo: () => {
      tapTempo()
      return null
    },
    undo: () => ctx.undo.undo(),
    redo: () => ctx.undo.redo(),
    create_midi_track: (args) => createTrack('midi', args),
    create_audio_track: (args) => createTrack('audio', args),
    create_return_track: () => createReturnTrack(),
    create_scene: (args) => createScene(args[0] === undefined ? -1 : toInt('Song', 'index', args[0])).ref(),
    delete_track: (args) => {
      deleteTrack(toInt('Song', 'index', args[0] ?? null))
      return null
    },
    delete_scene: (args) => {
      deleteScene(toInt('Song', 'index', args[0] ?? null))
      return null
    },
    delete_return_track: (args) => {
      deleteReturnTrack(toInt('Song', 'index', args[0] ?? null))
      return null
    },
    duplicate_track: (args) => duplicateTrack(toInt('Song', 'index', args[0] ?? null)),
    duplicate_scene: (args) => duplicateScene(toInt('Song', 'index', args[0] ?? null)).ref(),
    trigger_session_record: (args) => {
      triggerSessionRecord(
        args[0] === undefined || args[0] === null ? undefined : toFloat('Song', 'record_length', args[0]),
      )
      return null
    },
    capture_and_insert_scene: () => {
      captureAndInsertScene()
      return null
    },
    capture_midi: () => {
      throw notApplicable('No MIDI to capture') // [guess] the simulator never receives MIDI input
    },
    force_link_beat_time: () => null,
    re_enable_automation: () => null,
    get_data: () => null,
    set_data: () => null,
  }

  return {
    fns,
    createScene,
    setSessionRecord,
    sessionRecordStatus: (): number => {
      if (!song.state.session_record) return 0
      const pending = song.tracks.some((t) => t.pending?.record)
      return pending ? 2 : 1
    },
    songLength: (): number => {
      const cues = Math.max(0, ...song.cuePoints.map((c) => c.time))
      return Math.max(arrangementEnd(), cues, song.state.loop_start + song.state.loop_length)
    },
    lastEventTime: (): number => arrangementEnd(),
  }
}

function isInside(track: Track, group: Track): boolean {
  for (let g = track.group; g; g = g.group) if (g === group) return true
  return false
}
