import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'

/** "tracks 0–4: Drums, Bass" or "no tracks": what exists, for NOT_FOUND messages. */
export function describeList(noun: string, names: readonly string[]): string {
  if (names.length === 0) return `no ${noun}`
  const range = names.length === 1 ? '0' : `0–${names.length - 1}`
  return `${noun} ${range}: ${names.map((name) => name || '(unnamed)').join(', ')}`
}

function notFound(what: string, index: number, existing: string, hint: string): LiveError {
  return new LiveError('NOT_FOUND', `${what} ${index} does not exist; ${existing}.`, {
    metaMessages: [hint],
    details: { what, index },
  })
}

/** The track names, throwing NOT_FOUND with what exists when `track` is not one of them. */
export async function requireTrack(live: LiveClient, track: number): Promise<string[]> {
  const names = (await live.song.trackNames.get()) as unknown as string[]
  if (track >= names.length) {
    throw notFound('track', track, `this set has ${describeList('tracks', names)}`, 'Tracks count from 0.')
  }
  return names
}

/** The scene names, throwing NOT_FOUND with what exists when `scene` is not one of them. */
export async function requireScene(live: LiveClient, scene: number): Promise<string[]> {
  const names = await sceneNames(live)
  if (scene >= names.length) {
    const shown = names.map((name, i) => name || `Scene ${i + 1}`)
    throw notFound(
      'scene',
      scene,
      `this set has ${describeList('scenes', shown)}`,
      'Scenes count from 0; ableton_create_scene adds one.',
    )
  }
  return names
}

/** Every scene's name. */
export async function sceneNames(live: LiveClient): Promise<string[]> {
  const count = await live.song.numScenes.get()
  return Promise.all(Array.from({ length: count }, (_, i) => live.scene(i).name.get()))
}

/** Checks the track and scene, then that the slot holds a clip; returns the track's name. */
export async function requireClip(live: LiveClient, track: number, scene: number): Promise<string> {
  const names = await requireTrack(live, track)
  await requireScene(live, scene)
  if (!(await live.clipSlot(track, scene).hasClip.get())) {
    const clipNames = (await live.track(track).clipsName.get()) as unknown as (string | null)[]
    const filled = clipNames.flatMap((name, i) => (name === null ? [] : [`${i} ${name || '(unnamed)'}`]))
    const existing = filled.length === 0 ? 'it has no clips' : `its clips are in slots ${filled.join(', ')}`
    throw new LiveError('NOT_FOUND', `track ${track} (${names[track]}) has no clip in slot ${scene}; ${existing}.`, {
      metaMessages: ['Clip slots count from 0 and match scene indices; ableton_create_clip makes a MIDI clip.'],
      details: { what: 'clip', track, scene },
    })
  }
  return names[track]!
}

/** Checks the track, then the device; returns the track's device names. */
export async function requireDevice(live: LiveClient, track: number, device: number): Promise<string[]> {
  const names = await requireTrack(live, track)
  const devices = (await live.track(track).devicesName.get()) as unknown as string[]
  if (device >= devices.length) {
    throw notFound(
      'device',
      device,
      `track ${track} (${names[track]}) has ${describeList('devices', devices)}`,
      'Devices count from 0, left to right.',
    )
  }
  return devices
}
