import type { CatalogueParam, EntryKind, ParamType } from './types.js'

/** A list of parameters or reply values. */
type Params = readonly CatalogueParam[]

/** What the helpers add to every extension entry. */
type Marks = { readonly source: 'bridge'; readonly inReadme: false; readonly extension: true }

/** An extension entry as the helpers build it: its address, params and reply keep their literal types. */
export type Extension<
  A extends string,
  O extends string,
  K extends EntryKind,
  P extends readonly CatalogueParam[],
  R extends readonly CatalogueParam[] | null,
> = {
  readonly address: A
  readonly object: O
  readonly kind: K
  readonly params: P
  readonly reply: R
  readonly replyAddress?: string
  readonly notes: string
} & Marks & { readonly structural?: true }

/** The fields of an entry written by hand: the catalogue entry without what {@link extension} adds. */
export interface ExtensionSpec {
  /** The OSC address; AbletonOSC must not register it. */
  readonly address: string
  /** The Live object it acts on (`return`, `master`, `bridge`...). */
  readonly object: string
  /** What it does. */
  readonly kind: EntryKind
  /** The request arguments, in order. */
  readonly params: readonly CatalogueParam[]
  /** The reply values, in order; `null` when nothing is sent back. */
  readonly reply: readonly CatalogueParam[] | null
  /** Where the reply arrives, when there is one (a getter: its own address). */
  readonly replyAddress?: string | undefined
  /** What the server does, without the leading `bridge only: ` (added). */
  readonly notes: string
  /** It changes the set's shape (see `structural` on {@link CatalogueEntry}). */
  readonly structural?: true | undefined
}

/**
 * One extension entry written in full: adds `bridge only: ` to the notes, `source: 'bridge'`,
 * `inReadme: false` and `extension: true`.
 *
 * @example
 * extension({ address: '/live/bridge/hello', object: 'bridge', kind: 'get', params: [], reply: [...], replyAddress: '/live/bridge/hello', notes: 'identifies the server' })
 */
export function extension<const S extends ExtensionSpec>(
  spec: S,
): Extension<S['address'], S['object'], S['kind'], S['params'], S['reply']> {
  const { address, object, kind, params, reply, replyAddress, notes, structural } = spec
  return {
    address,
    object,
    kind,
    params,
    reply,
    ...(replyAddress === undefined ? {} : { replyAddress }),
    notes: `bridge only: ${notes}`,
    source: 'bridge',
    inReadme: false,
    extension: true,
    ...(structural === true ? { structural } : {}),
  }
}

/** Two parameter lists as one. */
const join = (a: Params, b: Params): Params => [...a, ...b]

/** How a getter or setter is written: the object's ids, then what follows them. */
export interface Accessor {
  /** The ids that address one object (`[{ name: 'return_id', type: 'int' }]`; `[]` for a singleton). */
  readonly ids: Params
  /** Values after the ids: the getter's reply, or the setter's arguments. */
  readonly values: Params
  /** The notes, without `bridge only: `. */
  readonly notes: string
}

/** The entry {@link getter} builds: the ids, then the ids and `values` in reply. */
export type GetterEntry<O extends string, P extends string, S extends Accessor> = Extension<
  `/live/${O}/get/${P}`,
  O,
  'get',
  S['ids'],
  readonly [...S['ids'], ...S['values']]
>

/** The entry {@link setter} builds: the ids and `values`, no reply. */
export type SetterEntry<O extends string, P extends string, S extends Accessor> = Extension<
  `/live/${O}/set/${P}`,
  O,
  'set',
  readonly [...S['ids'], ...S['values']],
  null
>

/**
 * A getter `/live/<object>/get/<path>`: takes the ids, replies with the ids then `values`, on its own address.
 *
 * @example
 * getter('return', 'num_devices', { ids: RETURN_ID, values: [{ name: 'num_devices', type: 'int' }], notes: 'top-level devices' })
 */
export function getter<const O extends string, const P extends string, const S extends Accessor>(
  object: O,
  path: P,
  spec: S,
): GetterEntry<O, P, S> {
  const address = `/live/${object}/get/${path}` as const
  const entry = extension({
    address,
    object,
    kind: 'get',
    params: spec.ids,
    reply: join(spec.ids, spec.values),
    replyAddress: address,
    notes: spec.notes,
  })
  return entry as GetterEntry<O, P, S>
}

