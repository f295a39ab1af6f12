/*
 * The surface's state is one flat map from key to JSON value, the same on the server and in the page:
 * the server fills it from the client's watchers, the page renders it, and the page asks for a change by
 * naming the key it wants changed. These builders are the only place a key is spelled.
 */

/** A value of the surface's state: what JSON carries. */
export type StateValue = string | number | boolean | null | readonly StateValue[] | { readonly [k: string]: StateValue }

/** The song's properties the surface mirrors. */
export type SongKey =
  | 'tempo'
  | 'playing'
  | 'metronome'
  | 'loop'
  | 'numerator'
  | 'denominator'
  | 'time'
  | 'record'
  | 'quantization'
/** A track's properties (`playing` and `fired` are Live's playing and fired slot indices). */
export type TrackKey =
  | 'name'
  | 'color'
  | 'volume'
  | 'panning'
  | 'mute'
  | 'solo'
  | 'arm'
  | 'canArm'
  | 'meter'
  | 'playing'
  | 'fired'
/** A clip slot's properties (`has`: the slot holds a clip). */
export type ClipKey = 'has' | 'name' | 'color' | 'recording'
/** A scene's properties. */
export type SceneKey = 'name' | 'color' | 'triggered'
/** A return track's or the master track's properties. */
export type BusKey = 'name' | 'color' | 'volume' | 'panning' | 'mute' | 'solo' | 'meter'

/** Builds the keys of the state map. */
export const keys = {
  /** Where the server stands with Live: `connecting`, `connected` or `lost`. */
  live: 'live',
  /** Which server answers (`{ kind, name, version, liveVersion }`), or null before detection. */
  server: 'server',
  /** The set's shape: `{ tracks, scenes, returns, sends, master }`. */
  shape: 'shape',
  /** The selected track (Live's view), or -1. */
  selectedTrack: 'view.track',
  /** The selected scene (Live's view). */
  selectedScene: 'view.scene',
  /** The devices of the selected track: `{ track, count }`. */
  devices: 'devices',
  /** `song.tempo`, `song.playing`... */
  song: (property: SongKey) => `song.${property}`,
  /** `t.0.volume`... */
  track: (track: number, property: TrackKey) => `t.${track}.${property}`,
  /** `t.0.send.1`: track 0's send B (0..1). */
  send: (track: number, send: number) => `t.${track}.send.${send}`,
  /** `c.0.2.name`: the clip in track 0, scene 2. */
  clip: (track: number, scene: number, property: ClipKey) => `c.${track}.${scene}.${property}`,
  /** `s.3.name`... */
  scene: (scene: number, property: SceneKey) => `s.${scene}.${property}`,
  /** `r.0.volume`: return track A. */
  returnTrack: (index: number, property: BusKey) => `r.${index}.${property}`,
  /** `m.volume`: the master track. */
  master: (property: BusKey) => `m.${property}`,
  /** `d.1.name`: device 1 of the selected track (`name`, `class`, `params`: `[{ name, min, max, quantized }]`). */
  device: (device: number, property: 'name' | 'class' | 'params') => `d.${device}.${property}`,
  /** `d.1.p.4.value` / `d.1.p.4.text`: a parameter's value and Live's text for it. */
  parameter: (device: number, parameter: number, what: 'value' | 'text') => `d.${device}.p.${parameter}.${what}`,
} as const

/** Keys whose values change many times a second (meters, song time): the server sends them at most ~30 times a second. */
export function isFastKey(key: string): boolean {
  return key.endsWith('.meter') || key === 'song.time'
}

/** The set's shape, as the `shape` key holds it. */
export type SetShape = {
  readonly tracks: number
  readonly scenes: number
  readonly returns: number
  /** Sends per track (the number of return tracks; probed on AbletonOSC). */
  readonly sends: number
  /** Whether the master track is reachable (the bridge). */
  readonly master: boolean
}

/** Which server answers, as the `server` key holds it. */
export type ServerState = {
  readonly kind: string
  readonly name: string
  readonly version: string | null
  readonly liveVersion: string | null
}

/** One device parameter's fixed facts, as `d.N.params` holds them. */
export type ParameterInfo = {
  readonly name: string
  readonly min: number
  readonly max: number
  readonly quantized: boolean
}
