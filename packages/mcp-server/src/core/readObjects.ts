import type { BridgeDeviceId, LiveClient } from '@live/client'
import { colorToHex, formatClipLaunchQuantisation, isLiveError, panToString } from '@live/protocol'
import { readParameters } from '../tools/deviceTools.js'
import { type DeviceOwner, deviceName } from './deviceOwner.js'
import { noteText } from './notes.js'
import { requireClip, requireScene } from './setFacts.js'
import { stripOf } from './strip.js'
import type { TrackOwner } from './trackRef.js'
import { dbOf, raw } from './values.js'

/** Which part of a long list (tracks, notes, parameters) one read answers. */
export interface Page {
  readonly offset: number
  readonly limit: number
}

/** A page of a list, with where the next one starts when it stopped before the end. */
export function paged<T>(items: readonly T[], page: Page): { items: T[]; next_offset?: number } {
  const items_ = items.slice(page.offset, page.offset + page.limit)
  const end = page.offset + items_.length
  return { items: items_, ...(end < items.length ? { next_offset: end } : {}) }
}

/** Live's clip launch modes, by their int. */
export const LAUNCH_MODES = ['trigger', 'gate', 'toggle', 'repeat'] as const
/** Live's track monitoring states, by their int. */
export const MONITORING = ['in', 'auto', 'off'] as const

const pan = (value: number) => panToString(Math.min(1, Math.max(-1, value)))
const slotOrNull = (slot: number) => (slot >= 0 ? slot : null)

/** One track, a return track or the master in detail: mixer, sends, clips by slot, devices. */
export async function readTrackDetail(live: LiveClient, owner: TrackOwner): Promise<Record<string, unknown>> {
  const strip = await stripOf(live, owner)
  const [volume, panning, mute, solo] = await Promise.all([
    strip.volume.get(),
    strip.panning.get(),
    strip.mute?.get(),
    strip.solo?.get(),
  ])
  const mixer = {
    track: owner.ref,
    name: strip.name,
    volume_db: dbOf(volume),
    volume: raw(volume),
    pan: pan(panning),
    ...(mute === undefined ? {} : { mute }),
    ...(solo === undefined ? {} : { solo }),
  }
  if (strip.track === undefined) {
    const devices = (await (owner.id === 'master'
      ? live.masterTrack.devicesName.get()
      : live.returnTrack((owner.owner as { return: number }).return).devicesName.get())) as unknown as string[]
    return { ...mixer, devices: devices.map((name, index) => ({ index, name })) }
  }
  const t = live.track(strip.track)
  const [canArm, midi, playing, fired, color, clipNames, clipLengths, devices, classes, returns] = await Promise.all([
    t.canBeArmed.get(),
    t.hasMidiInput.get(),
    t.playingSlotIndex.get(),
    t.firedSlotIndex.get(),
    t.color.get(),
    t.clipsName.get(),
    t.clipsLength.get(),
    t.devicesName.get(),
    t.devicesClassName.get(),
    sendCount(live),
  ])
  const sends = await Promise.all(Array.from({ length: returns }, (_, s) => t.send(s).get()))
  const lengths = clipLengths as unknown as (number | null)[]
  return {
    ...mixer,
    kind: canArm ? (midi ? 'midi' : 'audio') : 'group',
    arm: canArm ? await t.arm.get() : null,
    color: colorToHex(color),
    sends: sends.map((value, s) => ({ send: s, value: raw(value) })),
    playing: slotOrNull(playing),
    triggered: slotOrNull(fired),
    clips: (clipNames as unknown as (string | null)[]).flatMap((name, scene) =>
      name === null ? [] : [{ scene, name, length: lengths[scene] ?? null }],
    ),
    devices: (devices as unknown as string[]).map((name, index) => ({
      index,
      name,
      class: (classes as unknown as string[])[index],
    })),
  }
}

/** How many sends each track has: one per return track (AbletonOSC counts them through the first track's sends). */
async function sendCount(live: LiveClient): Promise<number> {
  try {
    return ((await live.song.returnTrackNames.get()) as unknown as string[]).length
  } catch (error) {
    if (!isLiveError(error) || error.code !== 'UNSUPPORTED') throw error
    const set = await live.sync({ notes: false, parameters: false })
    return set.tracks[0]?.sends.length ?? 0
  }
}

