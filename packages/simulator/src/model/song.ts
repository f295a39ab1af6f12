import { LomError, type LomValue } from '@live/protocol'
import type { Clip } from './clip.js'
import { ClipSlot } from './clipSlot.js'
import { CuePoint } from './cuePoint.js'
import { Engine } from './engine.js'
import { type LiveContext, LomNode, notApplicable, type Prop, toBool, toFloat, toInt, toStr } from './lomNode.js'
import { Scene } from './scene.js'
import type { LiveSetData } from './schema.js'
import { songFunctions } from './songFunctions.js'
import { SongView } from './songView.js'
import { Track } from './track.js'

type SongState = Omit<LiveSetData['song'], 'cue_points'>

/** Live's launch quantisation enum (Song.Quantization) → length in beats; bars depend on the signature. */
export function quantumBeats(q: number, numerator: number, denominator: number): number {
  const bar = (numerator * 4) / denominator
  const table = [0, 8 * bar, 4 * bar, 2 * bar, bar, 2, 4 / 3, 1, 2 / 3, 0.5, 1 / 3, 0.25, 1 / 6, 0.125]
  return table[q] ?? 0
}

/** [guess] texts for out-of-range song values. */
export const SONG_ERRORS = {
  tempo: 'Tempo out of range (20..999)',
  numerator: 'Invalid signature numerator',
  denominator: 'Invalid signature denominator',
  quantization: 'Invalid quantization',
} as const

/** The `Song` (`live_set`): transport, tracks, scenes, cue points and the engine that moves time. */
export class Song extends LomNode {
  override readonly className = 'Song'
  readonly state: SongState
  isPlaying = false
  /** Where `start_playing` starts from (Live's insert marker). */
  insertMarker: number
  readonly tracks: Track[]
  readonly returnTracks: Track[]
  readonly master: Track
  readonly scenes: Scene[]
  readonly cuePoints: CuePoint[]
  readonly view: SongView
  readonly engine: Engine
  /** Resolves a LOM path (or reference) to an object; set by the LiveSet. */
  resolveRef: (value: LomValue) => LomNode | null = () => null
  taps: number[] = []
  /** Transport buttons Live reports while held (nudge) or lit (Back to Arrangement). */
  private readonly buttons = { nudge_down: false, nudge_up: false, back_to_arranger: false }

  constructor(ctx: LiveContext, data: LiveSetData, engineMs: number) {
    super(ctx)
    const { cue_points, ...state } = data.song
    this.state = { ...state }
    this.insertMarker = state.current_song_time
    this.engine = new Engine(ctx.clock, engineMs, (ms) => this.advance(ms))
    this.tracks = data.tracks.map((t) => new Track(ctx, this, t))
    data.tracks.forEach((t, i) => {
      const group = t.group === null ? null : (this.tracks[t.group] ?? null)
      this.tracks[i]!.group = group
    })
    this.returnTracks = data.return_tracks.map((t) => new Track(ctx, this, { ...t, kind: 'return' }))
    this.master = new Track(ctx, this, { ...data.master_track, kind: 'master' })
    this.scenes = data.scenes.map((s) => new Scene(ctx, this, s))
    this.cuePoints = cue_points.map((c) => new CuePoint(ctx, this, c.name, c.time)).sort((a, b) => a.time - b.time)
    const selectedTrack = this.tracks[data.view.selected_track] ?? this.tracks[0] ?? this.master
    this.view = new SongView(this, selectedTrack, this.scenes[data.view.selected_scene] ?? this.scenes[0] ?? null)
    ctx.undo.onChange = () => {
      this.emit('can_undo')
      this.emit('can_redo')
    }
  }

  override path(): string {
    return 'live_set'
  }

  /** Current song time in beats. */
  get time(): number {
    return this.state.current_song_time
  }

  /** True while the Session Record button is on. */
  get sessionRecord(): boolean {
    return this.state.session_record
  }

  /** Length of the global launch quantum in beats (0 = none). */
  globalQuantum(): number {
    return quantumBeats(
      this.state.clip_trigger_quantization,
      this.state.signature_numerator,
      this.state.signature_denominator,
    )
  }

