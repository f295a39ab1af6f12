import type { LomValue } from '@live/protocol'
import { Clip } from './clip.js'
import { ClipSlot } from './clipSlot.js'
import { Device, type DeviceHost, deleteDevice } from './device.js'
import { insertDevice } from './insertDevice.js'
import { type LiveContext, LomNode, notApplicable, type Prop, toBool, toInt, toStr } from './lomNode.js'
import { MixerDevice } from './mixerDevice.js'
import { nearestColorIndex, paletteColor } from './palette.js'
import {
  choiceJson,
  choicesJson,
  inputChannels,
  inputTypes,
  outputChannels,
  outputTypes,
  readChoice,
} from './routing.js'
import type { TrackData } from './schema.js'
import type { Song } from './song.js'
import { TrackPlayback } from './trackPlayback.js'
import { TrackView } from './trackView.js'

/** Live's texts for track properties that do not apply. Marked ones are [guess]es. */
export const TRACK_ERRORS = {
  /** Seen through AbletonOSC (#115). */
  armMasterReturn: "Master and Return Tracks have no 'Arm' state!",
  armGroup: "Group Tracks have no 'Arm' state!", // [guess]
  monitoring: "Master, Group and Return Tracks have no 'Monitoring' state!", // [guess]
  foldState: 'Track is not foldable', // [guess]
  masterMute: "Master Track has no 'Mute' state!", // [guess]
  masterSolo: "Master Track has no 'Solo' state!", // [guess]
  meter: 'Output meter left/right are only available for tracks with audio output', // [guess]
} as const

/** A `Track`: MIDI, audio, group, return or master, with mixer, devices and clip slots. */
export class Track extends LomNode implements DeviceHost {
  override readonly className = 'Track'
  readonly kind: TrackData['kind']
  name: string
  color: number
  colorIndex: number
  mute: boolean
  solo: boolean
  arm: boolean
  monitoring: number
  foldState: boolean
  group: Track | null = null
  inputRouting: { type: string; channel: string }
  outputRouting: { type: string; channel: string }
  readonly mixer: MixerDevice
  readonly devices: Device[]
  readonly clipSlots: ClipSlot[]
  readonly arrangementClips: Clip[]
  readonly view: TrackView
  readonly playback: TrackPlayback

  constructor(
    ctx: LiveContext,
    readonly song: Song,
    data: TrackData,
  ) {
    super(ctx)
    this.kind = data.kind
    this.name = data.name
    this.colorIndex = data.color_index ?? nearestColorIndex(data.color)
    this.color = data.color
    this.mute = data.mute
    this.solo = data.solo
    this.arm = data.arm
    this.monitoring = data.current_monitoring_state
    this.foldState = data.fold_state
    this.mixer = new MixerDevice(ctx, this, {
      volume: data.volume,
      panning: data.panning,
      sends: data.kind === 'master' ? [] : data.sends,
      isMaster: data.kind === 'master',
    })
    this.devices = data.devices.map((d) => new Device(ctx, d, this))
    const hasSlots = data.kind === 'midi' || data.kind === 'audio' || data.kind === 'group'
    this.clipSlots = hasSlots ? data.clip_slots.map((s) => new ClipSlot(ctx, this, s.clip, s.has_stop_button)) : []
    this.arrangementClips = data.arrangement_clips.map((c) => {
      const clip: Clip = new Clip(ctx, c, {
        track: this,
        path: () => `${this.path()} arrangement_clips ${this.arrangementClips.indexOf(clip)}`,
      })
      return clip
    })
    this.view = new TrackView(this)
    this.playback = new TrackPlayback(this)
    this.inputRouting = data.input_routing ?? { type: 'No Input', channel: '' }
    this.outputRouting = data.output_routing ?? { type: 'Master', channel: 'Track In' }
    this.mixer.volume.onValue = () => this.song.engine.touch()
  }

  override path(): string {
    if (this.kind === 'master') return 'live_set master_track'
    if (this.kind === 'return') return `live_set return_tracks ${this.song.returnTracks.indexOf(this)}`
    return `live_set tracks ${this.song.tracks.indexOf(this)}`
  }

  /** True when the track is armed (only tracks that can be armed). */
  get armed(): boolean {
    return this.canBeArmed && this.arm
  }

  /** MIDI and audio tracks can be armed. */
  get canBeArmed(): boolean {
    return this.kind === 'midi' || this.kind === 'audio'
  }

  /** True when the track sends audio: audio/group/return/master, or MIDI with an instrument. */
  get hasAudioOutput(): boolean {
    return this.kind !== 'midi' || this.devices.some((d) => d.data.type === 1)
  }

  /** The slot whose clip plays now, or null. */
  get playingSlot(): ClipSlot | null {
    return this.playback.playingSlot
  }

  /** The launch or stop waiting for its boundary, or null. */
  get pending(): TrackPlayback['pending'] {
    return this.playback.pending
  }

