import type { LiveSet, LiveSetClip, LiveSetDevice, LiveSetTrack } from '@live/client'
import { formatPath } from '../scheduler/parseOptions.js'
import { type Aligned, alignByName } from './alignByName.js'
import type { Snapshot } from './snapshotSchema.js'

/** One difference between two snapshots: where, what kind, the value before and after. */
export interface SnapshotChange {
  /** Where, as a path into the snapshot's `set`: `tracks[1].volume`, `scenes[3].name`, `song.tempo`. */
  readonly path: string
  /** The same path as keys, for programs. */
  readonly keys: readonly (string | number)[]
  /** `changed` (a value), `added` (only in the second snapshot) or `removed` (only in the first). */
  readonly kind: 'changed' | 'added' | 'removed'
  /** The value in the first snapshot (undefined when added). */
  readonly before: unknown
  /** The value in the second snapshot (undefined when removed). */
  readonly after: unknown
  /** What it is about, in words, counting from 0 as everything else does: `Track 1 'Bass'`, `Clip 0/2 'Hook'`, `Scene 3 'Verse'`, `Song`. */
  readonly subject: string
  /**
   * The same place in the second set, when its track or scene is at another position there (one was
   * added or deleted before it); `keys` are positions in the first set, except for what only the second has.
   */
  readonly secondKeys?: readonly (string | number)[] | undefined
}

/** The song properties a snapshot compares and restores (transport state and song length are not). */
export const SONG_KEYS = [
  'tempo',
  'signatureNumerator',
  'signatureDenominator',
  'metronome',
  'loop',
  'loopStart',
  'loopLength',
  'clipTriggerQuantization',
  'grooveAmount',
  'rootNote',
  'scaleName',
] as const

const TRACK_KEYS = ['name', 'color', 'mute', 'solo', 'arm', 'volume', 'panning'] as const
const CLIP_KEYS = ['name', 'color', 'looping'] as const
const SCENE_KEYS = ['name', 'color', 'tempo', 'tempoEnabled'] as const

/** Equal, allowing for float32 round trips. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a))
  return a === b
}

type Note = LiveSetClip['notes'][number]
const noteKey = (n: Note) =>
  `${n.pitch}|${n.start.toFixed(5)}|${n.duration.toFixed(5)}|${Math.round(n.velocity)}|${n.mute ? 1 : 0}`

/** The notes of `a` missing from `b` (as a multiset). */
export function notesMissing(a: readonly Note[], b: readonly Note[]): Note[] {
  const counts = new Map<string, number>()
  for (const n of b) counts.set(noteKey(n), (counts.get(noteKey(n)) ?? 0) + 1)
  const missing: Note[] = []
  for (const n of a) {
    const left = counts.get(noteKey(n)) ?? 0
    if (left > 0) counts.set(noteKey(n), left - 1)
    else missing.push(n)
  }
  return missing
}

/** `Track 1 'Bass'`: the index counts from 0, as the client, the CLI and the MCP server do. */
export const trackSubject = (index: number, track: Pick<LiveSetTrack, 'name'>) => `Track ${index} '${track.name}'`
/** `Clip 0/2 'Hook'`: track/slot, from 0. */
export const clipSubject = (t: number, s: number, clip: Pick<LiveSetClip, 'name'>) => `Clip ${t}/${s} '${clip.name}'`
/** `Scene 3 'Verse'`: from 0. */
export const sceneSubject = (index: number, scene: { readonly name: string }) => `Scene ${index} '${scene.name}'`

const clipSummary = (clip: LiveSetClip) => ({ name: clip.name, isMidi: clip.isMidi, length: clip.length })
const deviceSummary = (device: LiveSetDevice) => ({ name: device.name, className: device.className })

/**
 * Compares two snapshots (or the sets in them): every song, track, send, device parameter, clip, note and
 * scene value that differs, as structured changes. Notes and parameters are compared only where both captured them.
 *
 * @example
 * const changes = diffSnapshots(before, await takeSnapshot(live))
 * console.log(describeDiff(changes).join('\n'))
 */
export function diffSnapshots(a: Snapshot, b: Snapshot): SnapshotChange[] {
  return diffSets(a.set, b.set, {
    notes: a.captured.notes && b.captured.notes,
    parameters: a.captured.parameters && b.captured.parameters,
  })
}

