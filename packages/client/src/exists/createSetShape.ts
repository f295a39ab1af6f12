import { type CatalogueEntry, isLiveError, type LiveError } from '@live/protocol'
import { usesBridgeIds } from '../core/bridgeIds.js'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore } from '../core/createCore.js'
import { explainDevicePath } from './explainDevicePath.js'
import { type IndexKind, type IndexParam, indexParams } from './indexSpec.js'
import { noClipError, notFoundError } from './notFound.js'

/** What the client knows of the set's shape, and the one rule for "does not exist" built on it. */
export interface SetShape {
  /**
   * Checks a message's indices against what the client knows, before it is sent: throws NOT_FOUND for a
   * negative index; when a known count says an index is out of range, returns a promise that re-reads
   * that count (the set may have grown in Live) and rejects with NOT_FOUND if it still is. Undefined when
   * there is nothing to wait for: the hot path costs a few comparisons and no round trip.
   */
  guard(entry: CatalogueEntry, args: readonly unknown[], options?: CallOptions): Promise<void> | undefined
  /** After Live refused a request: NOT_FOUND when its text says an index is missing and a fresh count confirms which, else `error`. */
  explain(error: unknown, entry: CatalogueEntry, args: readonly unknown[], options?: CallOptions): Promise<never>
  /** Learns counts from the replies the client sees anyway (`num_tracks`, `track_names`, `devices/name`...). */
  learn(address: string, args: readonly unknown[], reply: readonly unknown[]): void
  /** The number of objects of a kind (a track's devices: owner `[t]`; a device's parameters: `[t, d]`), cached unless `fresh`; undefined when the server cannot say. */
  count(kind: IndexKind, owner: readonly number[], options?: CallOptions, fresh?: boolean): Promise<number | undefined>
  /** Checks one index in order of its owners, refreshing what the cache doubts; throws NOT_FOUND. */
  check(
    kind: IndexKind,
    index: number,
    owner: readonly number[],
    options?: CallOptions,
    address?: string,
  ): Promise<void>
  /** Forgets every count (structural calls, `/live/startup`). */
  clear(): void
}

/** Live's texts for an object that is not there (BEHAVIOUR §7): a vector index, or an empty clip slot. */
const MISSING_TEXT = /\b[Ii]ndex out of range|'NoneType' object has no attribute/

const keyOf = (kind: IndexKind, owner: readonly number[]): string => {
  if (kind === 'slot') return 'scene'
  if (kind === 'send') return 'return'
  return owner.length === 0 ? kind : `${kind} ${owner.join('/')}`
}

/** The counts replies carry: address → (request args, reply) → [cache key, count]. */
const LEARNERS: Readonly<
  Record<string, (args: readonly unknown[], reply: readonly unknown[]) => [string, unknown] | undefined>
> = {
  '/live/song/get/num_tracks': (_, r) => ['track', r[0]],
  '/live/song/get/track_names': (a, r) => (a.length === 0 ? ['track', r.length] : undefined),
  '/live/song/get/num_scenes': (_, r) => ['scene', r[0]],
  '/live/song/get/scenes/name': (a, r) => (a.length === 0 ? ['scene', r.length] : undefined),
  '/live/song/get/num_return_tracks': (_, r) => ['return', r[0]],
  '/live/song/get/return_track_names': (_, r) => ['return', r.length],
  '/live/track/get/num_devices': (a, r) => (typeof a[0] === 'number' ? [`device ${a[0]}`, r[1]] : undefined),
  '/live/track/get/devices/name': (a, r) => (typeof a[0] === 'number' ? [`device ${a[0]}`, r.length - 1] : undefined),
  '/live/device/get/num_parameters': (a, r) =>
    typeof a[0] === 'number' && typeof a[1] === 'number' ? [`parameter ${a[0]}/${a[1]}`, r[2]] : undefined,
  '/live/device/get/parameters/name': (a, r) =>
    typeof a[0] === 'number' && typeof a[1] === 'number' ? [`parameter ${a[0]}/${a[1]}`, r.length - 2] : undefined,
}

/** The owner indices of an index argument, or undefined when one is not a plain index (`'*'`, a bridge id). */
function ownerOf(param: IndexParam, args: readonly unknown[]): number[] | undefined {
  const owner: number[] = []
  for (const at of param.owner) {
    const value = args[at]
    if (typeof value !== 'number') return undefined
    owner.push(value)
  }
  // A slot belongs to its track, for messages.
  if (param.kind === 'slot' && typeof args[0] === 'number') owner.push(args[0])
  return owner
}

/**
 * Creates the client's knowledge of the set's shape: counts of tracks, scenes, return tracks, each
 * track's devices and each device's parameters, learned from replies the client sees and from its own
 * count reads, forgotten on structural calls and `/live/startup`. Sets and calls are checked only
 * against what is known (they wait for nothing); a getter that Live refuses is explained afterwards.
 *
 * @example
 * const shape = createSetShape(core)
 * await shape.check('track', 9, []) // NOT_FOUND: track 9 does not exist: the set has tracks 0–3
 */
