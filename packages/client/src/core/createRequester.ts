import type { OscValue } from '@live/protocol'
import { abortedError, closedError, timeoutError } from './clientErrors.js'
import { createBundler } from './createBundler.js'
import { createDeadlineTimer } from './createDeadlineTimer.js'
import { createErrorAttribution } from './createErrorAttribution.js'
import { matchesEcho } from './replyEcho.js'
import type { Outgoing, Requester, RequesterOptions, RequestInit } from './requesterTypes.js'

export type { Outgoing, Requester, RequesterOptions, RequestInit } from './requesterTypes.js'

const noop = (): void => {}

const unechoed = (init: RequestInit): boolean => init.echo.prefix.length === 0 && init.echo.suffix.length === 0

const sameArgs = (a: readonly OscValue[], b: readonly OscValue[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i])

interface Job {
  readonly init: RequestInit | Outgoing
  /** `init.address`, for error attribution. */
  readonly address: string
  readonly expectsReply: boolean
  readonly resolve: (args: readonly OscValue[]) => void
  readonly reject: (error: unknown) => void
  attempts: number
  /** When the current attempt times out (Date.now() ms). */
  deadline: number
  sentAt: number
  /** Transmission order of the latest attempt. */
  seq: number
  state: 'queued' | 'inflight' | 'done'
  cleanup: () => void
}

/**
 * Creates the request/reply core: a FIFO queue feeding a bounded window of requests in flight,
 * replies matched by address and echo (first match in send order), timeouts per attempt,
 * retries, aborts, and `/live/error` attribution.
 *
 * @example
 * const requester = createRequester({ send: (m) => transport.send(m), description: transport.description, maxInFlight: 64, sendWindow: 500, onUnattributed, onTimeout })
 */