/** {@link diffSnapshots} on two synced sets. */
export function diffSets(a: LiveSet, b: LiveSet, compare = { notes: true, parameters: true }): SnapshotChange[] {
  const changes: SnapshotChange[] = []
  // While comparing a track or scene found at another position in b: where a path of a is in b.
  let secondOf: ((keys: readonly (string | number)[]) => (string | number)[]) | undefined
  const push = (
    keys: (string | number)[],
    kind: SnapshotChange['kind'],
    before: unknown,
    after: unknown,
    subject: string,
  ) => {
    const change: SnapshotChange = { path: formatPath(keys), keys, kind, before, after, subject }
    const secondKeys = secondOf?.(keys)
    const same = secondKeys === undefined || secondKeys.every((key, i) => key === keys[i])
    changes.push(same ? change : { ...change, secondKeys })
  }
  const value = (keys: (string | number)[], before: unknown, after: unknown, subject: string) => {
    if (!sameValue(before, after)) push(keys, 'changed', before, after, subject)
  }

  for (const key of SONG_KEYS) value(['song', key], a.song[key], b.song[key], 'Song')

  // Clip slots are rows of scenes: a scene deleted or inserted moves every slot below it on every track.
  const scenePairs = alignByName(a.scenes, b.scenes)
  for (const [ia, ib] of alignByName(a.tracks, b.tracks)) {
    const ta = ia === undefined ? undefined : a.tracks[ia]
    const tb = ib === undefined ? undefined : b.tracks[ib]
    if (ta === undefined || tb === undefined) {
      secondOf = undefined
      const t = (ia ?? ib)!
      push(['tracks', t], ta === undefined ? 'added' : 'removed', ta?.name, tb?.name, trackSubject(t, (ta ?? tb)!))
      continue
    }
    const t = ia!
    const slotPairs = slotPairsOf(ta, tb, a.scenes.length, b.scenes.length, scenePairs)
    const slotInB = new Map(slotPairs.map(([sa, sb]) => [sa, sb]))
    secondOf = (keys) => {
      const second = [...keys]
      second[1] = ib!
      if (second[2] === 'clipSlots') second[3] = slotInB.get(Number(keys[3])) ?? keys[3]!
      return second
    }
    const subject = trackSubject(t, ta)
    for (const key of TRACK_KEYS) value(['tracks', t, key], ta[key], tb[key], subject)
    const sends = Math.max(ta.sends.length, tb.sends.length)
    for (let s = 0; s < sends; s++) value(['tracks', t, 'sends', s], ta.sends[s], tb.sends[s], subject)
    diffDevices(t, ta, tb, compare.parameters, subject, push, value)
    for (const [s, sb] of slotPairs) {
      const ca = ta.clipSlots[s]?.clip ?? null
      const cb = tb.clipSlots[sb]?.clip ?? null
      const keys = ['tracks', t, 'clipSlots', s, 'clip']
      if (ca === null || cb === null) {
        if (ca !== cb) {
          const clip = (ca ?? cb)!
          const kind = ca === null ? 'added' : 'removed'
          push(keys, kind, ca && clipSummary(ca), cb && clipSummary(cb), clipSubject(t, s, clip))
        }
        continue
      }
      const clipSubjectText = clipSubject(t, s, ca)
      if (ca.isMidi !== cb.isMidi) {
        push(keys, 'changed', clipSummary(ca), clipSummary(cb), clipSubjectText)
        continue
      }
      for (const key of CLIP_KEYS) value([...keys, key], ca[key], cb[key], clipSubjectText)
      if (compare.notes && ca.isMidi) {
        if (notesMissing(ca.notes, cb.notes).length + notesMissing(cb.notes, ca.notes).length > 0) {
          push([...keys, 'notes'], 'changed', ca.notes, cb.notes, clipSubjectText)
        }
      }
    }
  }

  for (const [ia, ib] of scenePairs) {
    const sa = ia === undefined ? undefined : a.scenes[ia]
    const sb = ib === undefined ? undefined : b.scenes[ib]
    const s = (ia ?? ib)!
    secondOf = sa === undefined || sb === undefined ? undefined : (keys) => ['scenes', ib!, ...keys.slice(2)]
    if (sa === undefined || sb === undefined) {
      const scene = (sa ?? sb)!
      push(['scenes', s], sa === undefined ? 'added' : 'removed', sa?.name, sb?.name, sceneSubject(s, scene))
      continue
    }
    for (const key of SCENE_KEYS) value(['scenes', s, key], sa[key], sb[key], sceneSubject(s, sa))
  }
  return changes
}

/**
 * The clip slots to compare, as [slot in a, slot in b]: in the scenes' pairing when each track has a slot per
 * scene (as in Live), slots of a scene only one set has left out (that scene's change says it); else by position.
 */
function slotPairsOf(
  ta: LiveSetTrack,
  tb: LiveSetTrack,
  scenesA: number,
  scenesB: number,
  scenePairs: readonly Aligned[],
): [number, number][] {
  if (ta.clipSlots.length === scenesA && tb.clipSlots.length === scenesB) {
    return scenePairs.flatMap(([sa, sb]) =>
      sa === undefined || sb === undefined ? [] : [[sa, sb] as [number, number]],
    )
  }
  const count = Math.max(ta.clipSlots.length, tb.clipSlots.length)
  return Array.from({ length: count }, (_, s) => [s, s] as [number, number])
}

type Push = (
  keys: (string | number)[],
  kind: SnapshotChange['kind'],
  before: unknown,
  after: unknown,
  subject: string,
) => void

function diffDevices(
  t: number,
  ta: LiveSetTrack,
  tb: LiveSetTrack,
  parameters: boolean,
  subject: string,
  push: Push,
  value: (keys: (string | number)[], before: unknown, after: unknown, subject: string) => void,
): void {
  const count = Math.max(ta.devices.length, tb.devices.length)
  for (let d = 0; d < count; d++) {
    const da = ta.devices[d]
    const db = tb.devices[d]
    const keys = ['tracks', t, 'devices', d]
    if (da === undefined || db === undefined) {
      const kind = da === undefined ? 'added' : 'removed'
      push(keys, kind, da && deviceSummary(da), db && deviceSummary(db), subject)
      continue
    }
    if (da.name !== db.name || da.className !== db.className) {
      push(keys, 'changed', deviceSummary(da), deviceSummary(db), subject)
      continue
    }
    if (!parameters) continue
    const params = Math.max(da.parameters.length, db.parameters.length)
    for (let p = 0; p < params; p++) {
      const pa = da.parameters[p]
      const pb = db.parameters[p]
      const where = `${subject}, ${da.name}`
      if (pa === undefined || pb === undefined || pa.name !== pb.name) {
        push(
          [...keys, 'parameters', p],
          pa === undefined ? 'added' : pb === undefined ? 'removed' : 'changed',
          pa?.name,
          pb?.name,
          where,
        )
        continue
      }
      value([...keys, 'parameters', p, 'value'], pa.value, pb.value, `${where} '${pa.name}'`)
    }
  }
}
