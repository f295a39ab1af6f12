import { LiveError } from '@live/protocol'

/** One message a workflow would send, and when: what a dry run returns. */
export interface PlannedMessage {
  /** Milliseconds from the workflow's start (or the beat, where `atBeat` is set) when it is sent. */
  readonly atMs: number
  /** Song time in beats at which it is sent, for beat-timed workflows. */
  readonly atBeat?: number | undefined
  /** The OSC address, e.g. `/live/track/set/volume`. */
  readonly address: string
  /** Its arguments. */
  readonly args: readonly (number | string | boolean | null)[]
  /** Words for a person: what this step does. */
  readonly note?: string | undefined
}

/** What every workflow reports while it runs. */
export interface WorkflowProgress {
  /** The workflow's name, e.g. `fade`. */
  readonly workflow: string
  /** What it is doing now, in words a person reads. */
  readonly phase: string
  /** Steps done so far. */
  readonly done: number
  /** Steps in all, where known. */
  readonly total?: number | undefined
  /** Extra facts (track, value, beat...). */
  readonly detail?: Readonly<Record<string, unknown>> | undefined
}

/** The third argument of every workflow: how to stop it and how to hear from it. */
export interface WorkflowContext {
  /** Aborting stops the workflow cleanly and leaves the set as it was where that makes sense. */
  signal?: AbortSignal | undefined
  /** Called as the workflow makes progress. */
  onProgress?: ((progress: WorkflowProgress) => void) | undefined
  /** The time source, in milliseconds (monotonic). @default performance.now */
  now?: (() => number) | undefined
  /** Waits `ms` milliseconds or until aborted. @default a setTimeout-based sleep */
  sleep?: ((ms: number, signal?: AbortSignal | undefined) => Promise<void>) | undefined
}

/** A dry run's answer: the plan, nothing sent. */
export interface WorkflowPlan {
  readonly workflow: string
  readonly messages: readonly PlannedMessage[]
  /** Plain-language notes on what the plan can and cannot do on this server. */
  readonly notes: readonly string[]
}

/** Throws `ABORTED` when the signal has fired; call it between steps. */
export function throwIfAborted(signal: AbortSignal | undefined, workflow: string): void {
  if (signal?.aborted) {
    throw new LiveError('ABORTED', `${workflow} was stopped`, { cause: signal.reason })
  }
}

/** The default monotonic clock. */
export const defaultNow = (): number => performance.now()

/** The default sleep: resolves after `ms`, rejects with ABORTED when the signal fires first. */
export function defaultSleep(ms: number, signal?: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new LiveError('ABORTED', 'stopped while waiting', { cause: signal.reason }))
      return
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    const onAbort = () => {
      clearTimeout(timer)
      reject(new LiveError('ABORTED', 'stopped while waiting', { cause: signal?.reason }))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
