import type { LomValue } from '@live/protocol'
import { changeNotes, clipNoteFunctions } from './clipNotes.js'
import { type LomFunctions, returnsNone } from './lomFunctions.js'
import { type LiveContext, LomNode, notApplicable, type Prop, toBool, toFloat, toInt, toStr } from './lomNode.js'
import { makeNote, type Note, noteData, notesJson } from './notes.js'
import { nearestColorIndex, paletteColor } from './palette.js'
import type { ClipData } from './schema.js'
import type { Track } from './track.js'

/** Where a clip lives: a session clip slot or a track's arrangement. */
export interface ClipOwner {
  readonly track: Track
  path(): string
}

type ClipState = Omit<ClipData, 'notes' | 'color' | 'color_index' | 'loop_end' | 'end_marker'> & {
  color: number
  color_index: number
  loop_end: number
  end_marker: number
}

/** Live's text for an audio-only property of a MIDI clip: `gain` → "Gain is only available for Audio Clips". */
const audioOnlyText = (name: string) =>
  `${name.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase())} is only available for Audio Clips`

/** The audio-only properties stored as written. */
type AudioField = 'pitch_coarse' | 'pitch_fine' | 'warping' | 'warp_mode' | 'ram_mode'

/** A `Clip`: MIDI (with notes) or audio, in a session slot or on the arrangement. */
export class Clip extends LomNode {
  override readonly className = 'Clip'
  readonly state: ClipState
  notes: Note[]
  /** True while the slot records into this clip (the engine grows it). */
  recording = false

  constructor(
    ctx: LiveContext,
    data: ClipData,
    readonly owner: ClipOwner,
  ) {
    super(ctx)
    const colorIndex = data.color_index ?? (data.color !== undefined ? nearestColorIndex(data.color) : 0)
    const { notes, ...rest } = data
    this.state = {
      ...rest,
      color: data.color ?? paletteColor(colorIndex),
      color_index: colorIndex,
      loop_end: data.loop_end ?? data.loop_start + data.length,
      end_marker: data.end_marker ?? data.start_marker + data.length,
    }
    this.notes = notes.map((n) => makeNote(n))
  }

  override path(): string {
    return this.owner.path()
  }

  /** True for a MIDI clip. */
  get isMidi(): boolean {
    return this.state.kind === 'midi'
  }

  /** Live's `length`: the loop length when looping, else end − start marker. */
  get length(): number {
    return this.state.looping
      ? this.state.loop_end - this.state.loop_start
      : this.state.end_marker - this.state.start_marker
  }

  /** True when the owning track plays this clip now. */
  get isPlaying(): boolean {
    const slot = this.owner.track.playingSlot
    return slot !== null && slot.clip === this
  }

  /** True when a launch of this clip waits for its quantisation boundary. */
  get isTriggered(): boolean {
    const pending = this.owner.track.pending
    return pending?.slot?.clip === this && !pending.stop
  }

  /** The position in beats while playing, as Live's `playing_position` reports it; 0 when stopped. */
  get playingPosition(): number {
    if (!this.isPlaying) return 0
    return this.positionAfter(this.owner.track.elapsed())
  }

  /** Where playback is after `elapsed` beats from launch (looping wraps to loop_start). */
  positionAfter(elapsed: number): number {
    const { start_marker, loop_start, loop_end, looping } = this.state
    const pos = start_marker + elapsed
    if (!looping || pos < loop_end || this.recording) return pos
    const span = loop_end - loop_start
    return span > 0 ? loop_start + ((pos - loop_start) % span) : loop_start
  }

  /** Grows a recording clip to `beats` (engine only). */
  grow(beats: number): void {
    const length = Math.max(beats, 1 / 64)
    this.state.length = length
    this.state.loop_end = this.state.loop_start + length
    this.state.end_marker = this.state.start_marker + length
    this.emit('loop_end')
    this.emit('end_marker')
    this.emit('end_time')
  }

  /**
   * A property only audio clips have: on a MIDI clip, reading or writing it raises Live's "<Name> is only
   * available for Audio Clips" ([guess] for the names past Gain and FilePath).
   */
  private audioOnly(name: string, prop: Prop): Prop {
    const check = () => {
      if (this.isMidi) throw notApplicable(audioOnlyText(name))
    }
    const { get, set } = prop
    return {
      ...prop,
      get: () => {
        check()
        return get()
      },
      set:
        set &&
        ((value) => {
          check()
          set(value)
        }),
    }
  }

