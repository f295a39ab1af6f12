import {
  type LiveObjectModel,
  LomError,
  type LomErrorKind,
  type LomObjectRef,
  type LomObserver,
  type LomPath,
  type LomValue,
} from '@live/protocol'
import type { MaxAtom, MaxLiveApi, MaxLiveApiConstructor } from './maxGlobals.js'

/** The {@link LiveObjectModel} over Max's `LiveAPI`, plus the LOM ids `live.remote~` needs. */
export interface MaxLiveObjectModel extends LiveObjectModel {
  /** The LOM id of the object at the path (0 when there is none): what `live.remote~` takes as `id n`. */
  idOf(path: LomPath): number
}

/** Options of {@link createMaxLiveObjectModel}. */
export interface MaxLiveObjectModelOptions {
  /**
   * Max's `LiveAPI` class. The script's footer passes the bare identifier in: in Max's JavaScript `globalThis` is
   * `jsthis` (https://docs.cycling74.com/apiref/js/global-globalthis/), so `globalThis.LiveAPI` need not exist
   * where the bare `LiveAPI` does. Undefined outside Max.
   */
  LiveAPI: MaxLiveApiConstructor | undefined
}

/**
 * Implements the dispatcher's object model with Max's `LiveAPI` (Max for Live, `v8` or `js` object).
 * One scratch `LiveAPI` is re-pointed with `goto` for each read or write (creating one per request is
 * slow in Max); observers get their own `LiveAPI` each, built on the path's `id` so they follow the
 * object, not the index (mode 0, LiveAPI's default).
 *
 * @example
 * const model = createMaxLiveObjectModel({ LiveAPI })
 * model.get('live_set', 'tempo') // 120
 */
export function createMaxLiveObjectModel(options: MaxLiveObjectModelOptions): MaxLiveObjectModel {
  const LiveAPI = options.LiveAPI
  if (LiveAPI === undefined) throw new Error('LiveAPI is not available: run inside a Max for Live device')
  let scratch: MaxLiveApi | undefined
  const at = (path: LomPath): MaxLiveApi => {
    if (scratch === undefined) scratch = new LiveAPI(path)
    else scratch.goto(path)
    return scratch
  }
  const idNumber = (api: MaxLiveApi) => Number(api.id) || 0
  const pathOfId = (id: number): LomPath => new LiveAPI(`id ${id}`).unquotedpath
  /** The object at a path, or the Python error Live's wrapper would raise. */
  const object = (path: LomPath, attribute: string): MaxLiveApi => {
    const api = at(path)
    if (idNumber(api) === 0) throw noObject(path, attribute)
    return api
  }
  const toLom = (raw: unknown, property: string) => fromMax(raw, property, pathOfId)

  return {
    exists: (path) => guard(() => idNumber(at(path)) !== 0),
    idOf: (path) => guard(() => idNumber(at(path))),
    type: (path) => guard(() => (idNumber(at(path)) === 0 ? 'NoneType' : at(path).type)),
    getCount: (path, child) => guard(() => Number(object(path, child).getcount(child))),
    get: (path, property) => guard(() => toLom(object(path, property).get(property), property)),
    set(path, property, value) {
      guard(() => object(path, property).set(property, ...toMax(value, (p) => idNumber(at(p)))))
    },
    call(path, method, args) {
      return guard(() => {
        const api = object(path, method)
        const atoms = args.flatMap((a) => toMax(callArg(method, a), (p) => idNumber(at(p))))
        return toLom(api.call(method, ...atoms), method)
      })
    },
    observe(path: LomPath, property: string, observer: LomObserver) {
      return guard(() => {
        const id = idNumber(object(path, `add_${property}_listener`))
        let armed = false
        const api = new LiveAPI((args: MaxAtom[]) => {
          // Max calls back with [property, ...value]; ['id', n] reports a new target object, not a value.
          if (!armed || args[0] !== property) return
          observer(toLom(args.slice(1), property))
        }, `id ${id}`)
        // Setting `property` may report the current value at once; the dispatcher sends that itself.
        api.property = property
        armed = true
        return () => {
          armed = false
          api.property = ''
        }
      })
    },
  }
}

/** A path that names no object now, worded as Live's Python would. */
function noObject(path: LomPath, attribute: string): LomError {
  if (/ clip$/.test(path)) return new LomError('AttributeError', `'NoneType' object has no attribute '${attribute}'`)
  return new LomError('IndexError', 'Index out of range')
}

/** Runs a LiveAPI operation; what Max throws becomes the {@link LomError} Python would have raised. */
function guard<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof LomError) throw error
    const text = error instanceof Error ? error.message : String(error)
    throw new LomError(kindOfText(text), text)
  }
}

/** Guesses the Python exception class from Live's message text (Max passes the text only). */
export function kindOfText(text: string): LomErrorKind {
  if (/index out of range/i.test(text)) return 'IndexError'
  if (/has no attribute|can't set attribute|no property|has no setter/i.test(text)) return 'AttributeError'
  if (/did not match C\+\+ signature|Invalid index type|argument types/i.test(text)) return 'TypeError'
  if (/invalid|out of range|must be/i.test(text)) return 'ValueError'
  return 'RuntimeError'
}

/**
 * Max's shape → a LOM value: `[x]` → x; `[]` → None; `['id', n]` → an object (None for id 0);
 * `['id', a, 'id', b]` → a list of objects; a dictionary `{"<prop>": v}` (JSON) → v as JSON.
 */
export function fromMax(raw: unknown, property: string, pathOfId: (id: number) => LomPath): LomValue {
  if (!Array.isArray(raw)) return unwrapDictionary(raw as LomValue, property)
  if (raw.length === 0) return null
  if (raw.length % 2 === 0 && raw.every((v, i) => (i % 2 === 0 ? v === 'id' : typeof v === 'number'))) {
    const refs: (LomObjectRef | null)[] = []
    for (let i = 1; i < raw.length; i += 2) {
      const id = Number(raw[i])
      refs.push(id === 0 ? null : { path: pathOfId(id) })
    }
    // A single object-valued property (`selected_track`) vs a list child (`tracks`) with one element:
    // Max gives both as `id n`; list children are read through getcount by the dispatcher, so one means one.
    return refs.length === 1 ? refs[0]! : (refs as LomValue)
  }
  if (raw.length === 1) return unwrapDictionary(raw[0] as LomValue, property)
  return raw as LomValue
}

function unwrapDictionary(value: LomValue, property: string): LomValue {
  if (typeof value !== 'string' || !value.startsWith('{')) return value
  try {
    const parsed: unknown = JSON.parse(value)
    if (parsed !== null && typeof parsed === 'object' && property in parsed) {
      return JSON.stringify((parsed as Record<string, unknown>)[property])
    }
  } catch {}
  return value
}

/** The notes JSON the dispatcher hands `add_new_notes` travels to Max as a dictionary (an object). */
function callArg(method: string, value: LomValue): unknown {
  if (method === 'add_new_notes' && typeof value === 'string') return JSON.parse(value)
  return value
}

/** A LOM value → Max atoms: True/False → 1/0, an object → `id n`, a dictionary stays an object. */
export function toMax(value: unknown, idOf: (path: LomPath) => number): unknown[] {
  if (typeof value === 'boolean') return [value ? 1 : 0]
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value.flatMap((v) => toMax(v, idOf))
  if (typeof value === 'object' && 'path' in value && typeof (value as LomObjectRef).path === 'string') {
    return ['id', idOf((value as LomObjectRef).path)]
  }
  return [value]
}