export function createSetShape(core: ClientCore): SetShape {
  const counts = new Map<string, number>()

  async function read(address: string, args: readonly (number | string)[], options: CallOptions | undefined) {
    return core.request(address, args, options, undefined, { unchecked: true })
  }

  async function fetchCount(kind: IndexKind, owner: readonly number[], options?: CallOptions) {
    switch (kind) {
      case 'track':
        return (await read('/live/song/get/num_tracks', [], options))[0]
      case 'scene':
      case 'slot':
        return (await read('/live/song/get/num_scenes', [], options))[0]
      case 'return':
      case 'send': {
        // AbletonOSC cannot count return tracks; only the bridge can.
        const { kind: server } = core.server
        if (server !== 'bridge' && server !== 'simulator') return undefined
        return (await read('/live/song/get/num_return_tracks', [], options))[0]
      }
      case 'device':
        return (await read('/live/track/get/num_devices', [owner[0]!], options))[1]
      case 'parameter':
        return (await read('/live/device/get/num_parameters', [owner[0]!, owner[1]!], options))[2]
    }
  }

  const shape: SetShape = {
    async count(kind, owner, options, fresh = false) {
      const key = keyOf(kind, owner)
      if (!fresh) {
        const known = counts.get(key)
        if (known !== undefined) return known
      }
      const value = await fetchCount(kind, owner, options)
      if (typeof value !== 'number') return undefined
      counts.set(key, value)
      return value
    },
    async check(kind, index, owner, options, address) {
      const forOwner = kind === 'slot' ? [] : owner
      if (index < 0) {
        throw notFoundError({ kind, index, owner, count: counts.get(keyOf(kind, forOwner)), address })
      }
      const known = await shape.count(kind, forOwner, options)
      if (known === undefined || index < known) return
      // The cache may be behind the set (a track added in Live): read again before refusing.
      const fresh = await shape.count(kind, forOwner, options, true)
      if (fresh === undefined || index < fresh) return
      throw notFoundError({ kind, index, owner, count: fresh, address })
    },
    guard(entry, args, options) {
      const spec = indexParams(entry)
      let doubt = false
      for (const param of spec) {
        const value = args[param.at]
        if (typeof value !== 'number') continue
        const owner = ownerOf(param, args)
        if (owner === undefined) continue
        const forOwner = param.kind === 'slot' ? [] : owner
        const known = counts.get(keyOf(param.kind, forOwner))
        if (value < 0)
          throw notFoundError({ kind: param.kind, index: value, owner, count: known, address: entry.address })
        if (known !== undefined && value >= known) doubt = true
      }
      if (!doubt) return undefined
      return (async () => {
        for (const param of spec) {
          const value = args[param.at]
          const owner = typeof value === 'number' ? ownerOf(param, args) : undefined
          if (owner === undefined) continue
          const forOwner = param.kind === 'slot' ? [] : owner
          if (!counts.has(keyOf(param.kind, forOwner))) continue
          await shape.check(param.kind, value as number, owner, options, entry.address)
        }
      })()
    },
    async explain(error, entry, args, options) {
      const text = isLiveError(error, 'LIVE_REJECTED') ? error.details.text : undefined
      if (typeof text !== 'string' || !MISSING_TEXT.test(text)) throw error
      const address = entry.address
      // Indices the server cannot count (a send on AbletonOSC): if all the others are there, it is the one.
      const uncounted: { param: IndexParam; index: number; owner: number[] }[] = []
      for (const param of indexParams(entry)) {
        const value = args[param.at]
        const owner = typeof value === 'number' ? ownerOf(param, args) : undefined
        if (owner === undefined) continue
        const forOwner = param.kind === 'slot' ? [] : owner
        const count = await shape.count(param.kind, forOwner, options, true).catch(() => undefined)
        if (count === undefined) {
          // A count that could not be read (no answer) confirms nothing: keep Live's refusal.
          if (param.kind !== 'send' && param.kind !== 'return') throw error
          uncounted.push({ param, index: value as number, owner })
        } else if ((value as number) >= count) {
          throw notFoundError({ kind: param.kind, index: value as number, owner, count, address, text, cause: error })
        }
      }
      const [only] = uncounted
      if (uncounted.length === 1 && only !== undefined && !text.includes('NoneType') && !usesBridgeIds(entry, args)) {
        const { param, index, owner } = only
        throw notFoundError({ kind: param.kind, index, owner, count: undefined, address, text, cause: error })
      }
      const [track, slot] = args
      if (usesBridgeIds(entry, args) && (typeof track === 'number' || typeof track === 'string')) {
        const reader = (a: string, ids: readonly (number | string)[]) =>
          read(a, ids, options).then(
            (reply) => reply,
            () => undefined,
          )
        const missing = await explainDevicePath(reader, track, slot as number | string, error as LiveError)
        if (missing !== undefined) throw missing
      }
      if (
        address.startsWith('/live/clip/') &&
        text.includes('NoneType') &&
        typeof track === 'number' &&
        typeof slot === 'number'
      ) {
        const hasClip = await read('/live/clip_slot/get/has_clip', [track, slot], options).then(
          (reply) => reply[2],
          () => undefined,
        )
        if (hasClip === false) {
          const names = await read('/live/track/get/clips/name', [track], options).then(
            (reply) => reply.slice(1) as (string | null)[],
            () => undefined,
          )
          throw noClipError(track, slot, names, { address, text, cause: error })
        }
      }
      throw error
    },
    learn(address, args, reply) {
      const learner = LEARNERS[address]
      if (learner === undefined) return
      const learned = learner(args, reply)
      if (learned !== undefined && typeof learned[1] === 'number') counts.set(learned[0], learned[1])
    },
    clear() {
      counts.clear()
    },
  }
  return shape
}
