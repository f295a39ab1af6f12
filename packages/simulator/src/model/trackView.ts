import { LomError, type LomValue } from '@live/protocol'
import { LomNode, type Prop, toBool } from './lomNode.js'
import type { Track } from './track.js'

/** A track's `View`: which device is selected in it. */
export class TrackView extends LomNode {
  override readonly className = 'Track.View'
  selectedIndex = -1
  collapsed = false

  constructor(readonly track: Track) {
    super(track.ctx)
  }

  override path(): string {
    return `${this.track.path()} view`
  }

  /** The selected device, if any. */
  get selectedDevice(): LomNode | null {
    return this.track.devices[this.selectedIndex] ?? null
  }

  /** Selects a device of this track. */
  select(device: LomNode): void {
    const index = this.track.devices.indexOf(device as never)
    if (index < 0) throw new LomError('RuntimeError', 'Device is not on this track') // [guess]
    if (index === this.selectedIndex) return
    this.selectedIndex = index
    this.emit('selected_device')
  }

  protected override owns(): boolean {
    return false
  }

  protected override readonly props: Record<string, Prop> = {
    selected_device: { get: () => this.selectedDevice?.ref() ?? null, undoable: false },
    is_collapsed: {
      get: () => this.collapsed,
      set: (v) => {
        this.collapsed = toBool('Track.View', 'is_collapsed', v)
        this.emit('is_collapsed')
      },
      undoable: false,
    },
    device_insert_mode: { get: () => 0 },
  }

  protected override readonly singles: Record<string, () => LomNode | null> = {
    selected_device: () => this.selectedDevice,
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    select_instrument: () => {
      const index = this.track.devices.findIndex((d) => d.data.type === 1)
      if (index >= 0) this.select(this.track.devices[index]!)
      return index >= 0
    },
  }
}
