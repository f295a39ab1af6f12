import { isLiveError, LiveError } from '@live/protocol/encode'

/** The exit codes of `live`, documented in `live --help` and the README. */
export const ExitCode = {
  /** The command did what it was asked. */
  OK: 0,
  /** Anything else went wrong. */
  FAILED: 1,
  /** Bad input: nothing was sent. */
  USAGE: 2,
  /** Live refused the request (LIVE_REJECTED) or the set lacks what it names (NOT_FOUND). */
  REJECTED: 3,
  /** No reply in time: Live (or the simulator) is not running or not reachable. */
  UNREACHABLE: 4,
  /** Interrupted with Ctrl-C. */
  INTERRUPTED: 130,
} as const

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** The exit code for an error thrown by a command. */
export function exitCodeOf(error: unknown): ExitCode {
  if (!isLiveError(error)) return ExitCode.FAILED
  switch (error.code) {
    case 'INVALID_ARGUMENTS':
      return ExitCode.USAGE
    case 'LIVE_REJECTED':
    case 'NOT_FOUND':
    case 'UNSUPPORTED':
      return ExitCode.REJECTED
    case 'TIMEOUT':
    case 'NOT_CONNECTED':
      return ExitCode.UNREACHABLE
    case 'ABORTED':
      return ExitCode.INTERRUPTED
    default:
      return ExitCode.FAILED
  }
}

/** A usage error: names the argument, what was given and what is valid; exit code 2, nothing sent. */
export function usageError(shortMessage: string, hint?: string | undefined): LiveError {
  return new LiveError('INVALID_ARGUMENTS', shortMessage, { metaMessages: hint === undefined ? [] : [hint] })
}
