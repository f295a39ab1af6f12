import { LiveError } from '@live/protocol'
import type { IndexKind } from './indexSpec.js'

/** How each kind of object is named in messages. */
const NOUNS: Readonly<Record<Exclude<IndexKind, 'slot'>, readonly [string, string]>> = {
  track: ['track', 'tracks'],
  scene: ['scene', 'scenes'],
  return: ['return track', 'return tracks'],
  send: ['send', 'sends'],
  device: ['device', 'devices'],
  parameter: ['parameter', 'parameters'],
}

const HINTS: Readonly<Record<IndexKind, string>> = {
  track:
    'Tracks count from 0, top to bottom; return tracks and the master track are live.returnTrack(i) and live.masterTrack.',
  scene: 'Scenes count from 0, top to bottom.',
  slot: "A track's clip slots are its scenes, counted from 0.",
  return: 'Return tracks count from 0 (A is 0).',
  send: 'Sends count from 0, one per return track (A is 0).',
  device: "Devices count from 0, left to right, on the track's top level.",
  parameter: 'Parameters count from 0 (0 is usually "Device On"); device(t, d).parameter("Name") finds one by name.',
}

/** "tracks 0–3", "track 0 only", "no tracks". */
export function describeRange(kind: Exclude<IndexKind, 'slot'>, count: number): string {
  const [one, many] = NOUNS[kind]
  if (count === 0) return `no ${many}`
  if (count === 1) return `${one} 0 only`
  return `${many} 0–${count - 1}`
}

/** What was asked for, to name it in messages. */
export interface Asked {
  /** Its kind. */
  readonly kind: IndexKind
  /** The index asked for. */
  readonly index: number
  /** A device's track; a parameter's track and device; a slot's track. */
  readonly owner: readonly (number | string)[]
  /** How many exist, when known. */
  readonly count: number | undefined
  /** The address that would have been (or was) sent. */
  readonly address?: string | undefined
  /** Live's own text, when Live refused it. */
  readonly text?: string | undefined
  /** Live's refusal, when there was one. */
  readonly cause?: unknown
}

/** "track 9 does not exist", "device 5 does not exist on track 1", "clip slot 0/99 does not exist". */
function missing({ kind, index, owner }: Asked): string {
  if (kind === 'slot') return `clip slot ${owner[0]}/${index} does not exist`
  const where =
    kind === 'device' ? ` on track ${owner[0]}` : kind === 'parameter' ? ` on device ${owner[0]}/${owner[1]}` : ''
  return `${NOUNS[kind][0]} ${index} does not exist${where}`
}

function exists({ kind, count }: Asked): string | undefined {
  if (count === undefined) return undefined
  if (kind === 'slot') return `the set has ${describeRange('scene', count)}`
  if (kind === 'device' || kind === 'parameter') return `it has ${describeRange(kind, count)}`
  return `the set has ${describeRange(kind, count)}${kind === 'send' ? ', one per return track' : ''}`
}

/**
 * The NOT_FOUND error for an index that does not exist, naming what was asked and what exists.
 *
 * @example
 * notFoundError({ kind: 'track', index: 9, owner: [], count: 4 }).shortMessage
 * // 'track 9 does not exist: the set has tracks 0–3'
 */
export function notFoundError(asked: Asked): LiveError {
  const there = exists(asked)
  const hints = [HINTS[asked.kind]]
  if (asked.index < 0) hints.unshift('Negative indices are refused: AbletonOSC would count them from the end.')
  if (there === undefined && asked.kind === 'send') hints.push('AbletonOSC cannot count return tracks: the bridge can.')
  return new LiveError('NOT_FOUND', `${missing(asked)}${there === undefined ? '' : `: ${there}`}`, {
    metaMessages: hints,
    details: {
      what: asked.kind,
      index: asked.index,
      ...(asked.owner.length > 0 ? { owner: asked.owner } : {}),
      count: asked.count,
      ...(asked.address === undefined ? {} : { address: asked.address }),
      ...(asked.text === undefined ? {} : { text: asked.text }),
    },
    cause: asked.cause,
  })
}

/**
 * The NOT_FOUND error for an empty clip slot, naming the slots that hold clips.
 *
 * @example
 * noClipError(0, 5, ['Kick', null, 'Hat']).shortMessage // 'track 0 has no clip in slot 5: its clips are in slots 0, 2'
 */
export function noClipError(
  track: number,
  slot: number,
  clipNames: readonly (string | null)[] | undefined,
  extra: { address?: string | undefined; text?: string | undefined; cause?: unknown } = {},
): LiveError {
  const filled = clipNames?.flatMap((name, i) => (name === null ? [] : [i]))
  const there =
    filled === undefined
      ? ''
      : filled.length === 0
        ? ': it has no clips'
        : `: its clips are in slot${filled.length === 1 ? '' : 's'} ${filled.join(', ')}`
  return new LiveError('NOT_FOUND', `track ${track} has no clip in slot ${slot}${there}`, {
    metaMessages: ['Clip slots count from 0, one per scene; clipSlot(t, s).createClip(length) makes a MIDI clip.'],
    details: {
      what: 'clip',
      track,
      slot,
      ...(filled === undefined ? {} : { clips: filled }),
      ...(extra.address === undefined ? {} : { address: extra.address }),
      ...(extra.text === undefined ? {} : { text: extra.text }),
    },
    cause: extra.cause,
  })
}

/** A device's track in messages: `track 1`, `the master track`, `return track 0`. */
export function trackLabel(track: number | string): string {
  if (track === 'master') return 'the master track'
  if (typeof track === 'string' && track.startsWith('return/')) return `return track ${track.slice(7)}`
  return `track ${track}`
}

/**
 * The NOT_FOUND error for a device id that leads nowhere on the bridge: a top-level index of the master
 * or a return track, or a step of a chain path into racks (`'0/5/0'`: device 0, chain 5, device 0).
 *
 * @example
 * devicePathError(1, '0/5/0', 'device 0 has', 'chains', 2).shortMessage
 * // 'device 0/5/0 does not exist on track 1: device 0 has chains 0–1'
 */
export function devicePathError(
  track: number | string,
  path: number | string,
  where: string,
  noun: 'devices' | 'chains',
  count: number,
  extra: { address?: string | undefined; text?: string | undefined; cause?: unknown } = {},
): LiveError {
  const range = count === 0 ? `no ${noun}` : count === 1 ? `${noun.slice(0, -1)} 0 only` : `${noun} 0–${count - 1}`
  return new LiveError('NOT_FOUND', `device ${path} does not exist on ${trackLabel(track)}: ${where} ${range}`, {
    metaMessages: ['A chain path counts from 0 at each step: device, chain, device... (`0/1/2`).'],
    details: {
      what: 'device',
      track,
      path,
      count,
      ...(extra.address === undefined ? {} : { address: extra.address }),
      ...(extra.text === undefined ? {} : { text: extra.text }),
    },
    cause: extra.cause,
  })
}
