import type { LiveError, OscMessage, OscPacket, OscValue } from '@live/protocol'
import type { ReplyEcho } from './replyEcho.js'

/** One message to put on the wire, typed. */
export interface Outgoing {
  /** The request address. */
  readonly address: string
  /** The arguments, already validated. */
  readonly args: readonly OscValue[]
  /** The OSC type tags from the catalogue. */
  readonly types: string
  /** Aborts the call (ABORTED). */
  readonly signal?: AbortSignal | undefined
  /** Bulk reads: sent packed with the others issued in the same turn of the event loop, in OSC bundles. */
  readonly batch?: boolean | undefined
}

/** A message that waits for its reply. */
export interface RequestInit extends Outgoing {
  /** Where the reply arrives. */
  readonly replyAddress: string
  /** What the reply echoes of the request. */
  readonly echo: ReplyEcho
  /** How many values the reply carries at least besides the echo. */
  readonly minValues: number
  /** Milliseconds per attempt. */
  readonly timeout: number
  /** Extra attempts after a timeout (0 for anything that is not an idempotent read). */
  readonly retries: number
  /** How many requests may be in flight when this one goes, instead of the requester's `maxInFlight`. */
  readonly window?: number | undefined
  /** Running out of attempts is not reported through `onTimeout` (background probes). */
  readonly quiet?: boolean | undefined
}

/** How the requester reaches the wire and reports what it cannot tie to a call. */
export interface RequesterOptions {
  /** Sends one message, or a bundle of batched ones. */
  readonly send: (packet: OscPacket) => Promise<void>
  /** The transport's description, for messages. */
  readonly description: string
  /** How many requests may wait for replies at once. */
  readonly maxInFlight: number
  /** How long a fire-and-forget message counts as "in flight" for error attribution, in ms. */
  readonly sendWindow: number
  /** A `/live/error` that could not be attributed to a request. */
  readonly onUnattributed: (error: LiveError, candidates: readonly string[]) => void
  /** A request ran out of attempts. */
  readonly onTimeout: (error: LiveError) => void
  /**
   * The request that shows the server has handled everything sent before it, sent when the window is full
   * of fire-and-forget messages (see `windowSends`); it must be cheap and side-effect free.
   */
  readonly barrier: () => RequestInit
}

/** Sends requests, matches replies, times out, retries and attributes errors. */
export interface Requester {
  /** Sends and resolves with the reply's arguments. */
  request(init: RequestInit): Promise<readonly OscValue[]>
  /** Sends with no reply expected; resolves once handed to the transport. */
  send(message: Outgoing): Promise<void>
  /** Offers an incoming message; true when it answered a request. */
  handleMessage(message: OscMessage): boolean
  /** Attributes a `/live/error` text to a request, or reports it. */
  handleError(text: string): void
  /**
   * With `true` (a server that answers on arrival, when the transport leaves pacing to the client),
   * fire-and-forget messages count in the window too, until a reply to a later request shows the server
   * got past them (servers handle in order); a window full of them sends `barrier()`.
   */
  windowSends(on: boolean): void
  /** How many requests are waiting for replies. */
  readonly inFlight: number
  /** Rejects everything pending with NOT_CONNECTED. */
  close(): void
}