  /** A clip's launch quantum: its own `launch_quantization`, or the song's when Global (0). */
  launchQuantum(clip: Clip | null): number {
    const q = clip?.state.launch_quantization ?? 0
    if (q === 0) return this.globalQuantum()
    return quantumBeats(q - 1, this.state.signature_numerator, this.state.signature_denominator)
  }

  /** The next boundary of `quantum` at or after the current song time. */
  nextBoundary(quantum: number): number {
    if (quantum <= 0) return this.time
    return Math.ceil(this.time / quantum - 1e-9) * quantum
  }

  /**
   * True from a launch that started the stopped transport until song time first moves: launches in
   * that same instant (one AbletonOSC tick, one scene) start with it, as in Live, instead of waiting
   * for the next boundary.
   */
  private launchedFromStop = false

  /** A launch while stopped starts the transport where it is; the clip starts at once. */
  startForLaunch(): number {
    this.setPlaying(true)
    this.launchedFromStop = true
    return this.time
  }

  /** Where a launch now starts: at once when stopped (or in the instant a launch started the transport), else on the boundary. */
  launchTime(quantum: number): number {
    if (!this.isPlaying || this.launchedFromStop) return this.startForLaunch()
    return this.nextBoundary(quantum)
  }

  /** Starts or stops the transport; stopping stops every session clip. */
  setPlaying(playing: boolean): void {
    if (playing === this.isPlaying) return
    this.isPlaying = playing
    this.launchedFromStop = false
    if (!playing) {
      for (const track of this.tracks) track.stopNow()
      this.emitSceneTriggers()
    }
    this.emit('is_playing')
  }

  /** Moves the play position (and the insert marker when stopped). */
  jumpTo(time: number): void {
    const t = Math.max(0, time)
    if (!this.isPlaying) this.insertMarker = t
    if (t === this.state.current_song_time) return
    this.state.current_song_time = t
    this.emit('current_song_time')
  }

  /** Sets the tempo after Live's range check. */
  setTempo(tempo: number): void {
    if (!(tempo >= 20 && tempo <= 999)) throw notApplicable(SONG_ERRORS.tempo)
    this.assign('tempo', tempo)
  }

  /** Sets the time signature. */
  setSignature(numerator: number, denominator: number): void {
    if (!(numerator >= 1 && numerator <= 99)) throw notApplicable(SONG_ERRORS.numerator)
    if (![1, 2, 4, 8, 16].includes(denominator)) throw notApplicable(SONG_ERRORS.denominator)
    this.assign('signature_numerator', numerator)
    this.assign('signature_denominator', denominator as SongState['signature_denominator'])
  }

  /** Sets a song field, notifying observers when it changes. */
  assign<K extends keyof SongState>(key: K, value: SongState[K]): void {
    if (this.state[key] === value) return
    this.state[key] = value
    this.emit(key)
  }

  private lastSongLength: number | undefined

  /** Also tells song_length's observers when a change of the song (loop, cue points) moved it. */
  override emit(name: string): void {
    super.emit(name)
    if (name === 'song_length' || !this.observed('song_length')) return
    const length = this.edit.songLength()
    if (this.lastSongLength !== undefined && length !== this.lastSongLength) {
      this.lastSongLength = length
      super.emit('song_length')
    }
    this.lastSongLength = length
  }

  /** The direct children of a group track. */
  groupChildren(group: Track): Track[] {
    return this.tracks.filter((t) => t.group === group)
  }

  /** True when a folded group hides the track. */
  hiddenByFold(track: Track): boolean {
    for (let g = track.group; g; g = g.group) if (g.foldState) return true
    return false
  }

  /** The level a return or the master meters from the tracks feeding it. */
  busLevel(bus: Track): number {
    if (bus.kind === 'master') {
      const feeds = [...this.tracks.filter((t) => t.group === null && t.kind !== 'group'), ...this.returnTracks]
      const level = Math.max(0, ...feeds.map((t) => t.playback.meterLevel))
      return level * Math.min(1, bus.mixer.volume.value / 0.85)
    }
    const i = this.returnTracks.indexOf(bus)
    return Math.max(0, ...this.tracks.map((t) => t.playback.meterLevel * (t.mixer.sends[i]?.value ?? 0)))
  }

