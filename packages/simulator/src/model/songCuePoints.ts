import { CuePoint } from './cuePoint.js'
import { type LomFunctions, returnsNone } from './lomFunctions.js'
import type { Song } from './song.js'

/** The Song's cue point (locator) functions: jump to the next or previous, set or delete one; undoable. */
export function songCuePoints(song: Song): LomFunctions {
  const ctx = song.ctx

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

  return {
    jump_to_next_cue: returnsNone(() => jumpToCue(1)),
    jump_to_prev_cue: returnsNone(() => jumpToCue(-1)),
    set_or_delete_cue: returnsNone(setOrDeleteCue),
    is_cue_point_selected: () => song.cuePoints.some((c) => Math.abs(c.time - song.time) < 1e-6),
  }
}
