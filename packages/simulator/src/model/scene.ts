import type { LomValue } from '@live/protocol'
import type { ClipSlot } from './clipSlot.js'
import { type LiveContext, LomNode, notApplicable, type Prop, toBool, toFloat, toInt, toStr } from './lomNode.js'
import { nearestColorIndex, paletteColor } from './palette.js'
import type { SceneData } from './schema.js'
import type { Song } from './song.js'

/** A `Scene`: a row of clip slots that launches together, with optional tempo and time signature. */
export class Scene extends LomNode {
  override readonly className = 'Scene'
  data: SceneData & { color_index: number }
  /** Set by `fire()` until the row's launches happen. */
  triggered = false

  constructor(
    ctx: LiveContext,
    readonly song: Song,
    data: SceneData,
  ) {
    super(ctx)
    this.data = { ...data, color_index: data.color_index ?? nearestColorIndex(data.color) }
  }

  override path(): string {
    return `live_set scenes ${this.index}`
  }

  /** The scene's row index. */
  get index(): number {
    return this.song.scenes.indexOf(this)
  }

  /** The clip slots of this row, one per track. */
  get slots(): ClipSlot[] {
    const i = this.index
    return this.song.tracks.flatMap((t) => (t.clipSlots[i] ? [t.clipSlots[i]] : []))
  }

  /** True while a launch of this row waits for its boundary. */
  get isTriggered(): boolean {
    return this.triggered && this.slots.some((s) => s.isTriggered || s.track.pending?.stop === true)
  }

  private field<K extends keyof Scene['data']>(key: K, value: Scene['data'][K]): void {
    if (this.data[key] === value) return
    this.data[key] = value
    this.emit(key)
  }

  protected override readonly props: Record<string, Prop> = {
    name: { get: () => this.data.name, set: (v) => this.field('name', toStr('Scene', 'name', v)) },
    color: {
      get: () => this.data.color,
      set: (v) => {
        const index = nearestColorIndex(toInt('Scene', 'color', v))
        this.field('color_index', index)
        this.field('color', paletteColor(index))
      },
    },
    color_index: {
      get: () => this.data.color_index,
      set: (v) => {
        const index = toInt('Scene', 'color_index', v)
        this.field('color_index', index)
        this.field('color', paletteColor(index))
      },
    },
    tempo: {
      get: () => (this.data.tempo_enabled ? this.data.tempo : -1),
      set: (v) => {
        const tempo = toFloat('Scene', 'tempo', v)
        if (tempo === -1) return this.field('tempo_enabled', false)
        if (tempo < 20 || tempo > 999) throw notApplicable('Tempo out of range') // [guess]
        this.field('tempo', tempo)
        this.field('tempo_enabled', true)
      },
    },
    tempo_enabled: {
      get: () => this.data.tempo_enabled,
      set: (v) => this.field('tempo_enabled', toBool('Scene', 'tempo_enabled', v)),
    },
    time_signature_numerator: {
      get: () => (this.data.time_signature_enabled ? this.data.time_signature_numerator : -1),
      set: (v) => {
        const n = toInt('Scene', 'time_signature_numerator', v)
        if (n === -1) return this.field('time_signature_enabled', false)
        this.field('time_signature_numerator', n)
        this.field('time_signature_enabled', true)
      },
    },
    time_signature_denominator: {
      get: () => (this.data.time_signature_enabled ? this.data.time_signature_denominator : -1),
      set: (v) => {
        const n = toInt('Scene', 'time_signature_denominator', v)
        if (n === -1) return this.field('time_signature_enabled', false)
        this.field('time_signature_denominator', n)
        this.field('time_signature_enabled', true)
      },
    },
    time_signature_enabled: {
      get: () => this.data.time_signature_enabled,
      set: (v) => this.field('time_signature_enabled', toBool('Scene', 'time_signature_enabled', v)),
    },
    is_empty: { get: () => this.slots.every((s) => s.clip === null), observable: false },
    is_triggered: { get: () => this.isTriggered },
  }

  protected override owns(): boolean {
    return false
  }

  protected override readonly lists: Record<string, () => readonly LomNode[]> = {
    clip_slots: () => this.slots,
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    fire: () => {
      this.fire()
      return null
    },
    fire_as_selected: () => {
      this.fire()
      const next = this.song.scenes[this.index + 1]
      if (next) this.song.view.selectScene(next)
      return null
    },
    set_fire_button_state: (args) => {
      if (toBool('Scene', 'state', args[0] ?? null)) this.fire()
      return null
    },
  }

  /** Launches the whole row: clips play, empty slots with stop buttons stop their tracks. */
  fire(): void {
    if (this.data.tempo_enabled) this.song.setTempo(this.data.tempo)
    if (this.data.time_signature_enabled) {
      this.song.setSignature(this.data.time_signature_numerator, this.data.time_signature_denominator)
    }
    this.triggered = true
    for (const slot of this.slots) {
      if (slot.isGroupSlot) continue
      if (slot.clip || slot.track.armed) slot.fire()
      else if (slot.hasStopButton) slot.track.stopClips(true)
    }
    this.song.emitSceneTriggers()
  }

  /** Plain data for saving. */
  toJSON(): SceneData {
    return { ...this.data }
  }
}
