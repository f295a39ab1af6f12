import type { LiveClient, Unwatch } from '@live/client'
import { keys, type SetShape, type StateValue } from '../shared/keys.js'
import type { Stage } from './createStage.js'
import { watchInto } from './watchInto.js'

/** What {@link watchSet} needs besides the client. */
export interface WatchSetOptions {
  readonly client: LiveClient
  readonly stage: Stage
  readonly shape: SetShape
  /** Whether the server is the bridge (send listeners, return and master tracks). */
  readonly bridge: boolean
  /** Called with each value of Live's selected track. */
  readonly onSelectedTrack: (track: number) => void
}

/** The clip watchers of one slot: started when the slot gets a clip, stopped when it loses it. */
function watchSlot(client: LiveClient, stage: Stage, t: number, s: number): Unwatch {
  let clipWatchers: Unwatch[] = []
  const stopClip = () => {
    for (const unwatch of clipWatchers.splice(0)) unwatch()
    for (const property of ['name', 'color', 'recording'] as const) stage.remove(keys.clip(t, s, property))
  }
  const unwatchHas = watchInto(stage, keys.clip(t, s, 'has'), client.clipSlot(t, s).hasClip, undefined, (has) => {
    if (!has) {
      stopClip()
      return
    }
    if (clipWatchers.length > 0) return
    const clip = client.clip(t, s)
    clipWatchers = [
      watchInto(stage, keys.clip(t, s, 'name'), clip.name),
      watchInto(stage, keys.clip(t, s, 'color'), clip.color),
      watchInto(stage, keys.clip(t, s, 'recording'), clip.isRecording),
    ]
  })
  return () => {
    unwatchHas()
    for (const unwatch of clipWatchers.splice(0)) unwatch()
  }
}

/** Reads a value Live cannot watch into a key, once (the stage waits for it like a watcher's first value). */
function readInto(stage: Stage, key: string, read: () => Promise<unknown>, alive: () => boolean): void {
  const arrived = stage.expect()
  read()
    .then((value) => {
      if (alive()) stage.put(key, value as StateValue)
    })
    .catch(() => {})
    .finally(arrived)
}

/**
 * Subscribes the whole set of one shape: the song, every track's mixer and slots, the scenes, the
 * return and master tracks on the bridge, and Live's selection. Returns the unwatch of all of it.
 *
 * @example
 * const unwatch = watchSet({ client, stage, shape, bridge: false, onSelectedTrack: (t) => devices.follow(t) })
 */
export function watchSet(options: WatchSetOptions): Unwatch {
  const { client, stage, shape, bridge } = options
  const { song } = client
  let alive = true
  const isAlive = () => alive
  const unwatchers: Unwatch[] = [
    watchInto(stage, keys.song('tempo'), song.tempo),
    watchInto(stage, keys.song('playing'), song.isPlaying),
    watchInto(stage, keys.song('metronome'), song.metronome),
    watchInto(stage, keys.song('loop'), song.loop),
    watchInto(stage, keys.song('numerator'), song.signatureNumerator),
    watchInto(stage, keys.song('denominator'), song.signatureDenominator),
    watchInto(stage, keys.song('time'), song.currentSongTime),
    watchInto(stage, keys.song('record'), song.sessionRecord),
    watchInto(stage, keys.song('quantization'), song.clipTriggerQuantization),
    watchInto(stage, keys.selectedTrack, client.view.selectedTrack, undefined, options.onSelectedTrack),
    watchInto(stage, keys.selectedScene, client.view.selectedScene),
  ]
  for (let t = 0; t < shape.tracks; t++) {
    const track = client.track(t)
    unwatchers.push(
      watchInto(stage, keys.track(t, 'name'), track.name),
      watchInto(stage, keys.track(t, 'color'), track.color),
      watchInto(stage, keys.track(t, 'volume'), track.volume),
      watchInto(stage, keys.track(t, 'panning'), track.panning),
      watchInto(stage, keys.track(t, 'mute'), track.mute),
      watchInto(stage, keys.track(t, 'solo'), track.solo),
      watchInto(stage, keys.track(t, 'arm'), track.arm),
      watchInto(stage, keys.track(t, 'meter'), track.outputMeterLevel),
      watchInto(stage, keys.track(t, 'playing'), track.playingSlotIndex),
      watchInto(stage, keys.track(t, 'fired'), track.firedSlotIndex),
    )
    // Live has no listener for can_be_armed; AbletonOSC none for sends (the bridge has): those are read, and a
    // send again after each change the surface makes.
    readInto(stage, keys.track(t, 'canArm'), () => track.canBeArmed.get(), isAlive)
    for (let s = 0; s < shape.sends; s++) {
      if (bridge) unwatchers.push(watchInto(stage, keys.send(t, s), track.send(s)))
      else readInto(stage, keys.send(t, s), () => track.send(s).get(), isAlive)
    }
    for (let s = 0; s < shape.scenes; s++) unwatchers.push(watchSlot(client, stage, t, s))
  }
  for (let s = 0; s < shape.scenes; s++) {
    const scene = client.scene(s)
    unwatchers.push(
      watchInto(stage, keys.scene(s, 'name'), scene.name),
      watchInto(stage, keys.scene(s, 'color'), scene.color),
      watchInto(stage, keys.scene(s, 'triggered'), scene.isTriggered),
    )
  }
  if (bridge) {
    for (let r = 0; r < shape.returns; r++) {
      const bus = client.returnTrack(r)
      unwatchers.push(
        watchInto(stage, keys.returnTrack(r, 'name'), bus.name),
        watchInto(stage, keys.returnTrack(r, 'color'), bus.color),
        watchInto(stage, keys.returnTrack(r, 'volume'), bus.volume),
        watchInto(stage, keys.returnTrack(r, 'panning'), bus.panning),
        watchInto(stage, keys.returnTrack(r, 'mute'), bus.mute),
        watchInto(stage, keys.returnTrack(r, 'solo'), bus.solo),
        watchInto(stage, keys.returnTrack(r, 'meter'), bus.outputMeterLevel),
      )
    }
    const master = client.masterTrack
    unwatchers.push(
      watchInto(stage, keys.master('name'), master.name),
      watchInto(stage, keys.master('color'), master.color),
      watchInto(stage, keys.master('volume'), master.volume),
      watchInto(stage, keys.master('panning'), master.panning),
      watchInto(stage, keys.master('meter'), master.outputMeterLevel),
    )
  }
  return () => {
    alive = false
    for (const unwatch of unwatchers.splice(0)) unwatch()
  }
}
