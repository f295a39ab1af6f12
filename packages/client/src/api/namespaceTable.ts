import { type CatalogueEntry, type CatalogueParam, catalogue } from '@live/protocol'

/** How many leading index arguments address one object of a namespace (`track` 1: track_id). */
export const INDEX_COUNT: Readonly<Record<string, number>> = {
  track: 1,
  clip: 2,
  clip_slot: 2,
  scene: 1,
  device: 2,
  return: 1,
}

/** The four verbs of a property address: `/live/<namespace>/<verb>/<property>`. */
const VERBS = ['get', 'set', 'start_listen', 'stop_listen'] as const

/** The entries behind one property of a namespace. */
export interface PropertySpec {
  /** The property as it appears in addresses (`clips/name`). */
  readonly path: string
  /** The getter (kind `get` only: `/live/song/get/beat` is an event). */
  get?: CatalogueEntry | undefined
  /** The setter. */
  set?: CatalogueEntry | undefined
  /** The `start_listen` entry. */
  start?: CatalogueEntry | undefined
  /** The `stop_listen` entry. */
  stop?: CatalogueEntry | undefined
  /** The getter or event entry whose address listener updates arrive on. */
  updates?: CatalogueEntry | undefined
  /** How many arguments past the object's indices are required (`send` 1: send_id); such properties are factories. */
  extraIndices: number
}

/** What a namespace (`song`, `track`, ...) offers, derived from the catalogue. */
export interface NamespaceTable {
  /** How many index arguments address one of its objects. */
  readonly indexCount: number
  /** Properties by camelCase name. */
  readonly properties: ReadonlyMap<string, PropertySpec>
  /** Calls (methods) by camelCase name. */
  readonly calls: ReadonlyMap<string, CatalogueEntry>
}

/**
 * `snake_case/paths` as camelCase: `clips/name` → `clipsName`, `clip_trigger_quantization` → `clipTriggerQuantization`.
 *
 * @example
 * camelCase('arrangement_clips/start_time') // 'arrangementClipsStartTime'
 */
export function camelCase(path: string): string {
  return path.replace(/[_/]([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

function requiredCount(params: readonly CatalogueParam[]): number {
  return params.filter((p) => p.optional !== true && p.variadic !== true).length
}

const tables = new Map<string, NamespaceTable>()

function build(namespace: string): NamespaceTable {
  const indexCount = INDEX_COUNT[namespace] ?? 0
  const properties = new Map<string, PropertySpec>()
  const calls = new Map<string, CatalogueEntry>()
  const prefix = `/live/${namespace}/`
  for (const entry of catalogue) {
    if (entry.pseudo === true || !entry.address.startsWith(prefix)) continue
    const rest = entry.address.slice(prefix.length)
    const verb = VERBS.find((v) => rest.startsWith(`${v}/`))
    if (verb === undefined) {
      if (entry.kind !== 'event' && rest !== '') calls.set(camelCase(rest), entry)
      continue
    }
    const path = rest.slice(verb.length + 1)
    const name = camelCase(path)
    let spec = properties.get(name)
    if (spec === undefined) {
      spec = { path, extraIndices: 0 }
      properties.set(name, spec)
    }
    if (verb === 'get') {
      spec.updates = entry
      if (entry.kind === 'get') spec.get = entry
    } else if (verb === 'set') spec.set = entry
    else if (verb === 'start_listen') spec.start = entry
    else spec.stop = entry
  }
  for (const spec of properties.values()) {
    const reference = spec.get ?? spec.start
    spec.extraIndices = reference === undefined ? 0 : Math.max(0, requiredCount(reference.params) - indexCount)
  }
  return { indexCount, properties, calls }
}

/**
 * The properties and calls of a namespace, derived from the catalogue once and cached.
 *
 * @example
 * namespaceTable('track').properties.get('volume')?.set?.address // '/live/track/set/volume'
 */
export function namespaceTable(namespace: string): NamespaceTable {
  let table = tables.get(namespace)
  if (table === undefined) {
    table = build(namespace)
    tables.set(namespace, table)
  }
  return table
}

/** Every namespace the catalogue addresses (`song`, `track`, `clip_slot`, ...). */
export function namespaces(): string[] {
  const names = new Set<string>()
  for (const entry of catalogue) {
    const match = /^\/live\/([^/]+)\//.exec(entry.address)
    if (match !== null) names.add(match[1]!)
  }
  return [...names]
}