  /** Notifies `is_triggered` on scenes and clears finished scene launches. */
  emitSceneTriggers(): void {
    for (const scene of this.scenes) {
      const before = scene.triggered
      if (before && !scene.isTriggered) {
        scene.triggered = false
        scene.emit('is_triggered')
      } else if (before) scene.emit('is_triggered')
    }
  }

  /** Notifies `muted_via_solo` on every track. */
  emitMutedViaSolo(): void {
    for (const track of this.tracks) track.emit('muted_via_solo')
  }

  /** A clip slot from a reference or path argument. */
  resolveSlot(value: LomValue | undefined): ClipSlot {
    const node = this.resolveRef(value ?? null)
    if (!(node instanceof ClipSlot)) throw new LomError('TypeError', 'Expected a ClipSlot') // [guess]
    return node
  }

  /** Inserts an empty scene at `index` (−1 = end); see songFunctions. */
  createScene(index: number): Scene {
    return this.edit.createScene(index)
  }

  /** Engine update: advances song time while playing, fires due launches, wraps the loop, moves meters. */
  advance(ms: number): void {
    this.ctx.undo.silently(() => {
      if (this.isPlaying && ms > 0) {
        const beats = (ms * this.state.tempo) / 60000
        const prev = this.time
        let next = prev + beats
        const absPrev = this.engine.absBeats
        this.engine.absBeats += beats
        for (const track of this.tracks) track.playback.update(prev, next, absPrev)
        const { loop, loop_start, loop_length } = this.state
        const loopEnd = loop_start + loop_length
        if (loop && prev < loopEnd && next >= loopEnd) next = loop_start + ((next - loopEnd) % loop_length)
        this.state.current_song_time = next
        this.launchedFromStop = false
        this.emit('current_song_time')
        this.emitSceneTriggers()
      }
      for (const track of this.tracks) track.playback.updateMeters()
      for (const track of this.returnTracks) track.playback.updateMeters()
      this.master.playback.updateMeters()
    })
  }

  private readonly edit = songFunctions(this)

  private quantization(name: 'clip_trigger_quantization' | 'midi_recording_quantization', max: number): Prop {
    return {
      get: () => this.state[name],
      set: (v) => {
        const q = toInt('Song', name, v)
        if (q < 0 || q > max) throw notApplicable(SONG_ERRORS.quantization)
        this.assign(name, q)
      },
    }
  }

  private flag(
    name: { [K in keyof SongState]: SongState[K] extends boolean ? K : never }[keyof SongState],
    undoable = true,
  ): Prop {
    return { get: () => this.state[name], set: (v) => this.assign(name, toBool('Song', name, v)), undoable }
  }

  private button(name: 'nudge_down' | 'nudge_up' | 'back_to_arranger'): Prop {
    return {
      get: () => this.buttons[name],
      set: (v) => {
        const on = toBool('Song', name, v)
        if (on === this.buttons[name]) return
        this.buttons[name] = on
        this.emit(name)
      },
      undoable: false,
    }
  }

  private float(name: 'groove_amount' | 'swing_amount' | 'loop_start' | 'loop_length', min: number, max: number): Prop {
    return {
      get: () => this.state[name],
      set: (v) => {
        const x = toFloat('Song', name, v)
        if (x < min || x > max) throw notApplicable(`Invalid ${name}`) // [guess]
        this.assign(name, x)
      },
    }
  }

