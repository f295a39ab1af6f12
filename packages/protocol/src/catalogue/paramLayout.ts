import { LiveError } from '../errors/liveError.js'
import type { CatalogueEntry, CatalogueParam } from './types.js'

/** A param list split around its one repeating run, so each argument position maps to a param. */
export interface ParamLayout {
  /** The params before the repeating run: required ones, then optional ones. */
  readonly head: readonly CatalogueParam[]
  /** The repeating run: one variadic param, or the members of a variadic group; empty if none. */
  readonly variadic: readonly CatalogueParam[]
  /** Required params after the run (song listener messages put their echoed extras first). */
  readonly tail: readonly CatalogueParam[]
  /** The fewest arguments the list accepts. */
  readonly minCount: number
  /** The most arguments the list accepts (`Infinity` with a repeating run). */
  readonly maxCount: number
}

const layouts = new WeakMap<readonly CatalogueParam[], ParamLayout>()

/**
 * Splits a param list into head, repeating run and tail (cached per list).
 *
 * @example
 * paramLayout(findEntry('/live/clip/add/notes')!.params).variadic.length // 5
 */
export function paramLayout(params: readonly CatalogueParam[]): ParamLayout {
  const cached = layouts.get(params)
  if (cached !== undefined) return cached
  const first = params.findIndex((p) => p.variadic === true)
  const head = first === -1 ? params : params.slice(0, first)
  let end = first === -1 ? params.length : first + 1
  const group = first === -1 ? undefined : params[first]?.group
  if (group !== undefined) while (end < params.length && params[end]?.group === group) end += 1
  const variadic = first === -1 ? [] : params.slice(first, end)
  const tail = params.slice(end)
  const layout: ParamLayout = {
    head,
    variadic,
    tail,
    minCount: head.filter((p) => p.optional !== true).length + tail.length,
    maxCount: variadic.length > 0 ? Number.POSITIVE_INFINITY : head.length,
  }
  const broken =
    variadic.some((p) => p.variadic !== true) ||
    tail.some((p) => p.variadic === true || p.optional === true) ||
    head.some((p, i) => p.optional !== true && head[i - 1]?.optional === true) ||
    (variadic.length > 0 && tail.length > 0 && head.some((p) => p.optional === true))
  if (broken) {
    const names = params.map((p) => p.name).join(', ')
    throw new LiveError('INTERNAL', `the catalogue's param list (${names}) has a layout the toolkit cannot read`)
  }
  layouts.set(params, layout)
  return layout
}

/**
 * The param that describes argument `index` when `count` arguments are given; undefined past the end.
 *
 * @example
 * paramAt(paramLayout(findEntry('/live/clip/add/notes')!.params), 8, 12)?.name // 'mute'
 */
export function paramAt(layout: ParamLayout, index: number, count: number): CatalogueParam | undefined {
  if (index < layout.head.length) return layout.head[index]
  if (layout.variadic.length === 0) return undefined
  const tailStart = Math.max(layout.head.length, count - layout.tail.length)
  if (index < tailStart) return layout.variadic[(index - layout.head.length) % layout.variadic.length]
  return layout.tail[index - tailStart]
}

function describeParam(param: CatalogueParam): string {
  return `${param.name}:${param.type}${param.nullable === true && param.type !== 'any' ? '|nil' : ''}`
}

function describeList(params: readonly CatalogueParam[]): string[] {
  const parts: string[] = []
  let i = 0
  while (i < params.length) {
    const param = params[i]!
    const run = [param]
    if (param.group !== undefined) {
      while (params[i + run.length]?.group === param.group) run.push(params[i + run.length]!)
    }
    const inner = run.map(describeParam).join(' ')
    if (param.variadic === true) parts.push(run.length > 1 ? `(${inner})...` : `${inner}...`)
    else if (param.optional === true) parts.push(`[${inner}]`)
    else parts.push(inner)
    i += run.length
  }
  return parts
}

/**
 * A one-line signature: the address, then each param as `name:type`; `[...]` optional, `...` repeated.
 *
 * @example
 * signatureOf(findEntry('/live/track/set/volume')!) // '/live/track/set/volume track_id:int volume:float'
 */
export function signatureOf(entry: CatalogueEntry, which: 'params' | 'reply' = 'params'): string {
  const list = which === 'params' ? entry.params : (entry.reply ?? [])
  return [entry.address, ...describeList(list)].join(' ')
}
