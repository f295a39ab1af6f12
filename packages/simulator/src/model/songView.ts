import { LomError, type LomValue } from '@live/protocol'
import { Clip } from './clip.js'
import { ClipSlot } from './clipSlot.js'
import { Device } from './device.js'
import { LomNode, type Prop, toBool } from './lomNode.js'
import { Scene } from './scene.js'
import type { Song } from './song.js'
import { Track } from './track.js'

/** The `Song.View` (`live_set view`): selection and detail view. */
export class SongView extends LomNode {
  override readonly className = 'Song.View'
  selectedTrack: Track
  selectedScene: Scene | null
  detailClip: Clip | null = null
  followSong = false
  drawMode = true

  constructor(
    readonly song: Song,
    selectedTrack: Track,
    selectedScene: Scene | null,
  ) {
    super(song.ctx)
    this.selectedTrack = selectedTrack
    this.selectedScene = selectedScene
  }

  override path(): string {
    return 'live_set view'
  }

  /** Selects a scene, notifying observers. */
  selectScene(scene: Scene): void {
    if (scene === this.selectedScene) return
    this.selectedScene = scene
    this.emit('selected_scene')
    this.emit('highlighted_clip_slot')
  }

  /** Selects a track, notifying observers. */
  selectTrack(track: Track): void {
    if (track === this.selectedTrack) return
    this.selectedTrack = track
    this.emit('selected_track')
    this.emit('highlighted_clip_slot')
  }

  /** Keeps the selection on live objects after a delete. */
  repair(): void {
    if (!this.selectedTrack.alive) this.selectTrack(this.song.tracks[0] ?? this.song.master)
    if (this.selectedScene && !this.selectedScene.alive) {
      this.selectedScene = this.song.scenes[0] ?? null
      this.emit('selected_scene')
    }
    if (this.detailClip && !this.detailClip.alive) {
      this.detailClip = null
      this.emit('detail_clip')
    }
  }

  /** The slot at the selected track and scene (null on returns and master). */
  get highlightedSlot(): ClipSlot | null {
    const i = this.selectedScene?.index ?? -1
    return this.selectedTrack.clipSlots[i] ?? null
  }

  private target(value: LomValue): LomNode | null {
    return this.song.resolveRef(value)
  }

  protected override readonly props: Record<string, Prop> = {
    selected_track: {
      get: () => this.selectedTrack.ref(),
      set: (v) => {
        const node = this.target(v)
        if (!(node instanceof Track)) throw new LomError('TypeError', 'Expected a Track') // [guess]
        this.selectTrack(node)
      },
      undoable: false,
    },
    selected_scene: {
      get: () => this.selectedScene?.ref() ?? null,
      set: (v) => {
        const node = this.target(v)
        if (!(node instanceof Scene)) throw new LomError('TypeError', 'Expected a Scene') // [guess]
        this.selectScene(node)
      },
      undoable: false,
    },
    detail_clip: {
      get: () => this.detailClip?.ref() ?? null,
      set: (v) => {
        const node = this.target(v)
        if (node !== null && !(node instanceof Clip)) throw new LomError('TypeError', 'Expected a Clip') // [guess]
        this.detailClip = node
        this.emit('detail_clip')
      },
      undoable: false,
    },
    highlighted_clip_slot: {
      get: () => this.highlightedSlot?.ref() ?? null,
      set: (v) => {
        const node = this.target(v)
        if (!(node instanceof ClipSlot)) throw new LomError('TypeError', 'Expected a ClipSlot') // [guess]
        this.selectTrack(node.track)
        const scene = this.song.scenes[node.index]
        if (scene) this.selectScene(scene)
      },
      undoable: false,
    },
    selected_parameter: { get: () => null },
    selected_chain: { get: () => null },
    follow_song: {
      get: () => this.followSong,
      set: (v) => {
        this.followSong = toBool('Song.View', 'follow_song', v)
        this.emit('follow_song')
      },
      undoable: false,
    },
    draw_mode: {
      get: () => this.drawMode,
      set: (v) => {
        this.drawMode = toBool('Song.View', 'draw_mode', v)
        this.emit('draw_mode')
      },
      undoable: false,
    },
  }

  protected override owns(): boolean {
    return false
  }

  protected override readonly singles: Record<string, () => LomNode | null> = {
    selected_track: () => this.selectedTrack,
    selected_scene: () => this.selectedScene,
    detail_clip: () => this.detailClip,
    highlighted_clip_slot: () => this.highlightedSlot,
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    select_device: (args) => {
      const node = this.target(args[0] ?? null)
      if (!(node instanceof Device)) throw new LomError('TypeError', 'Expected a Device') // [guess]
      let host: LomNode = node
      while (host instanceof Device && !(host.host instanceof Track))
        host = (host.host as unknown as { rack: Device }).rack
      const track = host instanceof Device ? host.host : null
      if (track instanceof Track) {
        this.selectTrack(track)
        if (host instanceof Device) track.view.select(host)
      }
      return null
    },
  }
}
