import type { CatalogueEntry, OscValue } from '@live/protocol'

/** How a reply's values (after its echo) become one value: nothing, a single value, a fixed tuple, or a list. */
export type ValueShape = 'none' | 'single' | 'tuple' | 'list'

/**
 * The shape of a reply's values after its first `echoCount` params; mirrors `ValueOf` in apiTypes.ts.
 *
 * @example
 * valueShape(findEntry('/live/track/get/volume')!, 1) // 'single'
 */
export function valueShape(entry: CatalogueEntry, echoCount: number): ValueShape {
  const params = (entry.reply ?? []).slice(echoCount)
  const fixed = params.filter((p) => p.variadic !== true)
  if (params.length === 0) return 'none'
  if (fixed.length === 0) return 'list'
  if (params[0]!.variadic !== true && fixed.length === 1) return 'single'
  return fixed.length === params.length ? 'tuple' : 'list'
}

/** A reply's values (echo already removed) in the given shape. */
export function shapeValue(shape: ValueShape, values: readonly OscValue[]): unknown {
  if (shape === 'none') return undefined
  if (shape === 'single') return values[0]
  return [...values]
}
