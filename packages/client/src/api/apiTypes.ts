import type { Address, AddressArgs, AddressReply } from '@live/protocol'
import type { CallOptions } from '../core/callOptions.js'
import type { Unwatch } from '../watch/createWatchRegistry.js'
import type { WatchIterableOptions } from '../watch/watchIterable.js'
import type { Watcher } from './createProperty.js'

/*
 * The typed API, derived from the `Address` union with template literal types, mirroring what
 * namespaceTable.ts and createNamespace.ts build at runtime from the catalogue entries.
 */

/** Events that share a getter's address but cannot be read (`/live/song/get/beat`). */
type EventAddress = '/live/song/get/beat'

type Slashless<S extends string> = S extends `${infer H}/${infer T}` ? `${H}_${Slashless<T>}` : S
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S

/** `clips/name` → `clipsName`, `clip_trigger_quantization` → `clipTriggerQuantization` (as `camelCase()`). */
export type CamelCase<S extends string> = Camel<Slashless<S>>

/** How many index arguments address one object of a namespace (as `INDEX_COUNT`). */
export type IndexCount<NS extends string> = NS extends 'track' | 'scene' | 'return'
  ? 1
  : NS extends 'clip' | 'clip_slot' | 'device'
    ? 2
    : 0

/** A tuple without its first `N` items (distributes over unions; arrays stay arrays). */
export type Drop<T, N extends number, Acc extends unknown[] = []> = Acc['length'] extends N
  ? T
  : T extends readonly [unknown?, ...infer R]
    ? Drop<R, N, [...Acc, unknown]>
    : T

/** A reply's values as one value, a tuple or a list (as `valueShape()`). */
export type ValueOf<T> = T extends readonly []
  ? undefined
  : T extends readonly [infer V]
    ? V
    : T extends readonly [infer V, ...infer R]
      ? number extends R['length']
        ? V
        : T
      : T

type SetValue<T> = T extends readonly [infer V] ? V : T
type ArgsOf<A> = A extends Address ? AddressArgs<A> : []
type ReplyOf<A> = A extends Address ? AddressReply<A> : never

type PropPath<NS extends string> = Address extends infer A
  ? A extends `/live/${NS}/get/${infer P}`
    ? P
    : A extends `/live/${NS}/set/${infer P}`
      ? P
      : A extends `/live/${NS}/start_listen/${infer P}`
        ? P
        : never
  : never

type CallPath<NS extends string> = Address extends infer A
  ? A extends `/live/${NS}/${infer M}`
    ? M extends `${'get' | 'set' | 'start_listen' | 'stop_listen'}/${string}`
      ? never
      : M
    : never
  : never

type Getter<NS extends string, P extends string> = `/live/${NS}/get/${P}`
type Reference<NS extends string, P extends string> =
  Getter<NS, P> extends Address ? Getter<NS, P> : `/live/${NS}/start_listen/${P}`

/** The arguments a property takes past its object's indices (`[sendId: number]` for `send`). */
type ExtraIndices<NS extends string, P extends string> = Drop<ArgsOf<Reference<NS, P>>, IndexCount<NS>>

/** The value of a property, read or watched. */
type PropertyValue<NS extends string, P extends string, Extra extends readonly unknown[]> = ValueOf<
  Drop<Drop<ReplyOf<Getter<NS, P>>, IndexCount<NS>>, Extra['length']>
>

/** Reads a property. */
export interface Readable<V> {
  /** Reads the current value. @example await live.song.tempo.get() // 120 */
  get(options?: CallOptions): Promise<V>
}

/** Writes a property. */
export interface Writable<V> {
  /** Writes a value, validated against the catalogue first. @example await live.song.tempo.set(128) */
  set(value: V, options?: CallOptions): Promise<void>
}

/** Watches a property. */
export interface Watchable<V> {
  /** Calls the watcher with the current value, then with every change; returns the unwatch. @example const unwatch = live.song.tempo.watch((bpm) => console.log(bpm)) */
  watch(watcher: Watcher<V>): Unwatch
  /** The values as an AsyncIterable; leaving the loop unwatches. @example for await (const bpm of live.song.tempo.values()) console.log(bpm) */
  values(options?: WatchIterableOptions): AsyncIterable<V>
}

/** The handle of one property: get, set and watch where the catalogue has them. */
export type PropertyHandle<NS extends string, P extends string, Extra extends readonly unknown[] = []> = (Getter<
  NS,
  P
> extends Exclude<Address, EventAddress>
  ? Readable<PropertyValue<NS, P, Extra>>
  : unknown) &
  (`/live/${NS}/set/${P}` extends Address
    ? Writable<SetValue<Drop<Drop<AddressArgs<`/live/${NS}/set/${P}`>, IndexCount<NS>>, Extra['length']>>>
    : unknown) &
  (`/live/${NS}/start_listen/${P}` extends Address ? Watchable<PropertyValue<NS, P, Extra>> : unknown)

type CallResult<A extends Address, N extends number> =
  AddressReply<A> extends undefined ? undefined : ValueOf<Drop<AddressReply<A>, N>>

/** A call of the catalogue bound to an object: its arguments past the indices, then optional call options. */
export type CallFunction<A extends Address, N extends number> = {
  (...args: Drop<AddressArgs<A>, N>): Promise<CallResult<A, N>>
  (...args: [...Drop<AddressArgs<A>, N>, CallOptions]): Promise<CallResult<A, N>>
}

/** Every property and call under `/live/<NS>/`, derived from the `Address` union. */
export type Namespace<NS extends string> = {
  readonly [P in PropPath<NS> as CamelCase<P>]: [] extends ExtraIndices<NS, P>
    ? PropertyHandle<NS, P>
    : <const E extends ExtraIndices<NS, P>>(...extra: E) => PropertyHandle<NS, P, E>
} & {
  readonly [M in CallPath<NS> as CamelCase<M>]: CallFunction<`/live/${NS}/${M}` & Address, IndexCount<NS>>
}