  protected override readonly props: Record<string, Prop> = {
    tempo: { get: () => this.state.tempo, set: (v) => this.setTempo(toFloat('Song', 'tempo', v)) },
    signature_numerator: {
      get: () => this.state.signature_numerator,
      set: (v) => this.setSignature(toInt('Song', 'signature_numerator', v), this.state.signature_denominator),
    },
    signature_denominator: {
      get: () => this.state.signature_denominator,
      set: (v) => this.setSignature(this.state.signature_numerator, toInt('Song', 'signature_denominator', v)),
    },
    current_song_time: {
      get: () => this.time,
      set: (v) => this.jumpTo(toFloat('Song', 'current_song_time', v)),
      undoable: false,
    },
    is_playing: {
      get: () => this.isPlaying,
      set: (v) => this.setPlaying(toBool('Song', 'is_playing', v)),
      undoable: false,
    },
    clip_trigger_quantization: this.quantization('clip_trigger_quantization', 13),
    midi_recording_quantization: this.quantization('midi_recording_quantization', 8),
    metronome: this.flag('metronome'),
    loop: this.flag('loop'),
    loop_start: this.float('loop_start', 0, Number.MAX_VALUE),
    loop_length: this.float('loop_length', 1 / 64, Number.MAX_VALUE),
    groove_amount: this.float('groove_amount', 0, 1.3125),
    swing_amount: this.float('swing_amount', 0, 1),
    root_note: {
      get: () => this.state.root_note,
      set: (v) => {
        const n = toInt('Song', 'root_note', v)
        if (n < 0 || n > 11) throw notApplicable('Invalid root note') // [guess]
        this.assign('root_note', n)
      },
    },
    scale_name: {
      get: () => this.state.scale_name,
      set: (v) => this.assign('scale_name', toStr('Song', 'scale_name', v)),
    },
    scale_mode: this.flag('scale_mode'),
    record_mode: this.flag('record_mode', false),
    session_record: {
      get: () => this.state.session_record,
      set: (v) => this.edit.setSessionRecord(toBool('Song', 'session_record', v)),
      undoable: false,
    },
    session_record_status: { get: () => this.edit.sessionRecordStatus() },
    arrangement_overdub: this.flag('arrangement_overdub', false),
    session_automation_record: this.flag('session_automation_record', false),
    punch_in: this.flag('punch_in'),
    punch_out: this.flag('punch_out'),
    nudge_down: this.button('nudge_down'),
    nudge_up: this.button('nudge_up'),
    back_to_arranger: this.button('back_to_arranger'),
    count_in_duration: {
      get: () => this.state.count_in_duration,
      set: (v) => this.assign('count_in_duration', toInt('Song', 'count_in_duration', v)),
    },
    is_counting_in: { get: () => false },
    is_ableton_link_enabled: this.flag('is_ableton_link_enabled', false),
    exclusive_arm: { get: () => this.state.exclusive_arm, observable: false },
    exclusive_solo: { get: () => this.state.exclusive_solo, observable: false },
    select_on_launch: { get: () => this.state.select_on_launch, observable: false },
    can_undo: { get: () => this.ctx.undo.canUndo, observable: false },
    can_redo: { get: () => this.ctx.undo.canRedo, observable: false },
    can_jump_to_next_cue: { get: () => this.cuePoints.some((c) => c.time > this.time + 1e-9) },
    can_jump_to_prev_cue: { get: () => this.cuePoints.some((c) => c.time < this.time - 1e-9) },
    can_capture_midi: { get: () => false },
    song_length: { get: () => this.edit.songLength() },
    last_event_time: { get: () => this.edit.lastEventTime() },
    start_time: { get: () => this.insertMarker },
    tempo_follower_enabled: { get: () => false },
  }

  protected override readonly lists: Record<string, () => readonly LomNode[]> = {
    tracks: () => this.tracks,
    return_tracks: () => this.returnTracks,
    visible_tracks: () => this.tracks.filter((t) => !this.hiddenByFold(t)),
    scenes: () => this.scenes,
    cue_points: () => this.cuePoints,
  }

  protected override readonly singles: Record<string, () => LomNode | null> = {
    master_track: () => this.master,
    view: () => this.view,
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = this.edit.fns

  /** Plain data for saving. */
  toJSON(): LiveSetData['song'] {
    return { ...this.state, cue_points: this.cuePoints.map((c) => ({ name: c.name, time: c.time })) }
  }
}