  /** An audio-only property stored as it is written: `fallback` until set, `parse` checks the value. */
  private audioField<K extends AudioField>(
    key: K,
    fallback: NonNullable<ClipState[K]>,
    parse: (className: string, name: string, value: LomValue) => NonNullable<ClipState[K]>,
  ): Prop {
    return this.audioOnly(key, {
      get: () => this.state[key] ?? fallback,
      set: (v) => this.field(key, parse('Clip', key, v)),
    })
  }

  private field<K extends keyof ClipState>(key: K, value: ClipState[K]): void {
    if (this.state[key] === value) return
    this.state[key] = value
    this.emit(key)
  }

  private setLoop(key: 'loop_start' | 'loop_end' | 'start_marker' | 'end_marker', value: number): void {
    const s = this.state
    const next = { ...s, [key]: value }
    if (next.loop_start >= next.loop_end) throw notApplicable('LoopStart behind LoopEnd') // [guess] text
    if (next.start_marker >= next.end_marker) throw notApplicable('StartMarker behind EndMarker') // [guess] text
    this.field(key, value)
    if (key === 'loop_end' || key === 'end_marker') this.emit('end_time')
  }

  protected override readonly props: Record<string, Prop> = {
    name: { get: () => this.state.name, set: (v) => this.field('name', toStr('Clip', 'name', v)) },
    color: {
      get: () => this.state.color,
      set: (v) => {
        const index = nearestColorIndex(toInt('Clip', 'color', v))
        this.field('color_index', index)
        this.field('color', paletteColor(index))
      },
    },
    color_index: {
      get: () => this.state.color_index,
      set: (v) => {
        const index = toInt('Clip', 'color_index', v)
        if (index < 0 || index > 69) throw notApplicable('Color index out of range') // [guess]
        this.field('color_index', index)
        this.field('color', paletteColor(index))
      },
    },
    length: { get: () => this.length, observable: false },
    looping: { get: () => this.state.looping, set: (v) => this.field('looping', toBool('Clip', 'looping', v)) },
    loop_start: {
      get: () => this.state.loop_start,
      set: (v) => this.setLoop('loop_start', toFloat('Clip', 'loop_start', v)),
    },
    loop_end: { get: () => this.state.loop_end, set: (v) => this.setLoop('loop_end', toFloat('Clip', 'loop_end', v)) },
    start_marker: {
      get: () => this.state.start_marker,
      set: (v) => this.setLoop('start_marker', toFloat('Clip', 'start_marker', v)),
    },
    end_marker: {
      get: () => this.state.end_marker,
      set: (v) => this.setLoop('end_marker', toFloat('Clip', 'end_marker', v)),
    },
    position: {
      get: () => this.state.loop_start,
      set: (v) => {
        const p = toFloat('Clip', 'position', v)
        const span = this.state.loop_end - this.state.loop_start
        this.field('loop_start', p)
        this.field('loop_end', p + span)
        this.emit('position')
      },
    },
    muted: { get: () => this.state.muted, set: (v) => this.field('muted', toBool('Clip', 'muted', v)) },
    launch_mode: {
      get: () => this.state.launch_mode,
      set: (v) => this.field('launch_mode', toInt('Clip', 'launch_mode', v)),
    },
    launch_quantization: {
      get: () => this.state.launch_quantization,
      set: (v) => {
        const q = toInt('Clip', 'launch_quantization', v)
        if (q < 0 || q > 14) throw notApplicable('Invalid launch quantization') // [guess]
        this.field('launch_quantization', q)
      },
    },
    legato: { get: () => this.state.legato, set: (v) => this.field('legato', toBool('Clip', 'legato', v)) },
    velocity_amount: {
      get: () => this.state.velocity_amount,
      set: (v) => this.field('velocity_amount', toFloat('Clip', 'velocity_amount', v)),
    },
    signature_numerator: {
      get: () => this.state.signature_numerator,
      set: (v) => this.field('signature_numerator', toInt('Clip', 'signature_numerator', v)),
    },
    signature_denominator: {
      get: () => this.state.signature_denominator,
      set: (v) => this.field('signature_denominator', toInt('Clip', 'signature_denominator', v)),
    },
    is_midi_clip: { get: () => this.isMidi, observable: false },
    is_audio_clip: { get: () => !this.isMidi, observable: false },
    is_arrangement_clip: { get: () => this.state.start_time !== undefined, observable: false },
    is_session_clip: { get: () => this.state.start_time === undefined, observable: false },
    is_playing: {
      get: () => this.isPlaying,
      set: (v) => (toBool('Clip', 'is_playing', v) ? this.fire() : this.stop()),
      observable: false,
      undoable: false,
    },
    is_triggered: { get: () => this.isTriggered, observable: false },
    is_recording: { get: () => this.recording },
    is_overdubbing: {
      get: () => {
        const track = this.owner.track
        return this.isPlaying && !this.recording && this.isMidi && track.armed && track.song.sessionRecord
      },
    },
    will_record_on_start: { get: () => false, observable: false },
    playing_position: { get: () => this.playingPosition },
    start_time: { get: () => this.state.start_time ?? 0 },
    end_time: { get: () => (this.state.start_time ?? 0) + this.length },
    has_groove: { get: () => false, observable: false },
    has_envelopes: { get: () => false },
    file_path: this.audioOnly('file_path', { get: () => this.state.file_path ?? '' }),
    gain: this.audioOnly('gain', {
      get: () => this.state.gain ?? 0.4,
      set: (v) => {
        const g = toFloat('Clip', 'gain', v)
        if (g < 0 || g > 1) throw notApplicable('Invalid gain') // [guess]
        this.field('gain', g)
      },
    }),
    gain_display_string: this.audioOnly('gain_display_string', {
      get: () => `${(((this.state.gain ?? 0.4) - 0.4) * 60).toFixed(1)} dB`, // [guess] curve: 0.4 = 0 dB
      observable: false,
    }),
    pitch_coarse: this.audioField('pitch_coarse', 0, toInt),
    pitch_fine: this.audioField('pitch_fine', 0, toFloat),
    warping: this.audioField('warping', true, toBool),
    warp_mode: this.audioField('warp_mode', 0, toInt),
    ram_mode: this.audioField('ram_mode', false, toBool),
    sample_length: { get: () => (this.isMidi ? -1 : (this.state.sample_length ?? 0)), observable: false },
    sample_rate: { get: () => (this.isMidi ? 0 : (this.state.sample_rate ?? 44100)), observable: false },
    notes: { get: () => notesJson(this.notes) },
  }

