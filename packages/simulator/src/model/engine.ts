import type { Clock } from '../clock/clock.js'

/** Live's engine clock: calls `step(ms)` every `periodMs` on the given clock until disposed. */
export class Engine {
  /** Beats played since the set was created; never wraps (clip positions count from it). */
  absBeats = 0
  private last: number
  private cancel: (() => void) | null = null

  constructor(
    private readonly clock: Clock,
    private readonly periodMs: number,
    private readonly step: (ms: number) => void,
  ) {
    this.last = clock.now()
  }

  /** Starts the periodic updates. */
  start(): void {
    if (this.cancel) return
    const loop = () => {
      const now = this.clock.now()
      const ms = now - this.last
      this.last = now
      this.step(ms)
      this.cancel = this.clock.setTimer(loop, this.periodMs)
    }
    this.cancel = this.clock.setTimer(loop, this.periodMs)
  }

  /** Something the meters depend on changed; the next update picks it up. */
  touch(): void {}

  /** Stops the updates. */
  dispose(): void {
    this.cancel?.()
    this.cancel = null
  }
}
