/**
 * Every failure the toolkit reports, by code. A code is stable: scripts may branch on it.
 */
export const LiveErrorCode = {
  /** No reply within the timeout: the server is not running, not reachable, or too busy. */
  TIMEOUT: 'TIMEOUT',
  /** The transport is closed or was never opened. */
  NOT_CONNECTED: 'NOT_CONNECTED',
  /** Arguments failed validation before anything was sent. */
  INVALID_ARGUMENTS: 'INVALID_ARGUMENTS',
  /** The server answered `/live/error`: Live refused the request. */
  LIVE_REJECTED: 'LIVE_REJECTED',
  /** A packet is not valid OSC. */
  DECODE_FAILED: 'DECODE_FAILED',
  /** A value cannot be written as OSC (wrong type for its tag, string with a NUL, ...). */
  ENCODE_FAILED: 'ENCODE_FAILED',
  /** A UDP port is held by another program. */
  PORT_IN_USE: 'PORT_IN_USE',
  /** The server does not offer this (for example the master track on AbletonOSC). */
  UNSUPPORTED: 'UNSUPPORTED',
  /** An address that no server of the protocol handles. */
  UNKNOWN_ADDRESS: 'UNKNOWN_ADDRESS',
  /** A track, clip, scene, device or parameter that does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The operation was aborted through its AbortSignal. */
  ABORTED: 'ABORTED',
  /** A file could not be read, parsed or written. */
  FILE_FAILED: 'FILE_FAILED',
  /** A bug in the toolkit: please report it. */
  INTERNAL: 'INTERNAL',
} as const

/** One of the codes in {@link LiveErrorCode}. */
export type LiveErrorCode = (typeof LiveErrorCode)[keyof typeof LiveErrorCode]

/** What a {@link LiveError} is made of. */
export interface LiveErrorOptions {
  /** Lines that say what to do next, printed indented under the short message. */
  metaMessages?: readonly string[] | undefined
  /** Machine-readable facts (address, value, range, host, port...). */
  details?: Readonly<Record<string, unknown>> | undefined
  /** The underlying error, if any. */
  cause?: unknown
}

// Marks a LiveError made by any copy of this package: two installed versions, or a bundled command and
// the library it loads lazily, each have their own class, and `instanceof` alone would tell them apart.
const LIVE_ERROR: unique symbol = Symbol.for('@live/protocol/LiveError')

/**
 * The one error class of the toolkit: a code, a one-line short message, and meta lines with the next step.
 *
 * @example
 * throw new LiveError('TIMEOUT', 'no reply to /live/song/get/tempo from 127.0.0.1:11000 within 500 ms', {
 *   metaMessages: ['Is Live running with AbletonOSC selected as a Control Surface?', 'Try `live doctor`.'],
 * })
 */
export class LiveError extends Error {
  /** `error instanceof LiveError` holds for a LiveError from any copy of this package (subclasses check as usual). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof asks about, LiveError or a subclass.
    if (this !== LiveError) return Function.prototype[Symbol.hasInstance].call(this, value)
    return typeof value === 'object' && value !== null && (value as { [LIVE_ERROR]?: unknown })[LIVE_ERROR] === true
  }

  static {
    Object.defineProperty(LiveError.prototype, LIVE_ERROR, { value: true })
  }

  declare readonly [LIVE_ERROR]: true
  override name = 'LiveError'
  /** Stable code to branch on. */
  readonly code: LiveErrorCode
  /** The first line of the message, without the code. */
  readonly shortMessage: string
  /** The lines under the short message: what to do next. */
  readonly metaMessages: readonly string[]
  /** Machine-readable facts about the failure. */
  readonly details: Readonly<Record<string, unknown>>

  constructor(code: LiveErrorCode, shortMessage: string, options: LiveErrorOptions = {}) {
    const metaMessages = options.metaMessages ?? []
    super(formatMessage(code, shortMessage, metaMessages), options.cause === undefined ? {} : { cause: options.cause })
    this.code = code
    this.shortMessage = shortMessage
    this.metaMessages = metaMessages
    this.details = options.details ?? {}
  }

  /** A plain object for `--json` output and MCP tool errors. */
  toJSON(): {
    code: LiveErrorCode
    message: string
    hints: readonly string[]
    details: Readonly<Record<string, unknown>>
  } {
    return { code: this.code, message: this.shortMessage, hints: this.metaMessages, details: this.details }
  }
}

function formatMessage(code: LiveErrorCode, shortMessage: string, metaMessages: readonly string[]): string {
  const lines = [`${code}: ${shortMessage}`]
  for (const meta of metaMessages) lines.push(`  ${meta}`)
  return lines.join('\n')
}

/** True when `error` is a {@link LiveError} (from any copy of this package), optionally with the given code. */
export function isLiveError(error: unknown, code?: LiveErrorCode): error is LiveError {
  return error instanceof LiveError && (code === undefined || error.code === code)
}