  /** Beats since the playing clip started. */
  elapsed(): number {
    return this.playback.elapsed()
  }

  /** The session slot holding `clip`, if any. */
  slotOf(clip: Clip): ClipSlot | undefined {
    return this.clipSlots.find((s) => s.clip === clip)
  }

  /** Launches a slot at the next quantisation boundary (see {@link TrackPlayback.launch}). */
  launch(slot: ClipSlot, options: { record?: boolean | undefined; recordLength?: number | undefined } = {}): void {
    this.playback.launch(slot, options)
  }

  /** Stops the track's clips, quantised or now. */
  stopClips(quantized: boolean): void {
    this.playback.stop(quantized)
  }

  /** Stops playback and recording at once. */
  stopNow(): void {
    this.playback.stopNow()
  }

  /** True when another track's solo silences this one. */
  get mutedViaSolo(): boolean {
    if (this.solo || this.kind === 'master' || this.kind === 'return') return false
    return this.song.tracks.some((t) => t.solo)
  }

  private assign<K extends 'name' | 'mute' | 'solo' | 'arm' | 'monitoring' | 'foldState'>(
    key: K,
    value: this[K],
    event: string,
  ): void {
    if (this[key] === value) return
    this[key] = value
    this.emit(event)
  }

  private setColorIndex(index: number): void {
    if (index === this.colorIndex) return
    this.colorIndex = index
    this.color = paletteColor(index)
    this.emit('color')
    this.emit('color_index')
  }

  private notMaster(message: string): void {
    if (this.kind === 'master') throw notApplicable(message)
  }

  private meter(side: 'left' | 'right'): number {
    if (!this.hasAudioOutput) throw notApplicable(TRACK_ERRORS.meter)
    return side === 'left' ? this.playback.meterLeft : this.playback.meterRight
  }

  protected override readonly props: Record<string, Prop> = {
    name: { get: () => this.name, set: (v) => this.assign('name', toStr('Track', 'name', v), 'name') },
    color: { get: () => this.color, set: (v) => this.setColorIndex(nearestColorIndex(toInt('Track', 'color', v))) },
    color_index: {
      get: () => this.colorIndex,
      set: (v) => {
        const index = toInt('Track', 'color_index', v)
        if (index < 0 || index > 69) throw notApplicable('Color index out of range') // [guess]
        this.setColorIndex(index)
      },
    },
    mute: {
      get: () => {
        this.notMaster(TRACK_ERRORS.masterMute)
        return this.mute
      },
      set: (v) => {
        this.notMaster(TRACK_ERRORS.masterMute)
        this.assign('mute', toBool('Track', 'mute', v), 'mute')
        this.song.emitMutedViaSolo()
      },
    },
    solo: {
      get: () => {
        this.notMaster(TRACK_ERRORS.masterSolo)
        return this.solo
      },
      set: (v) => {
        this.notMaster(TRACK_ERRORS.masterSolo)
        this.assign('solo', toBool('Track', 'solo', v), 'solo')
        this.song.emitMutedViaSolo()
      },
    },
    muted_via_solo: { get: () => this.mutedViaSolo },
    arm: {
      get: () => {
        this.requireArmable()
        return this.arm
      },
      set: (v) => {
        this.requireArmable()
        this.assign('arm', toBool('Track', 'arm', v), 'arm')
        for (const slot of this.clipSlots) slot.emit('will_record_on_start')
      },
      undoable: false,
    },
    implicit_arm: { get: () => false },
    can_be_armed: { get: () => this.canBeArmed, observable: false },
    current_monitoring_state: {
      get: () => {
        if (!this.canBeArmed) throw notApplicable(TRACK_ERRORS.monitoring)
        return this.monitoring
      },
      set: (v) => {
        if (!this.canBeArmed) throw notApplicable(TRACK_ERRORS.monitoring)
        const state = toInt('Track', 'current_monitoring_state', v)
        if (state < 0 || state > 2) throw notApplicable('Invalid monitoring state') // [guess]
        this.assign('monitoring', state, 'current_monitoring_state')
      },
    },
    fold_state: {
      get: () => {
        if (this.kind !== 'group') throw notApplicable(TRACK_ERRORS.foldState)
        return this.foldState
      },
      set: (v) => {
        if (this.kind !== 'group') throw notApplicable(TRACK_ERRORS.foldState)
        this.assign('foldState', toBool('Track', 'fold_state', v), 'fold_state')
      },
      observable: false,
      undoable: false,
    },
    is_foldable: { get: () => this.kind === 'group', observable: false },
    is_grouped: { get: () => this.group !== null, observable: false },
    is_visible: { get: () => !this.song.hiddenByFold(this), observable: false },
    group_track: { get: () => this.group?.ref() ?? null },
    is_frozen: { get: () => false },
    can_be_frozen: { get: () => this.kind === 'midi' || this.kind === 'audio', observable: false },
    is_showing_chains: { get: () => false },
    has_audio_input: { get: () => this.kind === 'audio' },
    has_audio_output: { get: () => this.hasAudioOutput },
    has_midi_input: { get: () => this.kind === 'midi' },
    has_midi_output: { get: () => !this.hasAudioOutput },
    output_meter_level: { get: () => this.playback.meterLevel },
    output_meter_left: { get: () => this.meter('left') },
    output_meter_right: { get: () => this.meter('right') },
    playing_slot_index: { get: () => this.playback.playingSlotIndex() },
    fired_slot_index: { get: () => this.playback.firedSlotIndex() },
    back_to_arranger: { get: () => false },
    available_input_routing_types: { get: () => choicesJson('available_input_routing_types', inputTypes(this)) },
    available_input_routing_channels: {
      get: () => choicesJson('available_input_routing_channels', inputChannels(this)),
    },
    available_output_routing_types: { get: () => choicesJson('available_output_routing_types', outputTypes(this)) },
    available_output_routing_channels: {
      get: () => choicesJson('available_output_routing_channels', outputChannels(this)),
    },
    input_routing_type: {
      get: () => choiceJson('input_routing_type', this.inputRouting.type),
      set: (v) => {
        const type = readChoice('input_routing_type', v, inputTypes(this))
        this.inputRouting = { type, channel: '' }
        this.inputRouting.channel = inputChannels(this)[0] ?? ''
        this.emit('input_routing_type')
        this.emit('input_routing_channel')
      },
    },
    input_routing_channel: {
      get: () => choiceJson('input_routing_channel', this.inputRouting.channel),
      set: (v) => {
        this.inputRouting.channel = readChoice('input_routing_channel', v, inputChannels(this))
        this.emit('input_routing_channel')
      },
    },
    output_routing_type: {
      get: () => choiceJson('output_routing_type', this.outputRouting.type),
      set: (v) => {
        const type = readChoice('output_routing_type', v, outputTypes(this))
        this.outputRouting = { type, channel: '' }
        this.outputRouting.channel = outputChannels(this)[0] ?? ''
        this.emit('output_routing_type')
        this.emit('output_routing_channel')
      },
    },
    output_routing_channel: {
      get: () => choiceJson('output_routing_channel', this.outputRouting.channel),
      set: (v) => {
        this.outputRouting.channel = readChoice('output_routing_channel', v, outputChannels(this))
        this.emit('output_routing_channel')
      },
    },
  }

