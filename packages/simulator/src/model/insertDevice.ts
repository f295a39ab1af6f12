import { LomError, type LomValue } from '@live/protocol'
import { DEVICE_TYPE, type NativeDevice, nativeParameters, type RackKind } from '../library/catalogue.js'
import { findNativeDevice, unknownNativeDeviceText } from '../library/findNativeDevice.js'
import { type Chain, Device, type DeviceHost } from './device.js'
import { type LomNode, notApplicable, toInt, toStr } from './lomNode.js'
import type { DeviceData } from './schema.js'

/** What a device host is, for Live's kind rules: a track of a kind, or a chain of a rack of a kind. */
export type HostKind =
  | { readonly track: 'midi' | 'audio' | 'group' | 'return' | 'master' }
  | { readonly chain: RackKind }

const TYPE_LABEL = { 1: 'an instrument', 2: 'an audio effect', 4: 'a MIDI effect' } as const
const WHERE = {
  audio: 'an audio track',
  group: 'a group track',
  return: 'a return track',
  master: 'the master track',
  midi: 'a MIDI track',
} as const
const CHAIN_WHERE: Record<RackKind, string> = {
  instrument: 'an Instrument Rack chain',
  drum: 'a Drum Rack chain',
  audio: 'an Audio Effect Rack chain',
  midi: 'a MIDI Effect Rack chain',
}

/**
 * [guess] The texts `insert_device` raises with. That a MIDI effect placed after an instrument or
 * audio effect raises, and that an index past the end (or 0 on an empty chain) is refused, is
 * measured (a Live 12.4 rig's notes; Producer Pal's createDevice); Live's own wording is not public.
 */
export const INSERT_DEVICE_ERRORS = {
  wrongHost: (device: string, type: 1 | 2 | 4, where: string) =>
    `${device} is ${TYPE_LABEL[type]} and cannot be inserted on ${where}`,
  midiEffectOrder: (device: string, last: number) =>
    `${device} is a MIDI effect: it must come before the instrument and audio effects (index 0..${last})`,
  index: 'Index out of range',
} as const

const RACK_CLASS: Record<string, RackKind> = {
  InstrumentGroupDevice: 'instrument',
  DrumGroupDevice: 'drum',
  AudioEffectGroupDevice: 'audio',
  MidiEffectGroupDevice: 'midi',
}

/** The kind of a chain's rack, from the rack's class name. */
export function chainKind(chain: Chain): RackKind {
  return RACK_CLASS[chain.rack.data.class_name] ?? 'audio'
}

/** Where a device of `type` may not go, or undefined when it may. */
function refusal(type: 1 | 2 | 4, host: HostKind): string | undefined {
  if ('track' in host) {
    if (type === DEVICE_TYPE.audioEffect || host.track === 'midi') return undefined
    return WHERE[host.track]
  }
  if (host.chain === 'midi') return type === DEVICE_TYPE.midiEffect ? undefined : CHAIN_WHERE.midi
  if (host.chain === 'audio') return type === DEVICE_TYPE.audioEffect ? undefined : CHAIN_WHERE.audio
  return undefined
}

/** A native device's data as Live inserts it: its name, class, type and default parameters. */
export function nativeDeviceData(device: NativeDevice): DeviceData {
  const data: DeviceData = {
    name: device.name,
    class_name: device.className,
    type: device.type,
    parameters: nativeParameters(device),
  }
  if (device.rack) data.chains = []
  if (device.rack === 'drum') data.can_have_drum_pads = true
  return data
}

/**
 * `Track.insert_device(device_name, target_index=-1)` / `Chain.insert_device` (LOM, Live 12.3+):
 * inserts a native device by browser name and returns it. Rules, as Live's:
 * - the name is matched case-insensitively, or as a class name; an unknown one raises with the nearest names;
 * - instruments and MIDI effects only go on MIDI tracks and instrument/drum rack chains;
 * - a MIDI effect must come before the instrument and audio effects, or it raises;
 * - an instrument lands after the MIDI effects and before the audio effects (Live re-sorts the chain,
 *   Producer Pal's createDevice notes); a second instrument replaces the first ([guess]: as a browser
 *   load does, since a chain holds one instrument), on the first one's place;
 * - an audio effect lands after the instrument (and MIDI effects) [guess, the same re-sort];
 * - index −1 (or none) is the end; past the end, or 0 on an empty chain, raises.
 * One undo step, "Insert Device".
 */
export function insertDevice(host: DeviceHost & LomNode, kind: HostKind, args: readonly LomValue[]): LomValue {
  const cls = host.className
  const name = toStr(cls, 'insert_device', args[0] ?? null)
  const target = args[1] === undefined ? -1 : toInt(cls, 'insert_device', args[1])
  const native = findNativeDevice(name)
  if (!native) throw notApplicable(unknownNativeDeviceText(name))
  const where = refusal(native.type, kind)
  if (where !== undefined) throw notApplicable(INSERT_DEVICE_ERRORS.wrongHost(native.name, native.type, where))
  const devices = host.devices
  const count = devices.length
  if (target < -1 || target > count || (target === 0 && count === 0)) {
    throw new LomError('IndexError', INSERT_DEVICE_ERRORS.index)
  }
  const wanted = target === -1 ? count : target
  const types = devices.map((d) => d.data.type)
  const firstNonMidi = types.findIndex((t) => t !== DEVICE_TYPE.midiEffect)
  let at = wanted
  let replaced: Device | undefined
  if (native.type === DEVICE_TYPE.midiEffect) {
    if (firstNonMidi >= 0 && wanted > firstNonMidi) {
      throw notApplicable(INSERT_DEVICE_ERRORS.midiEffectOrder(native.name, firstNonMidi))
    }
  } else if (native.type === DEVICE_TYPE.instrument) {
    const existing = types.indexOf(DEVICE_TYPE.instrument)
    if (existing >= 0) {
      at = existing
      replaced = devices[existing]
    } else {
      const lo = firstNonMidi < 0 ? count : firstNonMidi
      const firstAudio = types.indexOf(DEVICE_TYPE.audioEffect)
      const hi = firstAudio < 0 ? count : firstAudio
      at = Math.min(Math.max(wanted, lo), hi)
    }
  } else {
    const lastSource = Math.max(types.lastIndexOf(DEVICE_TYPE.midiEffect), types.lastIndexOf(DEVICE_TYPE.instrument))
    at = Math.max(wanted, lastSource + 1)
  }
  const device = new Device(host.ctx, nativeDeviceData(native), host)
  const apply = () => {
    if (replaced) {
      devices.splice(at, 1, device)
      replaced.kill()
    } else devices.splice(at, 0, device)
    device.revive()
    host.emit('devices')
  }
  const revert = () => {
    if (replaced) {
      devices.splice(at, 1, replaced)
      replaced.revive()
    } else devices.splice(at, 1)
    device.kill()
    host.emit('devices')
  }
  apply()
  host.ctx.undo.push('Insert Device', revert, apply)
  return device.ref()
}

/** The host kind of a chain. */
export const chainHost = (chain: Chain): HostKind => ({ chain: chainKind(chain) })
