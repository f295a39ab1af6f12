/** A property that reads and writes one value. */
export interface Handle<T> {
  get(): Promise<T>
  set(value: T): Promise<unknown>
}

/** Writes given arguments to Live and collects what Live then holds, by argument name. */
export interface WriteBack {
  /** What was read back after each write, by argument name. */
  readonly values: Record<string, unknown>
  /** Writes `value` (through `toLive`) when it was given, reads it back (through `fromLive`) into `values[key]`. */
  set<T, V>(
    key: string,
    value: V | undefined,
    handle: Handle<T>,
    toLive?: ((value: V) => T) | undefined,
    fromLive?: ((value: T) => unknown) | undefined,
  ): Promise<void>
}

/**
 * The write-then-read of `ableton_update`: each given argument is set, then read back, so the answer is what
 * Live holds (Live snaps colours to its palette, clamps markers...), not what was asked.
 *
 * @example
 * const w = writeBack()
 * await w.set('color', args.color, live.track(0).color, colorArg, colorToHex)
 * w.values // { color: '#ff3636' }
 */
export function writeBack(): WriteBack {
  const values: Record<string, unknown> = {}
  return {
    values,
    async set<T, V>(
      key: string,
      value: V | undefined,
      handle: Handle<T>,
      toLive?: ((value: V) => T) | undefined,
      fromLive?: ((value: T) => unknown) | undefined,
    ) {
      if (value === undefined) return
      await handle.set(toLive === undefined ? (value as unknown as T) : toLive(value))
      const now = await handle.get()
      values[key] = fromLive === undefined ? now : fromLive(now)
    },
  }
}
