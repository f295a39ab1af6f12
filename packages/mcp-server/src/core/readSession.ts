import type { LiveClient } from '@live/client'
import { formatDb, panToString, volumeToDb } from '@live/protocol'
import { requireTrack } from './setFacts.js'

/** A fader value 0..1 as people read it: dB text. */
export const dbText = (volume: number): string => formatDb(volumeToDb(Math.min(1, Math.max(0, volume))))

/** The session at a glance: what an assistant reads before acting. */
export interface SessionOverview {
  readonly tempo: number
  readonly isPlaying: boolean
  readonly signature: string
  readonly songTimeBeats: number
  readonly arrangementRecord: boolean
  readonly sessionRecord: boolean
  readonly tracks: readonly {
    readonly index: number
    readonly name: string
    readonly kind: 'midi' | 'audio'
    readonly volume: string
    readonly pan: string
    readonly mute: boolean | null
    readonly solo: boolean | null
    readonly arm: boolean | null
    readonly playingClip: number | null
    readonly clips: readonly { readonly scene: number; readonly name: string; readonly lengthBeats: number }[]
    readonly devices: readonly string[]
  }[]
  readonly scenes: readonly { readonly index: number; readonly name: string }[]
}

const slotOrNull = (slot: number): number | null => (slot >= 0 ? slot : null)

/**
 * Reads tempo, transport, every track (mixer, clips, devices, what plays) and the scenes.
 *
 * @example
 * const overview = await readSession(live)
 */
export async function readSession(live: LiveClient, signal?: AbortSignal | undefined): Promise<SessionOverview> {
  const set = await live.sync({ notes: false, parameters: false, signal })
  const extra = await Promise.all(
    set.tracks.map((t) =>
      Promise.all([live.track(t.index).playingSlotIndex.get(), live.track(t.index).hasMidiInput.get()]),
    ),
  )
  return {
    tempo: set.song.tempo,
    isPlaying: set.song.isPlaying,
    signature: `${set.song.signatureNumerator}/${set.song.signatureDenominator}`,
    songTimeBeats: set.song.currentSongTime,
    arrangementRecord: set.song.recordMode,
    sessionRecord: set.song.sessionRecord,
    tracks: set.tracks.map((t, i) => ({
      index: t.index,
      name: t.name,
      kind: extra[i]![1] ? 'midi' : 'audio',
      volume: dbText(t.volume),
      pan: panToString(t.panning),
      mute: t.mute,
      solo: t.solo,
      arm: t.arm,
      playingClip: slotOrNull(extra[i]![0]),
      clips: t.clipSlots.flatMap((s) =>
        s.clip === null ? [] : [{ scene: s.index, name: s.clip.name, lengthBeats: s.clip.length }],
      ),
      devices: t.devices.map((d) => d.name),
    })),
    scenes: set.scenes.map((s) => ({ index: s.index, name: s.name })),
  }
}

/** One track in detail: mixer (dB and Live's pan text), sends, devices, clips and what plays. */
export async function readTrack(live: LiveClient, track: number): Promise<Record<string, unknown>> {
  const names = await requireTrack(live, track)
  const t = live.track(track)
  const [volume, panning, mute, solo, canArm, midi, playing, fired, clipNames, clipLengths, devices, classNames] =
    await Promise.all([
      t.volume.get(),
      t.panning.get(),
      t.mute.get(),
      t.solo.get(),
      t.canBeArmed.get(),
      t.hasMidiInput.get(),
      t.playingSlotIndex.get(),
      t.firedSlotIndex.get(),
      t.clipsName.get(),
      t.clipsLength.get(),
      t.devicesName.get(),
      t.devicesClassName.get(),
    ])
  const arm = canArm ? await t.arm.get() : null
  const lengths = clipLengths as unknown as (number | null)[]
  return {
    index: track,
    name: names[track],
    kind: midi ? 'midi' : 'audio',
    volume: dbText(volume),
    volumeValue: volume,
    pan: panToString(panning),
    panValue: panning,
    mute,
    solo,
    arm,
    playingClip: slotOrNull(playing),
    triggeredClip: fired >= 0 ? fired : null,
    clips: (clipNames as unknown as (string | null)[]).flatMap((name, scene) =>
      name === null ? [] : [{ scene, name, lengthBeats: lengths[scene] ?? null }],
    ),
    devices: (devices as unknown as string[]).map((name, index) => ({
      index,
      name,
      className: (classNames as unknown as string[])[index],
    })),
  }
}
