import type { LiveClient, Unwatch } from '@live/client'
import type { LiveError } from '@live/protocol'

/** A slot's state as a pad shows it. */
export type ClipState = 'empty' | 'stopped' | 'playing' | 'triggered'

/** What a target's watcher reports: a value (continuous), on/off (switches, lit buttons), or a clip's state. */
export type TargetLevel = number | boolean | ClipState

/** A mapping target bound to objects in Live (after the bank's offsets), ready to write, fire and watch. */
export interface BoundTarget {
  /** Words for a person: `track 8 volume`. */
  readonly label: string
  /** `continuous` takes a value in min..max; `switch` on/off; `trigger` fires. */
  readonly category: 'continuous' | 'switch' | 'trigger'
  readonly min: number
  readonly max: number
  /** Values are whole numbers (quantised device parameters). */
  readonly quantized: boolean
  /** Sets the value (continuous) or the switch; resolves once sent. */
  write(value: number | boolean): Promise<void>
  /** Fires a trigger: `steps` is a direction and count for relative targets (select, bank), else 1. */
  fire(steps: number, current: TargetLevel | undefined): Promise<void>
  /** Follows what Live shows for the target, with the current value at once; undefined when nothing can be shown. */
  watch?: ((onLevel: (level: TargetLevel) => void, onError: (error: LiveError) => void) => Unwatch) | undefined
  /** Reads the current value (continuous targets without a listener). */
  read?: (() => Promise<number>) | undefined
  /** A value in words: `-6.0 dB`, `25L`, `128 BPM`. */
  display(value: number | boolean): string
}

/** The bank's offsets applied to a line's indices. */
export interface BankOffsets {
  readonly track: number
  readonly scene: number
}

/** A property handle of the client, as the bindings use it. */
export type Handle = {
  get?: (() => Promise<unknown>) | undefined
  set?: ((value: never) => Promise<void>) | undefined
  watch?: ((handlers: { onValue: (v: unknown) => void; onError?: (e: LiveError) => void }) => Unwatch) | undefined
}

/** A LOM value as a number. */
export const number = (v: unknown) => Number(v)
/** A switch in words. */
export const onOff = (v: number | boolean) => (v === true || (typeof v === 'number' && v >= 0.5) ? 'on' : 'off')
/** A number in words, with a unit. */
export const fixed =
  (digits: number, unit = '') =>
  (v: number | boolean) =>
    `${Number(v).toFixed(digits)}${unit}`

/** A handle's watch as a level watcher. */
export function watchHandle(handle: Handle, map: (v: unknown) => TargetLevel = number): BoundTarget['watch'] {
  const watch = handle.watch
  if (watch === undefined) return undefined
  return (onLevel, onError) => watch({ onValue: (v) => onLevel(map(v)), onError })
}

/** A target that takes a value in a range. */
export function continuous(
  label: string,
  handle: Handle,
  range: readonly [number, number],
  display: BoundTarget['display'],
  quantized = false,
): BoundTarget {
  return {
    label,
    category: 'continuous',
    min: range[0],
    max: range[1],
    quantized,
    write: (value) => handle.set!(Number(value) as never),
    fire: async () => {},
    watch: watchHandle(handle),
    read: handle.get === undefined ? undefined : async () => Number(await handle.get!()),
    display,
  }
}

/** A target that is on or off. */
export function switchTarget(label: string, handle: Handle): BoundTarget {
  return {
    label,
    category: 'switch',
    min: 0,
    max: 1,
    quantized: true,
    write: (value) => handle.set!((value === true || value === 1) as never),
    fire: async (_steps, current) => handle.set!((current !== true) as never),
    watch: watchHandle(handle, (v) => v === true || v === 1),
    display: onOff,
  }
}

/** A target that fires. */
export function trigger(label: string, fire: BoundTarget['fire'], watch?: BoundTarget['watch']): BoundTarget {
  return {
    label,
    category: 'trigger',
    min: 0,
    max: 1,
    quantized: true,
    write: async () => {},
    fire,
    watch,
    display: () => 'fired',
  }
}

/** A track, return or master strip of the client, with words for it. */
export function strip(
  live: LiveClient,
  target: { track?: number | undefined; return?: number | undefined; master?: true | undefined },
  offsets: BankOffsets,
) {
  if (target.master === true)
    return { api: live.masterTrack as unknown as Record<string, Handle>, label: 'master', id: 'master' as const }
  if (target.return !== undefined) {
    const r = target.return
    return {
      api: live.returnTrack(r) as unknown as Record<string, Handle>,
      label: `return ${r}`,
      id: `return/${r}` as const,
    }
  }
  const t = (target.track ?? 0) + offsets.track
  return { api: live.track(t) as unknown as Record<string, Handle>, label: `track ${t}`, id: t }
}
