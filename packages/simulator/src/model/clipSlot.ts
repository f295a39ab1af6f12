import { LomError, type LomValue } from '@live/protocol'
import { Clip } from './clip.js'
import { type LiveContext, LomNode, notApplicable, type Prop, toBool, toFloat } from './lomNode.js'
import type { ClipData } from './schema.js'
import type { Track } from './track.js'

/** [guess] Live's texts for clip slot misuse (not captured from a real Live). */
export const SLOT_ERRORS = {
  notEmpty: 'Clip slot is not empty',
  empty: 'Clip slot is empty',
  notMidi: 'Creating clips is only possible on MIDI tracks',
  badLength: 'Invalid clip length',
  groupSlot: 'Not possible on group track clip slots',
  typeMismatch: 'Cannot duplicate a clip to a track of a different type',
} as const

/** A `ClipSlot`: a session cell that may hold a clip. */
export class ClipSlot extends LomNode {
  override readonly className = 'ClipSlot'
  clip: Clip | null = null
  hasStopButton: boolean

  constructor(
    ctx: LiveContext,
    readonly track: Track,
    clip: ClipData | null,
    hasStopButton: boolean,
  ) {
    super(ctx)
    this.hasStopButton = hasStopButton
    if (clip) this.clip = new Clip(ctx, clip, this)
  }

  override path(): string {
    return `${this.track.path()} clip_slots ${this.index}`
  }

  /** The slot's index (= its scene's index). */
  get index(): number {
    return this.track.clipSlots.indexOf(this)
  }

  /** True for a group track's slot. */
  get isGroupSlot(): boolean {
    return this.track.kind === 'group'
  }

  /** True while this slot's clip or a recording plays. */
  get isPlaying(): boolean {
    if (this.isGroupSlot)
      return this.track.song.groupChildren(this.track).some((t) => t.clipSlots[this.index]?.isPlaying)
    return this.track.playingSlot === this
  }

  /** True while a launch (or recording) of this slot waits for its boundary. */
  get isTriggered(): boolean {
    const pending = this.track.pending
    return pending !== null && pending.slot === this && !pending.stop
  }

  /** True while the slot records. */
  get isRecording(): boolean {
    return this.clip?.recording ?? false
  }

  /** Replaces the clip (or empties the slot), notifying `has_clip`. */
  putClip(clip: Clip | null): void {
    const old = this.clip
    if (old === clip) return
    if (old) {
      if (this.track.playingSlot === this) this.track.stopNow()
      old.kill()
    }
    this.clip = clip
    if (clip) clip.revive()
    this.emit('has_clip')
  }

  protected override owns(child: LomNode): boolean {
    return child === this.clip
  }

  protected override readonly props: Record<string, Prop> = {
    has_clip: { get: () => this.clip !== null },
    has_stop_button: {
      get: () => this.hasStopButton,
      set: (v) => {
        const next = toBool('ClipSlot', 'has_stop_button', v)
        if (next === this.hasStopButton) return
        this.hasStopButton = next
        this.emit('has_stop_button')
      },
    },
    is_playing: { get: () => this.isPlaying, observable: false },
    is_triggered: { get: () => this.isTriggered },
    is_recording: { get: () => this.isRecording },
    playing_status: { get: () => (this.isRecording ? 2 : this.isPlaying ? 1 : 0) },
    will_record_on_start: {
      get: () => this.clip === null && !this.isGroupSlot && this.track.armed,
      observable: false,
    },
    controls_other_clips: {
      get: () =>
        this.isGroupSlot &&
        this.track.song.groupChildren(this.track).some((t) => t.clipSlots[this.index]?.clip != null),
    },
    is_group_slot: { get: () => this.isGroupSlot, observable: false },
    color: { get: () => this.clip?.state.color ?? null },
    color_index: { get: () => this.clip?.state.color_index ?? null },
  }

