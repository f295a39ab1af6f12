import { isLiveError, type LiveError } from '@live/protocol'
import { rejectedError } from './clientErrors.js'

/** A request that may have caused a `/live/error`: its address, and when it went out. */
export interface Suspect {
  /** The request address. */
  readonly address: string
}

/** What attribution needs from the requester. */
export interface ErrorAttributionOptions<J extends Suspect> {
  /** How long a fire-and-forget message counts as "in flight" for attribution, in ms. */
  readonly sendWindow: number
  /** Fails a request with the refusal pinned on it (the requester's `fail`, which calls `settle` back). */
  readonly reject: (job: J, error: LiveError) => void
  /** A `/live/error` that could not be attributed to a request, with the addresses that could have caused it. */
  readonly onUnattributed: (error: LiveError, candidates: readonly string[]) => void
}

/** Ties each `/live/error` to the request that caused it, or reports it. */
export interface ErrorAttribution<J extends Suspect> {
  /** Records a fire-and-forget message: it may draw an error but no reply. */
  noteSend(address: string, at: number, seq: number): void
  /** A reply answered the request sent `seq`-th: servers handle in order, so everything sent before it is handled. */
  noteAnswered(seq: number): void
  /** Attributes a `/live/error` text among the requests `pending`, or holds or reports it. */
  handleError(text: string, pending: ReadonlySet<J>, now: number): void
  /** A request settled (answered, or failed with `error`): held errors it was a suspect of may now be reported. */
  settle(job: J, error?: unknown): void
  /** Whether errors are held (so `settle` has work to do). */
  readonly holding: boolean
  /** Forgets everything held and sent (the client is closing). */
  clear(): void
}

/** How AbletonOSC refuses an address it does not have (BEHAVIOUR §7). */
const UNKNOWN_ADDRESS = 'Unknown OSC address: '

/** Held errors beyond this are reported oldest first. */
const MAX_HELD = 64

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Creates the `/live/error` attribution (shared/protocol/BEHAVIOUR.md §7: the error names no request).
 * An error is pinned on the oldest pending request whose address its text names, else on the only
 * thing in flight (unless it is an "Unknown OSC address" of another address: with a shared reply port,
 * another process's refusal reaches every process). One that names no one is held until every request that could have caused it has
 * settled: if one of those is then refused with the same text (retried alone, its refusal pinned on
 * it), the caller has had the error and it is not reported twice; otherwise it goes to
 * `onUnattributed` once nothing can claim it any more.
 *
 * @example
 * const attribution = createErrorAttribution({ sendWindow: 1000, reject: fail, onUnattributed: report })
 * attribution.handleError('Unknown OSC address: /live/foo', inFlight, Date.now())
 */
export function createErrorAttribution<J extends Suspect>(options: ErrorAttributionOptions<J>): ErrorAttribution<J> {
  const recentSends: { readonly address: string; readonly at: number; readonly seq: number }[] = []
  const held: {
    readonly error: LiveError
    readonly text: string
    readonly suspects: Set<J>
    readonly addresses: string[]
  }[] = []

  function pruneSends(now: number): void {
    while (recentSends.length > 0 && now - recentSends[0]!.at > options.sendWindow) recentSends.shift()
  }

  return {
    noteSend(address, at, seq) {
      recentSends.push({ address, at, seq })
    },
    noteAnswered(seq) {
      while (recentSends.length > 0 && recentSends[0]!.seq < seq) recentSends.shift()
    },
    handleError(text, inFlight, now) {
      pruneSends(now)
      const pending = [...inFlight]
      const names = (address: string) => new RegExp(`${escapeRegExp(address)}(?![\\w/])`).test(text)
      const named = pending.find((job) => names(job.address))
      // "Unknown OSC address: /x" is about /x only: with a shared reply port it may be another process's.
      const unknown = text.startsWith(UNKNOWN_ADDRESS)
      const only = !unknown && pending.length === 1 && recentSends.length === 0 ? pending[0] : undefined
      const culprit = named ?? only
      if (culprit !== undefined) {
        options.reject(culprit, rejectedError(culprit.address, text))
        return
      }
      const sent =
        recentSends.find((s) => names(s.address)) ??
        (!unknown && pending.length === 0 && recentSends.length === 1 ? recentSends[0] : undefined)
      const candidates =
        sent !== undefined ? [sent.address] : [...pending.map((j) => j.address), ...recentSends.map((s) => s.address)]
      const error = rejectedError(sent?.address, text)
      if (sent !== undefined || pending.length === 0 || unknown) {
        options.onUnattributed(error, candidates)
        return
      }
      held.push({ error, text, suspects: new Set(pending), addresses: candidates })
      if (held.length > MAX_HELD) {
        const oldest = held.shift()!
        options.onUnattributed(oldest.error, oldest.addresses)
      }
    },
    settle(job, error) {
      for (let i = 0; i < held.length; i++) {
        const entry = held[i]!
        if (!entry.suspects.delete(job)) continue
        const claimed = isLiveError(error, 'LIVE_REJECTED') && error.message.includes(entry.text)
        if (!claimed && entry.suspects.size > 0) continue
        held.splice(i--, 1)
        if (!claimed) options.onUnattributed(entry.error, entry.addresses)
      }
    },
    get holding() {
      return held.length > 0
    },
    clear() {
      held.length = 0
      recentSends.length = 0
    },
  }
}
