/** Options every async call of the client accepts. */
export interface CallOptions {
  /** Aborts the call: it rejects with an ABORTED LiveError. */
  signal?: AbortSignal | undefined
  /** Milliseconds to wait for a reply, per attempt. @default the client's timeout */
  timeout?: number | undefined
  /** Extra attempts after a timeout; only idempotent reads retry. @default the client's retries */
  retries?: number | undefined
}

/** True when `value` is a {@link CallOptions} object rather than an OSC argument. */
export function isCallOptions(value: unknown): value is CallOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
}

/** Splits trailing call options off a list of arguments. */
export function splitOptions(input: readonly unknown[]): { args: unknown[]; options: CallOptions } {
  const last = input.at(-1)
  if (isCallOptions(last)) return { args: input.slice(0, -1), options: last }
  return { args: [...input], options: {} }
}