  protected override readonly singles: Record<string, () => LomNode | null> = {
    clip: () => this.clip,
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    fire: (args) => {
      const recordLength =
        args[0] === undefined || args[0] === null ? undefined : toFloat('ClipSlot', 'record_length', args[0])
      this.fire(recordLength)
      return null
    },
    stop: () => {
      this.stop()
      return null
    },
    create_clip: (args) => {
      this.createClip(toFloat('ClipSlot', 'length', args[0] ?? null))
      return null
    },
    delete_clip: () => {
      const clip = this.clip
      if (!clip) throw notApplicable(SLOT_ERRORS.empty)
      this.putClip(null)
      this.ctx.undo.push(
        'Delete Clip',
        () => this.putClip(clip),
        () => this.putClip(null),
      )
      return null
    },
    duplicate_clip_to: (args) => {
      const target = this.track.song.resolveSlot(args[0])
      this.duplicateClipTo(target)
      return null
    },
    set_fire_button_state: (args) => {
      if (toBool('ClipSlot', 'state', args[0] ?? null)) this.fire()
      return null
    },
  }

  /** `ClipSlot.fire()`: launch the clip, record into an empty armed slot, or act as a stop button. */
  fire(recordLength?: number): void {
    if (this.isGroupSlot) {
      for (const child of this.track.song.groupChildren(this.track)) child.clipSlots[this.index]?.fire()
      return
    }
    if (this.clip) {
      this.track.launch(this)
      return
    }
    if (this.track.armed) {
      this.track.launch(this, { record: true, recordLength })
      return
    }
    if (this.hasStopButton) this.track.stopClips(true)
  }

  /** `ClipSlot.stop()`: stops the track's clip, as the slot's stop button does. */
  stop(): void {
    if (this.isGroupSlot) {
      for (const child of this.track.song.groupChildren(this.track)) child.stopClips(true)
      return
    }
    this.track.stopClips(true)
  }

  /** `create_clip(length)`: an empty MIDI clip with its loop and markers spanning `length` beats. */
  createClip(length: number): Clip {
    if (this.isGroupSlot) throw notApplicable(SLOT_ERRORS.groupSlot)
    if (this.track.kind !== 'midi') throw notApplicable(SLOT_ERRORS.notMidi)
    if (this.clip) throw notApplicable(SLOT_ERRORS.notEmpty)
    if (!(length > 0)) throw notApplicable(SLOT_ERRORS.badLength)
    const clip = new Clip(this.ctx, newClipData('midi', length), this)
    this.putClip(clip)
    this.ctx.undo.push(
      'Create Clip',
      () => this.putClip(null),
      () => this.putClip(clip),
    )
    return clip
  }

  /** `duplicate_clip_to(target)`: copies this clip over the target slot's. */
  duplicateClipTo(target: ClipSlot): void {
    const clip = this.clip
    if (!clip) throw notApplicable(SLOT_ERRORS.empty)
    const targetIsMidi = target.track.kind === 'midi'
    if (target.isGroupSlot || targetIsMidi !== clip.isMidi) throw notApplicable(SLOT_ERRORS.typeMismatch)
    const previous = target.clip
    const copy = new Clip(this.ctx, clip.toJSON(), target)
    target.putClip(copy)
    this.ctx.undo.push(
      'Duplicate Clip',
      () => target.putClip(previous),
      () => target.putClip(copy),
    )
  }

  /** Plain data for saving. */
  toJSON(): { clip: ClipData | null; has_stop_button: boolean } {
    return { clip: this.clip ? this.clip.toJSON() : null, has_stop_button: this.hasStopButton }
  }
}

/** The data of a new, empty clip of `length` beats. */
export function newClipData(kind: 'midi' | 'audio', length: number, name = ''): ClipData {
  return {
    name,
    kind,
    length,
    looping: true,
    loop_start: 0,
    loop_end: length,
    start_marker: 0,
    end_marker: length,
    muted: false,
    launch_mode: 0,
    launch_quantization: 0,
    legato: false,
    velocity_amount: 0,
    signature_numerator: 4,
    signature_denominator: 4,
    notes: [],
  }
}

/** Thrown when a path argument does not name a clip slot. */
export function notASlot(): LomError {
  return new LomError('TypeError', 'Expected a ClipSlot') // [guess]
}
