import type { CatalogueEntry } from '@live/protocol'
import { splitOptions } from '../core/callOptions.js'
import type { ClientCore } from '../core/createCore.js'
import { createProperty } from './createProperty.js'
import { namespaceTable } from './namespaceTable.js'
import { replyValue } from './replyValue.js'

/** How many of an object's indices an entry takes (`/live/scene/fire_selected` takes none). */
function indexParams(entry: CatalogueEntry, count: number): number {
  let n = 0
  while (n < count && /_id$/.test(entry.params[n]?.name ?? '')) n++
  return n
}

/** A call of the catalogue (`fire`, `createMidiTrack`...) bound to an object's indices. */
function createCall(core: ClientCore, entry: CatalogueEntry, indices: readonly unknown[]) {
  return async (...input: unknown[]): Promise<unknown> => {
    const { args: rest, options } = splitOptions(input)
    while (rest.length > 0 && rest.at(-1) === undefined) rest.pop()
    const args = [...indices.slice(0, indexParams(entry, indices.length)), ...rest]
    if (entry.reply === null) {
      await core.send(entry.address, args, options)
      return undefined
    }
    return replyValue(entry, args, await core.request(entry.address, args, options))
  }
}

/**
 * The object behind `live.song`, `live.track(0)`, `live.clipSlot(0, 2)`...: a get/set/watch handle
 * per property and a function per call, derived at runtime from the catalogue entries under
 * `/live/<namespace>/`. Properties that need more indices (`send`) are functions returning handles.
 *
 * @example
 * const track = createNamespace(core, 'track', [0]) as { volume: { get(): Promise<number> } }
 */
export function createNamespace(core: ClientCore, namespace: string, indices: readonly unknown[]): object {
  const table = namespaceTable(namespace)
  const target: Record<string, unknown> = {}
  for (const [name, spec] of table.properties) {
    if (spec.extraIndices > 0) {
      target[name] = (...extra: unknown[]) => createProperty(core, spec, [...indices, ...extra])
      continue
    }
    let cached: unknown
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (cached === undefined) cached = createProperty(core, spec, indices)
        return cached
      },
    })
  }
  for (const [name, entry] of table.calls) {
    if (!(name in target)) target[name] = createCall(core, entry, indices)
  }
  return target
}
