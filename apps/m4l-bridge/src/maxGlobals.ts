/**
 * The parts of Max's JavaScript environment the bridge uses, typed. In Max (`v8` or `js`) they are
 * globals; in tests they are stand-ins. Sources: https://docs.cycling74.com/apiref/js/liveapi and
 * https://docs.cycling74.com/userguide/javascript
 */

/** A value as Max hands it over: atoms are numbers and symbols; dictionaries travel as objects or JSON. */
export type MaxAtom = number | string

/** Called by Max's LiveAPI with `[property, ...value]` on a change, or `['id', n]` when the object changes. */
export type MaxLiveApiCallback = (args: MaxAtom[]) => void

/** One `LiveAPI` object: a pointer into the Live Object Model. */
export interface MaxLiveApi {
  /** The object's id as a string; `"0"` when the path names no object. */
  id: string | number
  /** The path, quoted as Max prints it (`"live_set tracks 0"`). */
  readonly path: string
  /** The path without quotes. */
  readonly unquotedpath: string
  /** The LOM class name (`Song`, `Track`...). */
  readonly type: string
  /** The observed property; setting it starts observing, `''` stops. */
  property: string
  /** Points this object at another path. */
  goto(path: string): void
  /** A property's value as a list of atoms (`[120]`, `['id', 3]`, `[0]` for False). */
  get(property: string): unknown
  /** Writes a property. */
  set(property: string, ...values: unknown[]): void
  /** Calls a LOM function; returns what Live returns. */
  call(fn: string, ...args: unknown[]): unknown
  /** How many children a list child holds. */
  getcount(child: string): number
}

/** `new LiveAPI(path)` or `new LiveAPI(callback, path)`. */
export interface MaxLiveApiConstructor {
  new (path: string): MaxLiveApi
  new (callback: MaxLiveApiCallback, path: string): MaxLiveApi
}

/** What the bridge needs from the Max object it runs in: its outlets and the Max window. */
export interface MaxHost {
  /** `outlet(n, ...atoms)`: sends a message out of outlet n. */
  outlet(index: number, ...atoms: MaxAtom[]): void
  /** `post(...)`: writes to the Max window. */
  post(...text: MaxAtom[]): void
}
