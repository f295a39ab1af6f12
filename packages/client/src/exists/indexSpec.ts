import type { CatalogueEntry } from '@live/protocol'

/** What an index argument points at: the set's tracks, scenes and return tracks, a track's devices, a device's parameters. */
export type IndexKind = 'track' | 'scene' | 'slot' | 'return' | 'send' | 'device' | 'parameter'

/** One index argument of an address, and where its owner's indices are. */
export interface IndexParam {
  /** The argument's position. */
  readonly at: number
  /** What it counts. */
  readonly kind: IndexKind
  /** For a device: the position of its track; for a parameter: of its track and device. */
  readonly owner: readonly number[]
}

/** The parameter names that address objects by position (from the catalogue's params; `index` of `create_*` may be -1: not one). */
const KINDS: Readonly<Record<string, IndexKind>> = {
  track_id: 'track',
  track_index: 'track',
  target_track_id: 'track',
  scene_id: 'scene',
  scene_index: 'scene',
  clip_id: 'slot',
  target_clip_id: 'slot',
  return_id: 'return',
  return_index: 'return',
  send_id: 'send',
  device_id: 'device',
  device_index: 'device',
  parameter_id: 'parameter',
}

const specs = new WeakMap<CatalogueEntry, readonly IndexParam[]>()

/**
 * The index arguments of an address, in order, each with the positions of what owns it: a device's
 * track, a parameter's track and device. Computed once per entry.
 *
 * @example
 * indexParams(findEntry('/live/device/get/parameter/value')!)
 * // [{ at: 0, kind: 'track', owner: [] }, { at: 1, kind: 'device', owner: [0] }, { at: 2, kind: 'parameter', owner: [0, 1] }]
 */
export function indexParams(entry: CatalogueEntry): readonly IndexParam[] {
  let spec = specs.get(entry)
  if (spec === undefined) {
    const list: IndexParam[] = []
    let track: number | undefined
    let device: number | undefined
    entry.params.forEach((param, at) => {
      const kind = KINDS[param.name]
      if (kind === undefined || param.variadic === true) return
      // The first track argument owns the devices that follow it (`target_track_id` owns nothing here).
      if (kind === 'track' && track === undefined) track = at
      if (kind === 'device') device = at
      const owner =
        kind === 'device' && track !== undefined
          ? [track]
          : kind === 'parameter' && track !== undefined && device !== undefined
            ? [track, device]
            : []
      list.push({ at, kind, owner })
    })
    spec = list
    specs.set(entry, spec)
  }
  return spec
}