export function createRequester(options: RequesterOptions): Requester {
  const queue: Job[] = []
  const waiting = new Map<string, Job[]>()
  const inFlight = new Set<Job>()
  let closed = false
  let sequence = 0
  // windowSends: fire-and-forget messages not yet known handled (their transmission order), and the
  // barrier in flight, if any.
  let sendsInWindow = false
  const unacked: number[] = []
  let barrier: Job | undefined

  const deadlines = createDeadlineTimer(expire)
  const attribution = createErrorAttribution<Job>({
    sendWindow: options.sendWindow,
    reject: (job, error) => fail(job, error),
    onUnattributed: options.onUnattributed,
  })
  // Bulk reads waiting for the end of this turn of the event loop, to go out packed in bundles.
  const bundler = createBundler<Job>({
    message: (job) => job.init,
    live: (job) => job.state !== 'done',
    send: options.send,
    onFailed: (jobs, error) => {
      for (const job of jobs) fail(job, error)
    },
  })

  function expire(): void {
    const now = Date.now()
    const due: Job[] = []
    let next = Number.POSITIVE_INFINITY
    for (const job of inFlight) {
      if (job.deadline <= now) due.push(job)
      else if (job.deadline < next) next = job.deadline
    }
    for (const job of due) {
      if (job.state !== 'inflight') continue
      const init = job.init as RequestInit
      if (job.attempts <= init.retries) {
        transmit(job)
        continue
      }
      const error = timeoutError(init.address, options.description, init.timeout, job.attempts)
      fail(job, error)
      if (init.quiet !== true) options.onTimeout(error)
    }
    if (next < Number.POSITIVE_INFINITY) deadlines.schedule(next)
  }

  /** A reply to what went out `seq`-th: servers handle in order, so everything sent before it is handled. */
  function acknowledge(seq: number): void {
    attribution.noteAnswered(seq)
    while (unacked.length > 0 && unacked[0]! < seq) unacked.shift()
  }

  function finish(job: Job): void {
    job.state = 'done'
    job.cleanup()
    if (job === barrier) {
      barrier = undefined
      // Unanswered (a timeout, or the client closing): stop waiting for what went before it.
      acknowledge(job.seq)
    }
    if (inFlight.delete(job)) {
      const replyAddress = (job.init as RequestInit).replyAddress
      const list = waiting.get(replyAddress)
      if (list !== undefined) {
        const at = list.indexOf(job)
        // Replies mostly answer the oldest request: shift() trims the front in place where splice() moves the rest.
        if (at === 0) list.shift()
        else if (at > 0) list.splice(at, 1)
        if (list.length === 0) waiting.delete(replyAddress)
      }
      if (inFlight.size === 0) deadlines.hold(false)
    }
    if (queue.length > 0) pump()
  }

  function fail(job: Job, error: unknown): void {
    if (job.state === 'done') return
    if (job.state === 'queued') queue.splice(queue.indexOf(job), 1)
    finish(job)
    if (attribution.holding) attribution.settle(job, error)
    job.reject(error)
  }

  function transmit(job: Job): void {
    const { address, args, types } = job.init
    job.attempts++
    job.sentAt = Date.now()
    job.seq = ++sequence
    if (job.expectsReply) {
      job.deadline = job.sentAt + (job.init as RequestInit).timeout
      deadlines.schedule(job.deadline)
    } else {
      attribution.noteSend(address, job.sentAt, job.seq)
      if (sendsInWindow) unacked.push(job.seq)
    }
    if (job.init.batch === true && job.expectsReply) {
      bundler.add(job)
      return
    }
    // The wire keeps the transmission order: batched messages still waiting go first.
    bundler.flush()
    options.send({ address, args, types }).then(
      () => {
        if (!job.expectsReply && job.state !== 'done') {
          finish(job)
          job.resolve([])
        }
      },
      (error: unknown) => fail(job, error),
    )
  }

  /**
   * A reply that echoes nothing cannot say which request it answers: after a loss and a retry, replies
   * to `track_data 0 1` and `track_data 1 2` would swap. So such requests go one per address at a time,
   * unless they ask the same thing (the same answer fits either).
   */
  function blocked(job: Job): boolean {
    const init = job.init as RequestInit
    if (!unechoed(init)) return false
    const others = waiting.get(init.replyAddress)
    return (
      others?.some((other) => unechoed(other.init as RequestInit) && !sameArgs(other.init.args, init.args)) === true
    )
  }

  function launch(job: Job): void {
    job.state = 'inflight'
    if (job.expectsReply) {
      inFlight.add(job)
      const replyAddress = (job.init as RequestInit).replyAddress
      const list = waiting.get(replyAddress)
      if (list === undefined) waiting.set(replyAddress, [job])
      else list.push(job)
    }
    transmit(job)
  }

  /** The window is full: if fire-and-forget messages fill it that no reply on its way will acknowledge, ask for one. */
  function awaitRoom(): void {
    if (barrier !== undefined || unacked.length === 0) return
    const last = unacked.at(-1)!
    for (const job of inFlight) if (job.seq > last) return
    barrier = newJob(options.barrier(), true, noop, noop)
    launch(barrier)
  }

  function pump(): void {
    let i = 0
    while (i < queue.length) {
      const job = queue[i]!
      if (job.expectsReply || sendsInWindow) {
        const used = sendsInWindow ? inFlight.size + unacked.length : inFlight.size
        if (used >= ((job.init as Partial<RequestInit>).window ?? options.maxInFlight)) {
          if (sendsInWindow) awaitRoom()
          return
        }
        if (job.expectsReply && blocked(job)) {
          i++
          continue
        }
      }
      if (i === 0) queue.shift()
      else queue.splice(i, 1)
      launch(job)
    }
  }

  // One abort listener per signal, however many requests share it: `sync({ signal })` keeps 64 in
  // flight, and a listener each would trip Node's MaxListenersExceededWarning on the caller's signal.
  const bySignal = new Map<AbortSignal, { readonly jobs: Set<Job>; readonly onAbort: () => void }>()

  function watchSignal(signal: AbortSignal, job: Job): void {
    let entry = bySignal.get(signal)
    if (entry === undefined) {
      const jobs = new Set<Job>()
      const onAbort = () => {
        bySignal.delete(signal)
        for (const pending of [...jobs]) fail(pending, abortedError(pending.init.address, signal.reason))
      }
      entry = { jobs, onAbort }
      bySignal.set(signal, entry)
      signal.addEventListener('abort', onAbort, { once: true })
    }
    const { jobs, onAbort } = entry
    jobs.add(job)
    job.cleanup = () => {
      jobs.delete(job)
      if (jobs.size === 0 && bySignal.get(signal) === entry) {
        bySignal.delete(signal)
        signal.removeEventListener('abort', onAbort)
      }
    }
  }

  function newJob(
    init: RequestInit | Outgoing,
    expectsReply: boolean,
    resolve: Job['resolve'],
    reject: Job['reject'],
  ): Job {
    return {
      init,
      address: init.address,
      expectsReply,
      resolve,
      reject,
      attempts: 0,
      deadline: 0,
      sentAt: 0,
      seq: 0,
      state: 'queued',
      cleanup: noop,
    }
  }

  function enqueue(init: RequestInit | Outgoing, expectsReply: boolean): Promise<readonly OscValue[]> {
    if (closed) return Promise.reject(closedError(init.address))
    const { signal } = init
    if (signal?.aborted === true) return Promise.reject(abortedError(init.address, signal.reason))
    return new Promise((resolve, reject) => {
      const job = newJob(init, expectsReply, resolve, reject)
      if (signal !== undefined) watchSignal(signal, job)
      queue.push(job)
      pump()
    })
  }

  return {
    request: (init) => enqueue(init, true),
    send: (message) => enqueue(message, false).then(() => undefined),
    handleMessage(message) {
      const list = waiting.get(message.address)
      if (list === undefined) return false
      let job: Job | undefined
      for (let i = 0; i < list.length; i++) {
        const init = list[i]!.init as RequestInit
        if (matchesEcho(init.echo, message.args, init.minValues)) {
          job = list[i]
          break
        }
      }
      if (job === undefined) return false
      acknowledge(job.seq)
      finish(job)
      if (attribution.holding) attribution.settle(job)
      job.resolve(message.args)
      return true
    },
    handleError(text) {
      attribution.handleError(text, inFlight, Date.now())
    },
    windowSends(on) {
      if (sendsInWindow === on) return
      sendsInWindow = on
      unacked.length = 0
      if (queue.length > 0) pump()
    },
    get inFlight() {
      return inFlight.size
    },
    close() {
      closed = true
      attribution.clear()
      for (const job of [...queue, ...inFlight]) fail(job, closedError(job.init.address))
      deadlines.stop()
    },
  }
}
