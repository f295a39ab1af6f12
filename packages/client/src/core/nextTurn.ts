/**
 * Runs `fn` on the next turn of the event loop, after pending I/O: `setImmediate` where the host
 * has it (Node), a zero-delay timer elsewhere (browsers, Max), since the client runs outside Node too.
 */
export const nextTurn: (fn: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? (fn) => (globalThis as unknown as { setImmediate(fn: () => void): unknown }).setImmediate(fn)
    : (fn) => setTimeout(fn, 0)
