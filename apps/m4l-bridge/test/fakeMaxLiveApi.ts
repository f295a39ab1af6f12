import type { LiveObjectModel, LomPath, LomValue } from '@live/protocol'
import type { MaxAtom, MaxLiveApiCallback } from '../src/maxGlobals.js'

/** Max's `LiveAPI` class shape, implemented on the simulator's in-memory model (createLiveSet). */
export type FakeLiveApiClass = ReturnType<typeof createFakeLiveApi>

/**
 * Builds a `LiveAPI` class with Max's API shape over a simulated set: values come back as Max hands
 * them over (lists of atoms, 0/1 for booleans, `id n` for objects and `id 0` for None, dictionaries as
 * `{"<prop>": …}` JSON, https://docs.cycling74.com/apiref/js/liveapi),
 * failures are thrown as Errors carrying Live's text only, and `property = …` reports the current
 * value at once, as live.observer does.
 */
export function createFakeLiveApi(model: LiveObjectModel, symbols?: { intern(atoms: readonly unknown[]): void }) {
  // Strings handed to the LiveAPI become Max symbols too (paths, property names, string values).
  const intern = (...atoms: unknown[]) => symbols?.intern(atoms)
  const ids = new Map<LomPath, number>()
  const paths = new Map<number, LomPath>()
  const idOf = (path: LomPath): number => {
    let id = ids.get(path)
    if (id === undefined) {
      id = ids.size + 1
      ids.set(path, id)
      paths.set(id, path)
    }
    return id
  }
  const resolve = (pathOrId: string): LomPath | undefined => {
    const byId = /^id (\d+)$/.exec(pathOrId.trim())
    if (byId) return Number(byId[1]) === 0 ? undefined : paths.get(Number(byId[1]))
    return pathOrId.trim().replace(/^"|"$/g, '')
  }
  const rethrow = <T>(fn: () => T): T => {
    try {
      return fn()
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : String(error))
    }
  }
  const toAtoms = (value: LomValue, property: string): unknown[] => {
    if (value === null) return ['id', 0]
    if (typeof value === 'boolean') return [value ? 1 : 0]
    if (Array.isArray(value)) {
      if (value.every((v) => v !== null && typeof v === 'object' && 'path' in v)) {
        return value.flatMap((v) => ['id', idOf((v as { path: string }).path)])
      }
      if (value.some((v) => v !== null && typeof v === 'object')) return [JSON.stringify({ [property]: value })]
      return value.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v))
    }
    if (typeof value === 'object') {
      if ('path' in value) return ['id', idOf(value.path)]
      return [JSON.stringify({ [property]: value })]
    }
    return [value]
  }
  const fromAtoms = (atoms: unknown[]): LomValue[] => {
    const out: LomValue[] = []
    for (let i = 0; i < atoms.length; i++) {
      const a = atoms[i]
      if (a === 'id' && typeof atoms[i + 1] === 'number') {
        const path = paths.get(atoms[i + 1] as number)
        out.push(path === undefined ? null : { path })
        i++
      } else out.push(a as LomValue)
    }
    return out
  }

  return class LiveAPI {
    #path: LomPath | undefined
    #callback: MaxLiveApiCallback | undefined
    #stop: (() => void) | undefined
    #property = ''
    /** The LOM ids this class has handed out (tests read them). */
    static readonly ids = ids
    /** The path of an id this class handed out. */
    static readonly pathOf = (id: number) => paths.get(id)
    constructor(callbackOrPath: MaxLiveApiCallback | string, path?: string) {
      intern(callbackOrPath, path)
      if (typeof callbackOrPath === 'function') {
        this.#callback = callbackOrPath
        this.#path = resolve(path ?? '')
      } else this.#path = resolve(callbackOrPath)
    }
    get id(): string {
      const path = this.#path
      return path !== undefined && model.exists(path) ? String(idOf(path)) : '0'
    }
    get unquotedpath(): string {
      return this.#path ?? ''
    }
    get path(): string {
      return `"${this.unquotedpath}"`
    }
    get type(): string {
      return this.#path === undefined ? '' : model.type(this.#path)
    }
    get property(): string {
      return this.#property
    }
    set property(name: string) {
      this.#stop?.()
      this.#stop = undefined
      this.#property = name
      const path = this.#path
      const callback = this.#callback
      if (name === '' || path === undefined || callback === undefined) return
      this.#stop = rethrow(() =>
        model.observe(path, name, (value) => callback([name, ...toAtoms(value, name)] as MaxAtom[])),
      )
      callback([name, ...toAtoms(model.get(path, name), name)] as MaxAtom[])
    }
    goto(path: string): void {
      intern(path)
      this.property = ''
      this.#path = resolve(path)
    }
    get(property: string): unknown[] {
      intern(property)
      return rethrow(() => toAtoms(model.get(this.#path ?? '', property), property))
    }
    set(property: string, ...values: unknown[]): void {
      intern(property, ...values)
      const [first] = fromAtoms(values)
      rethrow(() => model.set(this.#path ?? '', property, first === undefined ? null : first))
    }
    call(fn: string, ...args: unknown[]): unknown {
      intern(fn, ...args)
      const lomArgs = fromAtoms(args).map((a) =>
        a !== null && typeof a === 'object' && !('path' in a) ? JSON.stringify(a) : a,
      )
      return rethrow(() => {
        const result = model.call(this.#path ?? '', fn, lomArgs as LomValue[])
        return typeof result === 'string' ? result : toAtoms(result, fn)
      })
    }
    getcount(child: string): number {
      return rethrow(() => model.getCount(this.#path ?? '', child))
    }
  }
}

/** Stand-ins for the rest of Max's JavaScript globals: outlets captured per index, the Max window, `messagename`, `Task`. */
export function createMaxStandIns() {
  const outlets: MaxAtom[][][] = [[], [], [], [], []]
  const posts: string[] = []
  class Task {
    readonly fn: () => void
    constructor(fn: () => void) {
      this.fn = fn
    }
    schedule(): void {
      queueMicrotask(this.fn)
    }
    cancel(): void {}
  }
  return {
    outlets,
    posts,
    outlet: (index: number, ...atoms: MaxAtom[]) => void outlets[index]?.push(atoms),
    post: (...text: MaxAtom[]) => void posts.push(text.join(' ')),
    messagename: '',
    Task,
  }
}
