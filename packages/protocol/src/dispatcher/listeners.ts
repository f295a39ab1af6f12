import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, pyKey } from './arg.js'
import type { Ctx } from './context.js'
import { emitter, type PropSpec } from './property.js'
import { noListenerError } from './pyError.js'

/** How to attach one listener, AbletonOSC style. */
export interface ListenSpec {
  /** The handler class whose table holds the listener (`song`, `track`, `clip`...). */
  readonly table: string
  /** The property name in the key. */
  readonly prop: string
  /** The arguments in the key (also what the messages echo). */
  readonly keyArgs: readonly Arg[]
  /** The object observed, resolved now: the listener follows the object, not the index. */
  readonly path: LomPath
  /** The LOM property observed. */
  readonly lomProp: string
  /** False for properties Live cannot observe (start_listen raises AttributeError). */
  readonly observable: boolean
  /** False for mixer and parameter listeners (AbletonOSC's reload cannot clear them). */
  readonly reloadable?: boolean | undefined
  /** Python's repr of the key, for the reload bug's KeyError text. */
  readonly keyRepr?: string | undefined
  /** The device name bug: a replaced listener stays attached (orphaned). */
  readonly orphanOnReplace?: boolean | undefined
  /** Sends the messages for one value. */
  readonly emit: (value: LomValue) => void
}

/** The listener table key: property plus the arguments under Python's tuple equality. */
export const listenerKey = (prop: string, keyArgs: readonly Arg[]): string => `${prop}|${pyKey(keyArgs)}`

/** `_start_listen`: replaces a listener with the same key, attaches, then sends the current value at once. */
export function startListen(ctx: Ctx, spec: ListenSpec): void {
  const table = ctx.listeners(spec.table)
  const key = listenerKey(spec.prop, spec.keyArgs)
  const old = table.get(key)
  if (old !== undefined) {
    if (spec.orphanOnReplace !== true) safely(old.stop)
    table.delete(key)
  }
  if (!spec.observable) throw noListenerError(ctx.model.type(spec.path), spec.lomProp)
  const stop = ctx.model.observe(spec.path, spec.lomProp, (value) => {
    // An exception inside a Live notification never reaches AbletonOSC's error log.
    try {
      spec.emit(value)
    } catch {}
  })
  table.set(key, { stop, reloadable: spec.reloadable ?? true, keyRepr: spec.keyRepr ?? '' })
  spec.emit(ctx.model.get(spec.path, spec.lomProp))
}

/** `_stop_listen`: detaches the listener with exactly this key; silent when there is none. */
export function stopListen(ctx: Ctx, table: string, prop: string, keyArgs: readonly Arg[], target?: () => void): void {
  const listeners = ctx.listeners(table)
  const key = listenerKey(prop, keyArgs)
  const record = listeners.get(key)
  if (record === undefined) return
  target?.()
  safely(record.stop)
  listeners.delete(key)
}

function safely(fn: () => void): void {
  try {
    fn()
  } catch {}
}

/** How {@link propertyListeners} finds the object to observe, and what stop_listen touches first. */
export interface PropertyListenerOptions<P> {
  /** The LOM path to observe, from the handler's resolved object (e.g. an empty slot's clip raises). */
  observed?: ((path: P, prop: string) => LomPath) | undefined
  /** Called by stop_listen before detaching, as AbletonOSC touches the object first. */
  beforeStop?: ((path: P, prop: string) => void) | undefined
}

/**
 * The `start_listen/<prop>` and `stop_listen/<prop>` handlers of one property of an indexed
 * object, whose updates travel on `/live/<object>/get/<prop>` with the index arguments first.
 */
export function propertyListeners<P = LomPath>(
  table: string,
  object: string,
  prop: PropSpec,
  options: PropertyListenerOptions<P> = {},
): {
  start: (ctx: Ctx, path: P, params: readonly Arg[]) => undefined
  stop: (ctx: Ctx, path: P, params: readonly Arg[]) => undefined
} {
  const getAddress = `/live/${object}/get/${prop.name}`
  const observed = options.observed ?? ((path: P) => path as unknown as LomPath)
  return {
    start: (ctx, path, params) => {
      startListen(ctx, {
        table,
        prop: prop.name,
        keyArgs: params,
        path: observed(path, prop.name),
        lomProp: prop.name,
        observable: prop.observable,
        emit: emitter(ctx, getAddress, params, prop.kind),
      })
      return undefined
    },
    stop: (ctx, path, params) => {
      const beforeStop = options.beforeStop
      stopListen(
        ctx,
        table,
        prop.name,
        params,
        beforeStop === undefined ? undefined : () => beforeStop(path, prop.name),
      )
      return undefined
    },
  }
}
