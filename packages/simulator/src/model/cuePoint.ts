import type { LomValue } from '@live/protocol'
import { type LiveContext, LomNode, type Prop, toStr } from './lomNode.js'
import type { Song } from './song.js'

/** A `CuePoint` (arrangement locator): a name and a time in beats. */
export class CuePoint extends LomNode {
  override readonly className = 'CuePoint'

  constructor(
    ctx: LiveContext,
    readonly song: Song,
    public name: string,
    readonly time: number,
  ) {
    super(ctx)
  }

  override path(): string {
    return `live_set cue_points ${this.song.cuePoints.indexOf(this)}`
  }

  protected override readonly props: Record<string, Prop> = {
    name: {
      get: () => this.name,
      set: (v) => {
        this.name = toStr('CuePoint', 'name', v)
        this.emit('name')
      },
    },
    time: { get: () => this.time },
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    jump: () => {
      this.song.jumpTo(this.time)
      return null
    },
  }
}
