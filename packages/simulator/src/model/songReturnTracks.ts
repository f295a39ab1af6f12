import type { LomValue } from '@live/protocol'
import { indexArg, type LomFunctions, returnsNone } from './lomFunctions.js'
import type { Song } from './song.js'
import { indexError, newTrackData } from './songTracks.js'
import { Track } from './track.js'

/** The Song's return-track functions (create, delete), which add or remove a send on every track; undoable. */
export function songReturnTracks(song: Song): LomFunctions {
  const ctx = song.ctx

  const createReturnTrack = (): LomValue => {
    const index = song.returnTracks.length
    const letter = String.fromCharCode(65 + (index % 26))
    const track = new Track(ctx, song, newTrackData(song, 'return', `${letter}-Return`, (index * 5 + 20) % 70)) // [guess] name
    const sends = [...song.tracks, ...song.returnTracks].map((t) => t.mixer.makeSend(index, 0))
    const apply = () => {
      song.returnTracks.push(track)
      track.revive()
      ;[...song.tracks, ...song.returnTracks.slice(0, -1)].forEach((t, i) => {
        t.mixer.sends.push(sends[i]!)
        sends[i]!.revive()
      })
      song.emit('return_tracks')
    }
    const revert = () => removeReturn(index)
    ctx.undo.silently(apply)
    // The new return gets its own send to itself slot too (Live shows it disabled).
    if (track.mixer.sends.length < song.returnTracks.length) track.mixer.sends.push(track.mixer.makeSend(index, 0))
    ctx.undo.push('Insert Return Track', revert, apply)
    return track.ref()
  }

  const removeReturn = (index: number): void => {
    const track = song.returnTracks[index]
    if (!track) throw indexError()
    song.returnTracks.splice(index, 1)
    track.kill()
    for (const t of [...song.tracks, ...song.returnTracks]) {
      const [send] = t.mixer.sends.splice(index, 1)
      send?.kill()
    }
    song.view.repair()
    song.emit('return_tracks')
  }

  const deleteReturnTrack = (index: number): void => {
    const track = song.returnTracks[index]
    if (!track) throw indexError()
    const sends = [...song.tracks, ...song.returnTracks].map((t) => t.mixer.sends[index] ?? null)
    const owners = [...song.tracks, ...song.returnTracks]
    removeReturn(index)
    ctx.undo.push(
      'Delete Return Track',
      () => {
        song.returnTracks.splice(index, 0, track)
        track.revive()
        owners.forEach((t, i) => {
          const send = sends[i]
          if (send && t !== track) {
            t.mixer.sends.splice(index, 0, send)
            send.revive()
          }
        })
        song.emit('return_tracks')
      },
      () => removeReturn(index),
    )
  }

  return {
    create_return_track: () => createReturnTrack(),
    delete_return_track: returnsNone((args) => deleteReturnTrack(indexArg(args))),
  }
}
