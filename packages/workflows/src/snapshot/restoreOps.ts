import type { LiveSet } from '@live/client'
import { notesToArgs } from '@live/protocol'
import type { SnapshotChange } from './diffSnapshots.js'

/** One message restoring part of a change. */
export interface RestoreOp {
  readonly address: string
  readonly args: readonly (number | string | boolean)[]
  readonly note: string
}

/** How to put one change back: the messages, or why it cannot be done. */
export type RestoreStep = { readonly ops: readonly RestoreOp[] } | { readonly reason: string }

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const arg = (v: unknown): number | string | boolean => v as number | string | boolean

function set(address: string, ids: readonly number[], value: unknown, note: string): RestoreStep {
  if (value === null || value === undefined) return { reason: 'Live reported no value to restore here' }
  return { ops: [{ address, args: [...ids, arg(value)], note }] }
}

/**
 * The messages that turn the value at `change.path` (from the set as it is now, `before`) into the
 * snapshot's (`after`), or the reason it cannot: structure (tracks, devices, scenes) is never rebuilt.
 * Messages go to the positions in the set now (`keys`); the snapshot's own are in `secondKeys`.
 *
 * @example
 * const step = restoreStep(change, snapshot.set) // { ops: [{ address: '/live/track/set/volume', args: [1, 0.7], ... }] }
 */
export function restoreStep(change: SnapshotChange, target: LiveSet): RestoreStep {
  const { keys, kind, after, subject } = change
  const note = `${subject}: ${change.path}`
  if (keys[0] === 'song') return set(`/live/song/set/${snake(String(keys[1]))}`, [], after, note)
  if (keys[0] === 'scenes') {
    if (keys.length === 2) {
      return kind === 'added'
        ? { reason: `${subject} no longer exists: restore does not create scenes` }
        : { reason: `${subject} was added after the snapshot: left in place` }
    }
    return set(`/live/scene/set/${snake(String(keys[2]))}`, [Number(keys[1])], after, note)
  }
  const t = Number(keys[1])
  if (keys.length === 2) {
    return kind === 'added'
      ? { reason: `${subject} no longer exists: restore does not create tracks` }
      : { reason: `${subject} was added after the snapshot: left in place` }
  }
  const field = String(keys[2])
  if (field === 'sends') return set('/live/track/set/send', [t, Number(keys[3])], after, note)
  if (field === 'devices') return deviceStep(change, t)
  if (field === 'clipSlots') return clipStep(change, t, Number(keys[3]), target)
  return set(`/live/track/set/${snake(field)}`, [t], after, note)
}

function deviceStep(change: SnapshotChange, t: number): RestoreStep {
  const { keys, kind, subject } = change
  const d = Number(keys[3])
  if (keys.length === 4) {
    const was = change.after as { name: string } | undefined
    const now = change.before as { name: string } | undefined
    if (kind === 'added') return { reason: `${subject}: device ${d} '${was?.name}' no longer exists` }
    if (kind === 'removed') return { reason: `${subject}: device ${d} '${now?.name}' was added after the snapshot` }
    return {
      reason: `${subject}: device ${d} changed from '${was?.name}' to '${now?.name}': its parameters were not restored`,
    }
  }
  if (keys.at(-1) !== 'value')
    return { reason: `${subject}: parameter ${Number(keys[5])} is not the same parameter any more` }
  return set('/live/device/set/parameter/value', [t, d, Number(keys[5])], change.after, `${subject}: ${change.path}`)
}

function clipStep(change: SnapshotChange, t: number, s: number, target: LiveSet): RestoreStep {
  const { keys, kind, subject } = change
  const note = `${subject}: ${change.path}`
  const ids = [t, s]
  if (keys.length === 5) {
    if (kind === 'removed') return { reason: `${subject} was recorded or added after the snapshot: left in place` }
    if (kind === 'changed')
      return { reason: `${subject} is now a different kind of clip (audio ↔ MIDI): left in place` }
    // The snapshot's track and slot may sit at other positions (a track or scene added or deleted since).
    const second = change.secondKeys ?? keys
    const clip = target.tracks[Number(second[1])]?.clipSlots[Number(second[3])]?.clip
    if (clip === undefined || clip === null) return { reason: `${subject} is not in the snapshot` }
    if (!clip.isMidi) return { reason: `${subject} was an audio clip, which Live cannot re-create from a script` }
    const ops: RestoreOp[] = [
      { address: '/live/clip_slot/create_clip', args: [...ids, clip.length], note: `${note}: create the MIDI clip` },
      { address: '/live/clip/set/name', args: [...ids, clip.name], note },
    ]
    if (clip.color !== null) ops.push({ address: '/live/clip/set/color', args: [...ids, clip.color], note })
    if (clip.looping !== null) ops.push({ address: '/live/clip/set/looping', args: [...ids, clip.looping], note })
    if (clip.notes.length > 0)
      ops.push({ address: '/live/clip/add/notes', args: [...ids, ...(notesToArgs(clip.notes) as number[])], note })
    return { ops }
  }
  const field = String(keys[5])
  if (field === 'notes') {
    const notes = change.after as Parameters<typeof notesToArgs>[0]
    const ops: RestoreOp[] = [{ address: '/live/clip/remove/notes', args: ids, note: `${note}: clear` }]
    if (notes.length > 0)
      ops.push({ address: '/live/clip/add/notes', args: [...ids, ...(notesToArgs(notes) as number[])], note })
    return { ops }
  }
  return set(`/live/clip/set/${snake(field)}`, ids, change.after, note)
}
