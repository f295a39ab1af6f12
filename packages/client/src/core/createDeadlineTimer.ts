/** One timer for many deadlines: armed for the earliest, held (referenced) only while something waits. */
export interface DeadlineTimer {
  /** Arms the timer for `at` (Date.now() ms) unless it is already due sooner; holds it either way. */
  schedule(at: number): void
  /** Referenced (keeps the process alive) or not; a no-op when nothing is armed. */
  hold(held: boolean): void
  /** Disarms it. */
  stop(): void
}

/**
 * Creates the shared deadline timer of the requester (no `setTimeout` per request, as the MCP SDK's
 * TimeoutManager does for its requests). When the last waiter is gone it stays armed, only
 * unreferenced: one request after another then reuses it instead of paying for a new timer each, and
 * firing with nothing due costs one empty pass. `onExpire` runs when it fires, already disarmed: it
 * handles what is due and schedules the next deadline.
 *
 * @example
 * const timer = createDeadlineTimer(() => expireDue())
 * timer.schedule(Date.now() + 500)
 */
export function createDeadlineTimer(onExpire: () => void): DeadlineTimer {
  let timer: ReturnType<typeof setTimeout> | undefined
  let timerAt = Number.POSITIVE_INFINITY
  let held = false

  function fire(): void {
    timer = undefined
    timerAt = Number.POSITIVE_INFINITY
    onExpire()
  }

  const deadlines: DeadlineTimer = {
    hold(hold) {
      if (held === hold || timer === undefined) return
      held = hold
      const handle = timer as unknown as { ref?: () => unknown; unref?: () => unknown }
      if (hold) handle.ref?.()
      else handle.unref?.()
    },
    schedule(at) {
      if (at >= timerAt) {
        deadlines.hold(true)
        return
      }
      if (timer !== undefined) clearTimeout(timer)
      held = true
      timerAt = at
      timer = setTimeout(fire, Math.max(0, at - Date.now()))
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      timerAt = Number.POSITIVE_INFINITY
    },
  }
  return deadlines
}
