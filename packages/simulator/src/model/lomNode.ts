import { LomError, type LomObjectRef, type LomObserver, type LomValue } from '@live/protocol'
import type { Clock } from '../clock/clock.js'
import type { UndoStack } from './undoStack.js'

/** A LOM property: how to read it, optionally write it, and whether Live can observe it. */
export interface Prop {
  get: () => LomValue
  set?: ((value: LomValue) => void) | undefined
  /** Live offers `add_<prop>_listener` (BEHAVIOUR §8). @default true */
  observable?: boolean | undefined
  /** A write is a step in Live's undo history. @default true */
  undoable?: boolean | undefined
}

/** What every object of one Live set shares. */
export interface LiveContext {
  readonly clock: Clock
  readonly undo: UndoStack
}

/** The base of every simulated LOM object: properties, functions, children and observers. */
export abstract class LomNode {
  /** The LOM class name (`Song`, `Track`, ...). */
  abstract readonly className: string
  /** False once the object has been deleted from the set: its observers are gone. */
  alive = true
  protected abstract readonly props: Record<string, Prop>
  protected readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {}
  protected readonly lists: Record<string, () => readonly LomNode[]> = {}
  protected readonly singles: Record<string, () => LomNode | null> = {}
  private readonly observers = new Map<string, Set<LomObserver>>()

  constructor(readonly ctx: LiveContext) {}

  /** The object's LOM path now (it changes when the object moves). */
  abstract path(): string

  /** A reference to this object as a LOM value. */
  ref(): LomObjectRef {
    return { path: this.path() }
  }

  /** Reads a property (or a child list as references). */
  getProp(name: string): LomValue {
    const prop = this.props[name]
    if (prop) return prop.get()
    const list = this.lists[name]
    if (list) return list().map((n) => n.ref())
    const single = this.singles[name]
    if (single) return single()?.ref() ?? null
    throw noAttribute(this.className, name)
  }

  /** Writes a property, recording an undo step when Live would. */
  setProp(name: string, value: LomValue): void {
    const prop = this.props[name]
    if (!prop) {
      if (this.fns[name] || this.lists[name] || this.singles[name]) throw cantSet()
      throw noAttribute(this.className, name)
    }
    const setter = prop.set
    if (!setter) throw cantSet()
    const before = prop.get()
    this.ctx.undo.silently(() => setter(value))
    const after = prop.get()
    if (prop.undoable !== false && !sameValue(before, after)) {
      this.ctx.undo.push(
        `Change ${name}`,
        () => setter(before),
        () => setter(after),
      )
    }
  }

  /** Calls a LOM function. */
  callFn(name: string, args: readonly LomValue[]): LomValue {
    const fn = this.fns[name]
    if (!fn) throw noAttribute(this.className, name)
    return fn(args)
  }

  /** A child list (`tracks`, `clip_slots`...), or undefined when this class has none of that name. */
  list(name: string): readonly LomNode[] | undefined {
    return this.lists[name]?.()
  }

  /** A single child (`mixer_device`, `clip`...): undefined when this class has none, null when it is None now. */
  single(name: string): LomNode | null | undefined {
    const single = this.singles[name]
    return single ? single() : undefined
  }

  /** Attaches an observer, as `add_<prop>_listener` would; throws what Live throws. */
  observe(name: string, observer: LomObserver): () => void {
    const prop = this.props[name]
    const isList = this.lists[name] !== undefined
    if ((!prop && !isList) || prop?.observable === false) throw noAttribute(this.className, `add_${name}_listener`)
    // A property that does not apply (RuntimeError) cannot be observed either (BEHAVIOUR §8).
    prop?.get()
    let set = this.observers.get(name)
    if (!set) {
      set = new Set()
      this.observers.set(name, set)
    }
    const entry: LomObserver = (v) => observer(v)
    set.add(entry)
    return () => {
      this.observers.get(name)?.delete(entry)
    }
  }

  /** Tells the observers of `name` its current value (synchronously, as Live does inside the change). */
  emit(name: string): void {
    const set = this.observers.get(name)
    if (!set || set.size === 0 || !this.alive) return
    let value: LomValue
    try {
      value = this.getProp(name)
    } catch {
      return
    }
    for (const observer of [...set]) {
      try {
        observer(value)
      } catch {
        // An observer's failure must not corrupt the model's state change (Live logs and goes on).
      }
    }
  }

  /** True when anyone observes `name` (lets the engine skip work). */
  observed(name: string): boolean {
    return (this.observers.get(name)?.size ?? 0) > 0
  }

  /** Every child in a list; a list that does not apply here (a plain Device's chains) raises, so has none. */
  private listedChildren(): LomNode[] {
    return Object.values(this.lists).flatMap((list) => {
      try {
        return [...list()]
      } catch {
        return []
      }
    })
  }

  /** Marks the object (and what it owns) deleted: observers die silently. */
  kill(): void {
    this.alive = false
    this.observers.clear()
    for (const child of this.listedChildren()) child.kill()
    for (const single of Object.values(this.singles)) {
      const child = single()
      if (child && this.owns(child)) child.kill()
    }
  }

  /** Brings a deleted object back (undo of a delete); its old observers stay dead, as in Live. */
  revive(): void {
    this.alive = true
    for (const child of this.listedChildren()) child.revive()
    for (const single of Object.values(this.singles)) {
      const child = single()
      if (child && this.owns(child)) child.revive()
    }
  }

  /** Whether a single child is owned (killed with this object) rather than referenced. */
  protected owns(_child: LomNode): boolean {
    return true
  }
}

/** Python's AttributeError for a missing attribute: `'Song' object has no attribute 'foo'`. */
export function noAttribute(className: string, name: string): LomError {
  return new LomError('AttributeError', `'${className}' object has no attribute '${name}'`)
}

/** Writing a read-only Boost.Python property. [guess] Python 3.11 may word it `property ... has no setter`. */
export function cantSet(): LomError {
  return new LomError('AttributeError', "can't set attribute")
}

/** Live's RuntimeError for a property or call that does not apply. */
export function notApplicable(text: string): LomError {
  return new LomError('RuntimeError', text)
}

/** Boost.Python's ArgumentError (a TypeError) when a value has the wrong type for a C++ signature. */
export function badArgument(className: string, name: string, value: LomValue): LomError {
  return new LomError(
    'TypeError',
    `Python argument types in\n    None.None(${className}, ${pyType(value)})\ndid not match C++ signature:\n    None(${className} {lvalue}, ${name})`,
  )
}

function pyType(value: LomValue): string {
  if (value === null) return 'NoneType'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (typeof value === 'string') return 'str'
  if (Array.isArray(value)) return 'list'
  return 'object'
}

/** A float property: accepts ints, floats and bools (Python's numeric tower). */
export function toFloat(className: string, name: string, value: LomValue): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'boolean') return value ? 1 : 0
  throw badArgument(className, name, value)
}

/** An int property: a float is rejected, as Boost does (BEHAVIOUR §3). */
export function toInt(className: string, name: string, value: LomValue): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'boolean') return value ? 1 : 0
  throw badArgument(className, name, value)
}

/** A bool property: accepts bools and numbers (0 = False). */
export function toBool(className: string, name: string, value: LomValue): boolean {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  throw badArgument(className, name, value)
}

/** A string property. */
export function toStr(className: string, name: string, value: LomValue): string {
  if (typeof value === 'string') return value
  throw badArgument(className, name, value)
}

/** An optional positional argument of a LOM function. */
export function arg(args: readonly LomValue[], index: number): LomValue | undefined {
  return args[index]
}

function sameValue(a: LomValue, b: LomValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
