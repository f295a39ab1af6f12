import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import type { SetMirror } from '../mirror/createSetMirror.js'
import { keys, type SetShape } from '../shared/keys.js'
import { type Action, CALLS } from '../shared/messages.js'

type Value = number | boolean

function invalid(message: string, hint: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', message, { metaMessages: [hint] })
}

function index(text: string | undefined, what: string, count: number): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0 || value >= count) {
    throw new LiveError(
      'NOT_FOUND',
      `${what} ${text} does not exist: the set has ${count === 0 ? 'none' : `${what}s 0..${count - 1}`}`,
      { metaMessages: ['The set may have changed shape: the page updates by itself.'] },
    )
  }
  return value
}

function bool(key: string, value: Value): boolean {
  if (typeof value !== 'boolean') throw invalid(`${key} takes true or false, got ${value}`, 'Send a boolean.')
  return value
}

function num(key: string, value: Value): number {
  if (typeof value !== 'number') throw invalid(`${key} takes a number, got ${value}`, 'Send a number.')
  return value
}

/** The mixer properties a page may set on a track, a return track or the master. */
const MIXER = ['volume', 'panning', 'mute', 'solo', 'arm'] as const
type MixerProperty = (typeof MIXER)[number]

async function setMixer(
  handle: Record<string, unknown>,
  key: string,
  property: string,
  value: Value,
  allowed: readonly MixerProperty[],
): Promise<void> {
  if (!(allowed as readonly string[]).includes(property)) {
    throw invalid(`${key} cannot be set from the surface`, `Settable here: ${allowed.join(', ')}.`)
  }
  const target = handle[property] as { set(value: unknown): Promise<void> }
  const typed = property === 'volume' || property === 'panning' ? num(key, value) : bool(key, value)
  await target.set(typed)
}

/** Sets one key of the state in Live, through the client (which checks the value against the catalogue). */
async function setKey(client: LiveClient, mirror: SetMirror, shape: SetShape, key: string, value: Value) {
  const parts = key.split('.')
  const [head, a, b, c, d] = parts
  if (head === 'song' && parts.length === 2) {
    const { song } = client
    switch (a) {
      case 'tempo':
        return song.tempo.set(num(key, value))
      case 'metronome':
        return song.metronome.set(bool(key, value))
      case 'loop':
        return song.loop.set(bool(key, value))
      case 'record':
        return song.sessionRecord.set(bool(key, value))
      case 'numerator':
        return song.signatureNumerator.set(num(key, value))
      case 'denominator':
        return song.signatureDenominator.set(num(key, value))
    }
  }
  if (head === 't' && parts.length === 3) {
    const track = client.track(index(a, 'track', shape.tracks)) as unknown as Record<string, unknown>
    return setMixer(track, key, b!, value, MIXER)
  }
  if (head === 't' && b === 'send' && parts.length === 4) {
    const t = index(a, 'track', shape.tracks)
    const s = index(c, 'send', shape.sends)
    await client.track(t).send(s).set(num(key, value))
    mirror.refreshSend(t, s)
    return
  }
  if (head === 'r' && parts.length === 3) {
    const bus = client.returnTrack(index(a, 'return track', shape.returns)) as unknown as Record<string, unknown>
    return setMixer(bus, key, b!, value, ['volume', 'panning', 'mute', 'solo'])
  }
  if (head === 'm' && parts.length === 2) {
    if (!shape.master) throw new LiveError('UNSUPPORTED', 'the master track needs the bridge')
    return setMixer(client.masterTrack as unknown as Record<string, unknown>, key, a!, value, ['volume', 'panning'])
  }
  if (key === keys.selectedTrack) return client.view.selectedTrack.set(index(String(value), 'track', shape.tracks))
  if (key === keys.selectedScene) return client.view.selectedScene.set(index(String(value), 'scene', shape.scenes))
  if (head === 'd' && b === 'p' && d === 'value' && parts.length === 5) {
    const devices = mirror.store.get(keys.devices) as { track: number; count: number } | undefined
    if (devices === undefined) throw new LiveError('NOT_FOUND', 'no track is selected: select one to edit its devices')
    const device = index(a, 'device', devices.count)
    const params = (mirror.store.get(keys.device(device, 'params')) ?? []) as readonly unknown[]
    const parameter = index(c, 'parameter', params.length)
    return client.device(devices.track, device).parameterValue(parameter).set(num(key, value))
  }
  throw invalid(
    `${key} cannot be set from the surface`,
    'Settable: song tempo, loop, metronome, record, signature; mixer controls; devices’ parameters.',
  )
}

/**
 * Runs one page action against Live; rejects with a LiveError that names what was wrong.
 *
 * @example
 * await runAction(live, mirror, { type: 'call', id: 1, name: 'fireClip', args: [0, 2] })
 */
export async function runAction(client: LiveClient, mirror: SetMirror, action: Action): Promise<void> {
  const shape = mirror.shape()
  if (shape === undefined) {
    throw new LiveError('NOT_CONNECTED', 'the surface is not connected to Live yet', {
      metaMessages: ['Wait until the page shows Live as connected.'],
    })
  }
  if (action.type === 'set') return setKey(client, mirror, shape, action.key, action.value)
  const wanted = CALLS[action.name]
  if (action.args.length !== wanted) {
    throw invalid(
      `${action.name} takes ${wanted} ${wanted === 1 ? 'index' : 'indices'}, got ${action.args.length}`,
      'fireClip: [track, scene]; stopTrack: [track]; fireScene: [scene]; the others: [].',
    )
  }
  const [first, second] = action.args.map(String)
  switch (action.name) {
    case 'fireClip':
      return client.clipSlot(index(first, 'track', shape.tracks), index(second, 'scene', shape.scenes)).fire()
    case 'stopTrack':
      return client.track(index(first, 'track', shape.tracks)).stopAllClips()
    case 'fireScene':
      return client.scene(index(first, 'scene', shape.scenes)).fire()
    case 'stopAll':
      return client.song.stopAllClips()
    case 'play':
      return client.song.startPlaying()
    case 'stop':
      return client.song.stopPlaying()
    case 'continue':
      return client.song.continuePlaying()
    case 'tapTempo':
      return client.song.tapTempo()
  }
}
