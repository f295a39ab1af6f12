import { LiveError } from '@live/protocol'

/** The reply port is held by a program that is not one of ours (no hub answers on the control channel). */
export function portInUseError(replyPort: number, bindAddress: string, cause?: unknown): LiveError {
  return new LiveError('PORT_IN_USE', `reply port ${replyPort} on ${bindAddress} is held by another program`, {
    metaMessages: [
      `AbletonOSC sends every reply to port ${replyPort} and only one program can bind it; the one holding it is not a @live process (no hub answered), so it cannot be shared.`,
      'Close the other program (another OSC tool or client listening on that port) and try again.',
      "Or use the Max for Live bridge, which replies to each request's own port: udp({ replyPort: 'source' }).",
      'Or, if your AbletonOSC was changed to reply on another port, set ABLETON_OSC_REPLY_PORT.',
    ],
    details: { replyPort, bindAddress },
    cause,
  })
}

/** The transport is closed or was never opened. */
export function notConnectedError(description: string, what: string): LiveError {
  return new LiveError('NOT_CONNECTED', `${description} is closed: cannot ${what}`, {
    metaMessages: ['Call transport.open() first, or create a new transport after close().'],
  })
}

/** A socket call failed; the message names the socket, the system error and what to check. */
export function socketError(what: string, cause: unknown): LiveError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new LiveError('NOT_CONNECTED', `${what}: ${reason}`, {
    metaMessages: [
      code === 'EACCES' || code === 'EPERM'
        ? 'The system refused the port: pick a port above 1023, or check firewall and sandbox rules.'
        : 'Check that the host is an address of this machine or reachable from it, and that the port is between 1 and 65535.',
    ],
    details: code === undefined ? {} : { code },
    cause,
  })
}

/** The hub could not open its control socket, so it cannot share the reply port. */
export function controlSocketError(path: string, replyPort: number, cause: unknown): LiveError {
  return new LiveError('NOT_CONNECTED', `cannot open the control socket ${path} to share reply port ${replyPort}`, {
    metaMessages: [
      'Another user may own a stale socket file there: remove it, or set TMPDIR to a directory of your own.',
      "Or receive replies without sharing: udp({ replySharing: 'off' }).",
    ],
    details: { path, replyPort },
    cause,
  })
}
