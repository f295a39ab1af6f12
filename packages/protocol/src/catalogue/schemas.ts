import { z } from 'zod'
import { type ParamLayout, paramLayout } from './paramLayout.js'
import { rangeOf } from './ranges.js'
import type { CatalogueEntry, CatalogueParam } from './types.js'

/** A zod schema for a whole argument (or reply) list; parsing returns a fresh array. */
export type ListSchema = z.ZodType<unknown[], unknown[]>

type RangeLookup = (param: CatalogueParam) => ReturnType<typeof rangeOf>

const noRanges: RangeLookup = () => undefined

/**
 * The schema of one value: ints are integers, floats finite numbers, `any` a number, string,
 * boolean or null; nullable params accept null, wildcard params (in requests) the string `'*'`.
 *
 * @example
 * valueSchema({ name: 'volume', type: 'float' }, { min: 0, max: 1 }).parse(0.5) // 0.5
 */
export function valueSchema(
  param: CatalogueParam,
  range?: { readonly min: number; readonly max: number } | undefined,
  acceptWildcard = false,
): z.ZodType {
  let schema: z.ZodType
  if (param.type === 'int' || param.type === 'float') {
    let number = param.type === 'int' ? z.number().int() : z.number()
    if (range !== undefined) number = number.min(range.min).max(range.max)
    schema = number
  } else if (param.type === 'bool') schema = z.boolean()
  else if (param.type === 'string') schema = z.string()
  else schema = z.union([z.number(), z.string(), z.boolean(), z.null()])
  if (param.nullable === true) schema = schema.nullable()
  if (acceptWildcard && param.wildcard !== undefined) schema = z.union([schema, z.literal(param.wildcard)])
  return schema
}

function groupNames(params: readonly CatalogueParam[]): string {
  return params.map((p) => p.name).join(', ')
}

/** The checks a tuple cannot express: no holes, optional groups all-or-none, variadic groups whole. */
function refineList(layout: ParamLayout, members: readonly z.ZodType[]) {
  const optionalGroups = new Map<string, number[]>()
  layout.head.forEach((param, index) => {
    if (param.optional !== true || param.group === undefined) return
    optionalGroups.set(param.group, [...(optionalGroups.get(param.group) ?? []), index])
  })
  return (list: unknown[], ctx: z.RefinementCtx) => {
    list.forEach((value, index) => {
      if (value === undefined) ctx.addIssue({ code: 'custom', path: [index], message: 'missing value', input: value })
    })
    for (const [group, indices] of optionalGroups) {
      const present = indices.filter((index) => index < list.length).length
      if (present === 0 || present === indices.length) continue
      const names = groupNames(indices.map((index) => layout.head[index]!))
      const message = `the ${group} arguments (${names}) must be all present or all absent, got ${present} of ${indices.length}`
      ctx.addIssue({ code: 'custom', path: [], message, input: list })
    }
    if (members.length < 2) return
    const start = layout.head.length
    const extra = list.length - start
    if (extra % members.length !== 0) {
      const group = layout.variadic[0]?.group ?? 'repeated'
      const names = groupNames(layout.variadic)
      const message = `the ${group} values must come in whole groups of ${members.length} (${names}), got ${extra}`
      ctx.addIssue({ code: 'custom', path: [], message, input: list })
    }
    for (let index = start; index < list.length; index += 1) {
      const result = members[(index - start) % members.length]!.safeParse(list[index])
      if (!result.success) ctx.addIssue({ code: 'custom', path: [index], message: 'wrong type', input: list[index] })
    }
  }
}

/** A list whose repeating run comes first (song listener messages: `extra..., value`). */
function leadingRunSchema(layout: ParamLayout, item: (param: CatalogueParam) => z.ZodType): ListSchema {
  const run = z.union(layout.variadic.map(item))
  const tail = layout.tail.map(item)
  return z.array(z.unknown()).superRefine((list, ctx) => {
    if (list.length < tail.length) {
      ctx.addIssue({ code: 'too_small', origin: 'array', minimum: tail.length, inclusive: true, input: list })
      return
    }
    const tailStart = list.length - tail.length
    list.forEach((value, index) => {
      const schema = index < tailStart ? run : tail[index - tailStart]!
      if (!schema.safeParse(value).success)
        ctx.addIssue({ code: 'custom', path: [index], message: 'wrong type', input: value })
    })
  })
}

/** Builds the schema of a param list. */
function listSchema(params: readonly CatalogueParam[], ranges: RangeLookup, acceptWildcard: boolean): ListSchema {
  const layout = paramLayout(params)
  const item = (param: CatalogueParam) => valueSchema(param, ranges(param), acceptWildcard)
  if (layout.tail.length > 0) {
    if (layout.head.length > 0) throw new Error('a repeating run between head and tail is not supported')
    return leadingRunSchema(layout, item)
  }
  const items = layout.head.map((param) => (param.optional === true ? item(param).optional() : item(param)))
  const tuple = z.tuple(items as [z.ZodType, ...z.ZodType[]])
  const members = layout.variadic.map(item)
  const first = members[0]
  const withRest =
    first === undefined ? tuple : tuple.rest(members.length === 1 ? first : z.union(members as [z.ZodType, z.ZodType]))
  return withRest.superRefine(refineList(layout, members)) as unknown as ListSchema
}

const argsCache = new WeakMap<CatalogueEntry, ListSchema>()
const replyCache = new WeakMap<CatalogueEntry, ListSchema | undefined>()

/**
 * The zod schema of an entry's request arguments, with the known ranges applied (cached per entry).
 *
 * @example
 * argsSchema(findEntry('/live/track/set/volume')!).safeParse([0, 0.8]).success // true
 */
export function argsSchema(entry: CatalogueEntry): ListSchema {
  let schema = argsCache.get(entry)
  if (schema === undefined) {
    schema = listSchema(entry.params, (param) => rangeOf(entry.address, param.name), true)
    argsCache.set(entry, schema)
  }
  return schema
}

/**
 * The zod schema of an entry's reply (or event) values; `undefined` when it sends nothing back (cached per entry).
 *
 * @example
 * replySchema(findEntry('/live/track/get/volume')!)?.parse([0, 0.85]) // [0, 0.85]
 */
export function replySchema(entry: CatalogueEntry): ListSchema | undefined {
  if (replyCache.has(entry)) return replyCache.get(entry)
  const schema = entry.reply === null ? undefined : listSchema(entry.reply, noRanges, false)
  replyCache.set(entry, schema)
  return schema
}
