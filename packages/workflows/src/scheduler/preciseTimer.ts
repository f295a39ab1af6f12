/**
 * A one-shot timer that fires within a fraction of a millisecond: setTimeout until `spinMs` before the deadline,
 * then turn-by-turn yields (I/O keeps flowing) until it is due. Returns the cancel.
 *
 * @example
 * const cancel = preciseTimer(() => output.send([0xf8]), 20.833)
 */
export function preciseTimer(fn: () => void, delayMs: number, spinMs = 2): () => void {
  const due = performance.now() + delayMs
  let cancelled = false
  let handle: ReturnType<typeof setTimeout> | undefined
  const immediate =
    typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate : (f: () => void) => setTimeout(f, 0)
  const spin = () => {
    if (cancelled) return
    if (performance.now() >= due) fn()
    else immediate(spin)
  }
  const coarse = delayMs - spinMs
  if (coarse > 0) handle = setTimeout(spin, coarse)
  else spin()
  return () => {
    cancelled = true
    if (handle !== undefined) clearTimeout(handle)
  }
}
