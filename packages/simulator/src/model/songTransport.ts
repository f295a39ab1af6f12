import { type LomFunctions, returnsNone } from './lomFunctions.js'
import { toBool, toFloat } from './lomNode.js'
import type { Song } from './song.js'

/** The Song's transport functions (play, stop, jump, tap tempo, stop all clips) and the no-op ones. */
export function songTransport(song: Song): LomFunctions {
  const tapTempo = (): void => {
    const now = song.ctx.clock.now()
    const last = song.taps[song.taps.length - 1]
    if (last !== undefined && now - last > 2000) song.taps = []
    song.taps.push(now)
    song.taps = song.taps.slice(-5)
    if (song.taps.length < 2) return
    const intervals = song.taps.slice(1).map((t, i) => t - song.taps[i]!)
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length
    const tempo = Math.min(999, Math.max(20, Math.round((60000 / mean) * 100) / 100))
    song.setTempo(tempo)
  }
  const jumpBy = returnsNone((args) => song.jumpTo(song.time + toFloat('Song', 'beats', args[0] ?? null)))

  return {
    start_playing: returnsNone(() => {
      song.jumpTo(song.insertMarker)
      song.setPlaying(true)
    }),
    stop_playing: returnsNone(() => song.setPlaying(false)),
    continue_playing: returnsNone(() => song.setPlaying(true)),
    jump_by: jumpBy,
    scrub_by: jumpBy,
    stop_all_clips: returnsNone((args) => {
      const quantized = args[0] === undefined ? true : toBool('Song', 'quantized', args[0])
      for (const track of song.tracks) track.stopClips(quantized)
    }),
    tap_tempo: returnsNone(tapTempo),
    undo: () => song.ctx.undo.undo(),
    redo: () => song.ctx.undo.redo(),
    force_link_beat_time: () => null,
    re_enable_automation: () => null,
    get_data: () => null,
    set_data: () => null,
  }
}
