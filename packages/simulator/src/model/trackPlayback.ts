import { Clip } from './clip.js'
import { type ClipSlot, newClipData } from './clipSlot.js'
import type { Track } from './track.js'

/** A launch, recording or stop waiting for its quantisation boundary (song time `at`, in beats). */
export interface PendingLaunch {
  slot: ClipSlot | null
  at: number
  stop: boolean
  record: boolean
  recordLength: number | undefined
}

/** One track's session playback: the playing slot, pending launches, recording growth and meters. */
export class TrackPlayback {
  playingSlot: ClipSlot | null = null
  pending: PendingLaunch | null = null
  /** Engine beat count (never wraps) at which the playing clip started. */
  startAbs = 0
  recordUntil: number | undefined
  meterLevel = 0
  meterLeft = 0
  meterRight = 0

  constructor(private readonly track: Track) {}

  /** Beats since the playing clip started. */
  elapsed(): number {
    return Math.max(0, this.track.song.engine.absBeats - this.startAbs)
  }

  /** `playing_slot_index`: the playing slot, −1 when none. */
  playingSlotIndex(): number {
    return this.playingSlot ? this.playingSlot.index : -1
  }

  /** `fired_slot_index`: the triggered slot, −2 when a stop is pending, −1 when none. */
  firedSlotIndex(): number {
    if (!this.pending) return -1
    return this.pending.stop ? -2 : (this.pending.slot?.index ?? -1)
  }

  /** Queues a launch at the next boundary; a launch while stopped starts the transport (and launches with it). */
  launch(slot: ClipSlot, options: { record?: boolean | undefined; recordLength?: number | undefined }): void {
    const song = this.track.song
    const at = song.launchTime(song.launchQuantum(slot.clip))
    const previous = this.pending?.slot ?? null
    this.pending = { slot, at, stop: false, record: options.record === true, recordLength: options.recordLength }
    this.afterPendingChange(previous)
  }

  /** Stops the track's clip at the next boundary (or now when `quantized` is false or the transport is stopped). */
  stop(quantized: boolean): void {
    const song = this.track.song
    if (!this.playingSlot && !this.pending) return
    if (!quantized || !song.isPlaying || !this.playingSlot) {
      this.stopNow()
      return
    }
    const previous = this.pending?.slot ?? null
    this.pending = {
      slot: null,
      at: song.nextBoundary(song.globalQuantum()),
      stop: true,
      record: false,
      recordLength: undefined,
    }
    this.afterPendingChange(previous)
  }

  /** Stops playback and any recording at once. */
  stopNow(): void {
    const was = this.playingSlot
    const previous = this.pending?.slot ?? null
    this.endRecording()
    this.playingSlot = null
    this.pending = null
    if (was) {
      was.emit('playing_status')
      was.clip?.emit('playing_position')
      this.track.emit('playing_slot_index')
    }
    this.afterPendingChange(previous)
  }

  /** Engine update: fire what falls due in (prevSong, newSong], grow recordings, end one-shot clips. */
  update(prevSong: number, newSong: number, absPrev: number): void {
    const pending = this.pending
    if (pending && pending.at <= newSong + 1e-9) {
      const startAbs = absPrev + Math.max(0, pending.at - prevSong)
      if (pending.stop || !pending.slot) this.stopNow()
      else this.start(pending, startAbs)
    }
    const slot = this.playingSlot
    const clip = slot?.clip
    if (!slot || !clip) return
    const elapsed = this.elapsed()
    if (clip.recording) {
      if (this.recordUntil !== undefined && elapsed >= this.recordUntil) {
        clip.grow(this.recordUntil)
        this.endRecording()
      } else {
        clip.grow(elapsed)
      }
    } else if (!clip.state.looping && clip.positionAfter(elapsed) >= clip.state.end_marker) {
      this.stopNow()
      return
    }
    clip.emit('playing_position')
  }

  private start(pending: PendingLaunch, startAbs: number): void {
    const slot = pending.slot!
    const previous = this.playingSlot
    this.pending = null
    if (previous === slot && slot.clip?.recording) {
      // Firing a recording slot ends the recording at the boundary; the new loop plays on.
      slot.clip.grow(startAbs - this.startAbs)
      this.endRecording()
      this.afterPendingChange(slot)
      return
    }
    if (previous && previous !== slot) this.endRecording()
    if (!slot.clip && pending.record) {
      const kind = this.track.kind === 'audio' ? 'audio' : 'midi'
      const data = newClipData(kind, 1 / 64)
      if (kind === 'audio') data.file_path = `Samples/Recorded/${this.track.name} [recorded].wav`
      const clip = new Clip(this.track.ctx, data, slot)
      clip.recording = true
      slot.putClip(clip)
      this.track.ctx.undo.push(
        'Record Clip',
        () => slot.putClip(null),
        () => slot.putClip(clip),
      )
      this.recordUntil = pending.recordLength
      clip.emit('is_recording')
      slot.emit('is_recording')
    }
    this.playingSlot = slot
    this.startAbs = startAbs
    previous?.emit('playing_status')
    slot.emit('playing_status')
    this.track.emit('playing_slot_index')
    this.afterPendingChange(slot)
  }

  private endRecording(): void {
    const clip = this.playingSlot?.clip
    this.recordUntil = undefined
    if (!clip?.recording) return
    clip.recording = false
    clip.emit('is_recording')
    this.playingSlot?.emit('is_recording')
    this.playingSlot?.emit('playing_status')
  }

  private afterPendingChange(previous: ClipSlot | null): void {
    previous?.emit('is_triggered')
    this.pending?.slot?.emit('is_triggered')
    this.track.emit('fired_slot_index')
    this.track.song.emitSceneTriggers()
  }

  /** Engine update of the meters from the playing clip; notifies only on change. */
  updateMeters(): void {
    const track = this.track
    let target = 0
    const slot = this.playingSlot
    const clip = slot?.clip
    if (clip && !clip.state.muted && !track.mute && !track.mutedViaSolo && track.song.isPlaying) {
      if (clip.isMidi) {
        const pos = clip.positionAfter(this.elapsed())
        const sounding = clip.notes.filter((n) => !n.mute && n.start_time <= pos && pos < n.start_time + n.duration)
        target = sounding.length ? Math.max(...sounding.map((n) => n.velocity)) / 127 : 0
      } else {
        target = 0.7 * ((clip.state.gain ?? 0.4) / 0.4)
      }
      target *= Math.min(1, track.mixer.volume.value / 0.85)
    }
    if (track.kind === 'master' || track.kind === 'return') target = track.song.busLevel(track)
    const level = round(Math.min(1, Math.max(target, this.meterLevel * 0.7)))
    const next = level < 0.001 ? 0 : level
    const pan = track.mixer.panning.value
    const left = round(next * Math.min(1, 1 - pan))
    const right = round(next * Math.min(1, 1 + pan))
    if (next !== this.meterLevel) {
      this.meterLevel = next
      track.emit('output_meter_level')
    }
    if (left !== this.meterLeft) {
      this.meterLeft = left
      if (track.hasAudioOutput) track.emit('output_meter_left')
    }
    if (right !== this.meterRight) {
      this.meterRight = right
      if (track.hasAudioOutput) track.emit('output_meter_right')
    }
  }
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4
}
