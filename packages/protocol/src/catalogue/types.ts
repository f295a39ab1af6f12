import { z } from 'zod'

/** The value types a catalogue parameter can declare. */
export const paramTypeSchema = z.enum(['int', 'float', 'bool', 'string', 'any'])

/** One of `int`, `float`, `bool`, `string`, `any`. */
export type ParamType = z.infer<typeof paramTypeSchema>

/** What an entry does: read, write, call, (un)subscribe, or a message the server sends unasked. */
export const entryKindSchema = z.enum(['get', 'set', 'call', 'start_listen', 'stop_listen', 'event'])

/** One of `get`, `set`, `call`, `start_listen`, `stop_listen`, `event`. */
export type EntryKind = z.infer<typeof entryKindSchema>

/** The shape of one argument (or reply value) of an address. */
export const catalogueParamSchema = z
  .object({
    /** The name in AbletonOSC's terms, snake_case (`track_id`). */
    name: z.string().min(1),
    /** The value type on the wire. */
    type: paramTypeSchema,
    /** May be left out (only trailing parameters, or a whole `group`). */
    optional: z.literal(true).optional(),
    /** Repeats zero or more times; consecutive variadics with one `group` repeat together. */
    variadic: z.literal(true).optional(),
    /** The string `'*'` is accepted in place of the number (every track). */
    wildcard: z.literal('*').optional(),
    /** Parameters that travel together: all or none (optional) or in whole groups (variadic). */
    group: z.string().optional(),
    /** The value may be nil (`N`). */
    nullable: z.literal(true).optional(),
    /** Short remark from the catalogue (units, enum values). */
    note: z.string().optional(),
  })
  .readonly()

/** One argument (or reply value) of an address. */
export type CatalogueParam = z.infer<typeof catalogueParamSchema>

/** The shape of one catalogue entry. */
export const catalogueEntrySchema = z
  .object({
    /** The OSC address, e.g. `/live/track/set/volume`. */
    address: z.string().min(1),
    /** The Live object it acts on (`song`, `track`, `clip`, ...). */
    object: z.string().min(1),
    /** What it does. */
    kind: entryKindSchema,
    /** The request arguments, in order. */
    params: z.array(catalogueParamSchema).readonly(),
    /** The reply (or event) values, in order; `null` when nothing is sent back. */
    reply: z.array(catalogueParamSchema).readonly().nullable(),
    /**
     * Where the reply arrives (listeners reply on the getter address); a list when one request
     * yields several messages (the device parameter listener sends `value` then `value_string`).
     */
    replyAddress: z.union([z.string(), z.array(z.string()).readonly()]).optional(),
    /** Whether Live can observe the property (from `listenable_in_live`). */
    listenable: z.boolean().optional(),
    /** What the server really does, quirks included. */
    notes: z.string(),
    /** The source file of the handler. */
    source: z.string(),
    /** Whether AbletonOSC's README documents it. */
    inReadme: z.boolean(),
    /** Only our own servers (simulator, bridge) answer it: AbletonOSC does not. */
    extension: z.literal(true).optional(),
    /**
     * It changes the set's shape: objects (tracks, returns, scenes, clips, devices, cue points) are
     * created, deleted, duplicated, inserted or moved, or the set is undone, redone or reloaded. Device
     * lists, counts, indices and anything cached from them may be stale once it has been sent.
     */
    structural: z.literal(true).optional(),
    /** Not an address (e.g. `#bundle`): documents how the server treats something else. */
    pseudo: z.literal(true).optional(),
  })
  .readonly()

/** One address of the protocol as data. */
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>

/** An entry that only our own servers answer. */
export type ExtensionEntry = CatalogueEntry & { readonly extension: true }

/** The JS value an `any` parameter carries. */
export type AnyArg = number | string | boolean | null

/** The JS type of one parameter's value. */
export type ParamValue<P extends CatalogueParam> =
  | (P['type'] extends 'int' | 'float'
      ? number
      : P['type'] extends 'bool'
        ? boolean
        : P['type'] extends 'string'
          ? string
          : AnyArg)
  | (P extends { readonly nullable: true } ? null : never)

type VariadicRun<P extends readonly CatalogueParam[]> = P extends readonly [
  infer H extends CatalogueParam,
  ...infer R extends readonly CatalogueParam[],
]
  ? H extends { readonly variadic: true }
    ? ParamValue<H> | VariadicRun<R>
    : never
  : never

type AfterVariadicRun<P extends readonly CatalogueParam[]> = P extends readonly [
  infer H extends CatalogueParam,
  ...infer R extends readonly CatalogueParam[],
]
  ? H extends { readonly variadic: true }
    ? AfterVariadicRun<R>
    : P
  : []

/**
 * The argument tuple of a param list written `as const` (used for extension entries; AbletonOSC's
 * own are generated with labels). A run of variadics becomes a rest of their union; optional
 * groups become independent optional items (the runtime schema enforces all-or-none).
 */
export type ParamsTuple<P extends readonly CatalogueParam[]> = P extends readonly [
  infer H extends CatalogueParam,
  ...infer R extends readonly CatalogueParam[],
]
  ? H extends { readonly variadic: true }
    ? [...(ParamValue<H> | VariadicRun<R>)[], ...ParamsTuple<AfterVariadicRun<R>>]
    : H extends { readonly optional: true }
      ? [ParamValue<H>?, ...ParamsTuple<R>]
      : [ParamValue<H>, ...ParamsTuple<R>]
  : []

/** The reply tuple of a reply list, `undefined` when there is no reply. */
export type ReplyTuple<R extends readonly CatalogueParam[] | null> = R extends readonly CatalogueParam[]
  ? ParamsTuple<R>
  : undefined
