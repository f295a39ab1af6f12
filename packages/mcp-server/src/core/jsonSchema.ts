import { z } from 'zod'

/** A JSON Schema object as tools/list carries it. */
export type JsonSchema = { [key: string]: unknown }

// Keywords that constrain one JSON type only, so branches of a union that use them can merge into one node.
const TYPED_KEYWORDS = new Set([
  'type',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
])

// Schemas whose JSON the list shows in a shorter hand-written form (the handler still checks the zod schema).
const overrides = new WeakMap<z.ZodType, JsonSchema>()

/**
 * Marks a zod schema to appear in tools/list as `json` instead of zod's conversion; the handler still checks the
 * full zod schema. For shapes the server's instructions describe once (notes), shown in every tool that takes them.
 *
 * @example
 * const note = jsonAs(z.union([z.string(), noteObject]), { type: ['string', 'object'] })
 */
export function jsonAs<T extends z.ZodType>(schema: T, json: JsonSchema): T {
  overrides.set(schema, json)
  return schema
}

const isInteger = (node: JsonSchema) =>
  node.type === 'integer' || (Array.isArray(node.type) && node.type.includes('integer'))

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `anyOf: [{type: integer, minimum: 0}, {type: string}]` as one `{type: [integer, string], minimum: 0}`, when the branches do not overlap. */
function mergeUnion(node: JsonSchema): JsonSchema {
  const branches = node.anyOf
  if (!Array.isArray(branches) || !branches.every(isObject)) return node
  const merged: JsonSchema = {}
  const types: string[] = []
  for (const branch of branches) {
    if (typeof branch.type !== 'string' || types.includes(branch.type)) return node
    for (const [key, value] of Object.entries(branch)) {
      if (!TYPED_KEYWORDS.has(key) || (key !== 'type' && key in merged)) return node
      if (key !== 'type') merged[key] = value
    }
    types.push(branch.type)
  }
  const { anyOf: _, ...rest } = node
  return { ...rest, type: types, ...merged }
}

// Sanity limits of texts and lists, and the chain-path pattern: the handler still checks them.
const DROPPED = new Set(['minLength', 'maxLength', 'maxItems', 'pattern'])

function compact(node: unknown, io: 'input' | 'output'): unknown {
  if (Array.isArray(node)) return node.map((item) => compact(item, io))
  if (!isObject(node)) return node
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) {
    // zod's int() bounds every integer by ±Number.MAX_SAFE_INTEGER: noise to a model.
    if ((key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue
    // Unknown arguments are refused by the handler's own check, in words; the schema need not say it.
    if (key === 'additionalProperties' && (value === false || (isObject(value) && Object.keys(value).length === 0)))
      continue
    // Checked by the handler (its error names the limit); in the list they are bytes a model pays on every turn.
    if (key === 'propertyNames' || key === '$schema' || DROPPED.has(key)) continue
    if (key === 'required' && io === 'output') continue
    // Indices count from 0, as the instructions say once; the handler still refuses a negative one.
    if (key === 'minimum' && value === 0 && isInteger(node)) continue
    // An optional flag that is off unless given needs no default to say so.
    if (key === 'default' && value === false && node.type === 'boolean') continue
    if (key === 'items' && isObject(value) && Object.keys(value).length === 0) continue
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, compact(schema, io)]))
        : compact(value, io)
  }
  return mergeUnion(out)
}

/**
 * A zod schema as the JSON Schema tools/list sends: zod 4's own conversion (`z.toJSONSchema`, which the MCP
 * SDK also uses), without `$schema`, the ±MAX_SAFE_INTEGER bounds of `int()`, `additionalProperties: false`,
 * `propertyNames`, length limits and patterns (the handler checks all of them and names them in its errors),
 * without `required` in answers (an answer's keys are facts, not a contract a model must meet), and with
 * simple unions as a list of types.
 *
 * @example
 * toolJsonSchema(z.object({ track: z.number().int().min(0) }), 'input')
 * // { type: 'object', properties: { track: { type: 'integer', minimum: 0 } }, required: ['track'] }
 */
export function toolJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-7',
    io,
    unrepresentable: 'any',
    override(ctx) {
      const replacement = overrides.get(ctx.zodSchema as unknown as z.ZodType)
      if (replacement === undefined) return
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key]
      Object.assign(ctx.jsonSchema, replacement)
    },
  })
  return compact(json, io) as JsonSchema
}