/** One scene: name, colour, its own tempo and signature (null when off), and the clips across tracks. */
export async function readSceneDetail(live: LiveClient, scene: number): Promise<Record<string, unknown>> {
  const names = await requireScene(live, scene)
  const s = live.scene(scene)
  const [color, tempo, tempoOn, numerator, denominator, signatureOn, trackNames] = await Promise.all([
    s.color.get(),
    s.tempo.get(),
    s.tempoEnabled.get(),
    s.timeSignatureNumerator.get(),
    s.timeSignatureDenominator.get(),
    s.timeSignatureEnabled.get(),
    live.song.trackNames.get(),
  ])
  const clipNames = await Promise.all((trackNames as unknown as string[]).map((_, t) => live.track(t).clipsName.get()))
  return {
    scene,
    name: names[scene],
    color: colorToHex(color),
    tempo: tempoOn ? tempo : null,
    signature: signatureOn ? `${numerator}/${denominator}` : null,
    clips: clipNames.flatMap((list, track) => {
      const name = (list as unknown as (string | null)[])[scene]
      return name === null || name === undefined ? [] : [{ track, name }]
    }),
  }
}

/** One clip in detail: loop, markers, launch settings, and a page of its notes (MIDI) or its sample's settings (audio). */
export async function readClipDetail(
  live: LiveClient,
  track: number,
  scene: number,
  page: Page,
): Promise<Record<string, unknown>> {
  await requireClip(live, track, scene)
  const c = live.clip(track, scene)
  const [name, length, looping, loopStart, loopEnd, start, end, playing, mode, quantization, muted, color, midi] =
    await Promise.all([
      c.name.get(),
      c.length.get(),
      c.looping.get(),
      c.loopStart.get(),
      c.loopEnd.get(),
      c.startMarker.get(),
      c.endMarker.get(),
      c.isPlaying.get(),
      c.launchMode.get(),
      c.launchQuantization.get(),
      c.muted.get(),
      c.color.get(),
      c.isMidiClip.get(),
    ])
  const common = {
    track,
    scene,
    name,
    kind: midi ? 'midi' : 'audio',
    length,
    looping,
    loop_start: loopStart,
    loop_length: loopEnd - loopStart,
    start_marker: start,
    end_marker: end,
    playing,
    launch_mode: LAUNCH_MODES[mode] ?? mode,
    quantization: formatClipLaunchQuantisation(quantization),
    muted,
    color: colorToHex(color),
  }
  if (!midi) {
    const [gain, pitch, warping, file] = await Promise.all([
      c.gain.get(),
      c.pitchCoarse.get(),
      c.warping.get(),
      c.filePath.get(),
    ])
    return { ...common, gain: gain === null ? null : raw(gain), pitch, warp: warping, file }
  }
  // By time, then pitch: the order a person reads a pattern in (Live's own order is by pitch).
  const notes = (await c.notes.get()).sort((a, b) => a.start - b.start || a.pitch - b.pitch).map(noteText)
  const { items, next_offset } = paged(notes, page)
  return { ...common, note_count: notes.length, notes: items, ...(next_offset === undefined ? {} : { next_offset }) }
}

/** One device: its class, a page of its parameters (value, Live's text, range) and, for a rack on the bridge, its chains. */
export async function readDeviceDetail(
  live: LiveClient,
  owner: DeviceOwner,
  ref: number | string,
  device: number | BridgeDeviceId,
  page: Page,
): Promise<Record<string, unknown>> {
  const d = live.device(owner.id, device)
  const [name, className, parameters] = await Promise.all([
    deviceName(live, owner, device),
    d.className.get(),
    readParameters(live, owner.id, device),
  ])
  const { items, next_offset } = paged(parameters, page)
  let chains: unknown[] | undefined
  if (/GroupDevice$/.test(className)) {
    try {
      const names = (await d.chainsName.get()) as unknown as string[]
      chains = await Promise.all(
        names.map(async (chain, c) => ({
          chain: c,
          name: chain,
          devices: ((await d.chainDevicesName(c).get()) as unknown as string[]).map((n, i) => ({
            path: `${device}/${c}/${i}`,
            name: n,
          })),
        })),
      )
    } catch (error) {
      if (!isLiveError(error) || error.code !== 'UNSUPPORTED') throw error
    }
  }
  return {
    track: ref,
    device,
    name,
    class: className,
    parameter_count: parameters.length,
    parameters: items,
    ...(next_offset === undefined ? {} : { next_offset }),
    ...(chains === undefined ? {} : { chains }),
  }
}