/**
 * A setter `/live/<object>/set/<path>`: takes the ids then `values`, replies nothing.
 *
 * @example
 * setter('return', 'send', { ids: RETURN_ID, values: [{ name: 'send_id', type: 'int' }, { name: 'value', type: 'float' }], notes: 'sets a send' })
 */
export function setter<const O extends string, const P extends string, const S extends Accessor>(
  object: O,
  path: P,
  spec: S,
): SetterEntry<O, P, S> {
  const entry = extension({
    address: `/live/${object}/set/${path}`,
    object,
    kind: 'set',
    params: join(spec.ids, spec.values),
    reply: null,
    notes: spec.notes,
  })
  return entry as SetterEntry<O, P, S>
}

/** How a property is written for {@link property}. */
export interface PropertySpec<
  Ids extends readonly CatalogueParam[],
  V extends ParamType,
  S extends boolean,
  L extends boolean,
> {
  /** The ids that address one object (`[]` for a singleton such as the master track). */
  readonly ids: Ids
  /** The value's type; the value is named after the property. */
  readonly value: V
  /** A remark on the value (units, what each number means), kept on its parameter. */
  readonly note?: string | undefined
  /** What it reads in Live's object model, for the notes (`song.return_tracks[return_id].mute`). */
  readonly lom: string
  /** Whether it can be set. @default true */
  readonly set?: S | undefined
  /** Whether it can be observed (start_listen / stop_listen). @default true */
  readonly listen?: L | undefined
}

type ValueParam<N extends string, V extends ParamType> = { readonly name: N; readonly type: V }

/** The entries {@link property} returns: get, then set, start_listen and stop_listen as asked. */
export type PropertyEntries<
  O extends string,
  N extends string,
  Ids extends readonly CatalogueParam[],
  V extends ParamType,
  S extends boolean,
  L extends boolean,
> = readonly [
  Extension<`/live/${O}/get/${N}`, O, 'get', Ids, readonly [...Ids, ValueParam<N, V>]>,
  ...(S extends true ? [Extension<`/live/${O}/set/${N}`, O, 'set', readonly [...Ids, ValueParam<N, V>], null>] : []),
  ...(L extends true
    ? [
        Extension<`/live/${O}/start_listen/${N}`, O, 'start_listen', Ids, readonly [...Ids, ValueParam<N, V>]>,
        Extension<`/live/${O}/stop_listen/${N}`, O, 'stop_listen', Ids, null>,
      ]
    : []),
]

/**
 * One property of an object as its catalogue entries: `get`, `set` (unless `set: false`), then
 * `start_listen` and `stop_listen` (unless `listen: false`); spread it into the entries array.
 *
 * @example
 * ...property('return', 'volume', { ids: RETURN_ID, value: 'float', lom: 'song.return_tracks[return_id].mixer_device.volume.value' })
 * // /live/return/get/volume, /live/return/set/volume, /live/return/start_listen/volume, /live/return/stop_listen/volume
 */
export function property<
  const O extends string,
  const N extends string,
  const Ids extends readonly CatalogueParam[],
  const V extends ParamType,
  const S extends boolean = true,
  const L extends boolean = true,
>(object: O, name: N, spec: PropertySpec<Ids, V, S, L>): PropertyEntries<O, N, Ids, V, S, L> {
  const value = { name, type: spec.value, ...(spec.note === undefined ? {} : { note: spec.note }) }
  const withValue = [...spec.ids, value]
  const get = `/live/${object}/get/${name}`
  const entries: ExtensionSpec[] = [
    { address: get, object, kind: 'get', params: spec.ids, reply: withValue, replyAddress: get, notes: spec.lom },
  ]
  if (spec.set !== false) {
    entries.push({
      address: `/live/${object}/set/${name}`,
      object,
      kind: 'set',
      params: withValue,
      reply: null,
      notes: `${spec.lom}; no reply`,
    })
  }
  if (spec.listen !== false) {
    entries.push(
      {
        address: `/live/${object}/start_listen/${name}`,
        object,
        kind: 'start_listen',
        params: spec.ids,
        reply: withValue,
        replyAddress: get,
        notes: `${spec.lom}: value at once, then on every change`,
      },
      {
        address: `/live/${object}/stop_listen/${name}`,
        object,
        kind: 'stop_listen',
        params: spec.ids,
        reply: null,
        notes: `stops the ${name} listener`,
      },
    )
  }
  return entries.map(extension) as unknown as PropertyEntries<O, N, Ids, V, S, L>
}