  protected override readonly fns: LomFunctions = {
    fire: returnsNone(() => this.fire()),
    stop: returnsNone(() => this.stop()),
    ...clipNoteFunctions(this),
    duplicate_loop: returnsNone(() => {
      const { loop_start, loop_end } = this.state
      const span = loop_end - loop_start
      const copies = this.notes
        .filter((n) => n.start_time >= loop_start && n.start_time < loop_end)
        .map((n) => makeNote({ ...noteData(n), start_time: n.start_time + span }))
      changeNotes(this, 'Duplicate Loop', () => {
        this.notes = [
          ...this.notes.filter((n) => n.start_time < loop_end || n.start_time >= loop_end + span),
          ...copies,
        ]
      })
      this.field('loop_end', loop_end + span)
      if (this.state.end_marker < loop_end + span) this.field('end_marker', loop_end + span)
    }),
    select_all_notes: () => null,
    deselect_all_notes: () => null,
  }

  /** Launches this clip (as `Clip.fire()`). */
  fire(): void {
    const slot = this.owner.track.slotOf(this)
    if (!slot) return // arrangement clips are not launched by the simulator
    this.owner.track.launch(slot)
  }

  /** Stops this clip at the next quantisation boundary (as `Clip.stop()`). */
  stop(): void {
    if (this.isPlaying || this.isTriggered) this.owner.track.stopClips(true)
  }

  /** Plain data for saving. */
  toJSON(): ClipData {
    const { color, color_index, ...rest } = this.state
    const out: ClipData = { ...rest, length: this.length, color, color_index, notes: this.notes.map(noteData) }
    for (const key of Object.keys(out) as (keyof ClipData)[]) if (out[key] === undefined) delete out[key]
    return out
  }
}