  private requireArmable(): void {
    if (this.kind === 'master' || this.kind === 'return') throw notApplicable(TRACK_ERRORS.armMasterReturn)
    if (this.kind === 'group') throw notApplicable(TRACK_ERRORS.armGroup)
  }

  protected override owns(child: LomNode): boolean {
    return child !== this.group
  }

  protected override readonly lists: Record<string, () => readonly LomNode[]> = {
    clip_slots: () => this.clipSlots,
    devices: () => this.devices,
    arrangement_clips: () => this.arrangementClips,
  }

  protected override readonly singles: Record<string, () => LomNode | null> = {
    mixer_device: () => this.mixer,
    view: () => this.view,
    group_track: () => this.group,
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    stop_all_clips: (args) => {
      this.stopClips(args[0] === undefined ? true : toBool('Track', 'quantized', args[0]))
      return null
    },
    delete_device: (args) => {
      deleteDevice(this, toInt('Track', 'delete_device', args[0] ?? null))
      return null
    },
    insert_device: (args) => insertDevice(this, { track: this.kind }, args),
    duplicate_clip_slot: (args) => {
      const index = toInt('Track', 'duplicate_clip_slot', args[0] ?? null)
      const source = this.clipSlots[index]
      if (!source) throw notApplicable('Index out of range')
      let target = this.clipSlots[index + 1]
      if (!target || target.clip) {
        this.song.createScene(index + 1)
        target = this.clipSlots[index + 1]!
      }
      source.duplicateClipTo(target)
      return index + 1
    },
    jump_in_running_session_clip: () => null,
  }

  /** Plain data for saving. */
  toJSON(): TrackData {
    const data: TrackData = {
      kind: this.kind,
      name: this.name,
      color: this.color,
      color_index: this.colorIndex,
      mute: this.mute,
      solo: this.solo,
      arm: this.arm,
      current_monitoring_state: this.monitoring,
      fold_state: this.foldState,
      group: this.group ? this.song.tracks.indexOf(this.group) : null,
      volume: this.mixer.volume.value,
      panning: this.mixer.panning.value,
      sends: this.mixer.sends.map((s) => s.value),
      input_routing: { ...this.inputRouting },
      output_routing: { ...this.outputRouting },
      devices: this.devices.map((d) => d.toJSON()),
      clip_slots: this.clipSlots.map((s) => s.toJSON()),
      arrangement_clips: this.arrangementClips.map((c) => c.toJSON()),
    }
    return data
  }
}
