import { LiveError } from '@live/protocol'

/** Where requests go, for messages: `udp 127.0.0.1:11000` becomes `127.0.0.1:11000`. */
export function peerOf(description: string): string {
  return description.replace(/^udp\s+/, '')
}

/**
 * The TIMEOUT error for a request nobody answered, with the next steps.
 *
 * @example
 * timeoutError('/live/song/get/tempo', 'udp 127.0.0.1:11000', 500, 1).shortMessage
 * // 'no reply to /live/song/get/tempo from 127.0.0.1:11000 within 500 ms'
 */
export function timeoutError(address: string, description: string, timeout: number, attempts: number): LiveError {
  const peer = peerOf(description)
  return new LiveError('TIMEOUT', `no reply to ${address} from ${peer} within ${timeout} ms`, {
    metaMessages: [
      'Is Live running with AbletonOSC selected as a Control Surface (Preferences > Link, Tempo & MIDI)?',
      'Try `live doctor`.',
    ],
    details: { address, peer, timeout, attempts },
  })
}

/** The ABORTED error for a request whose signal fired. */
export function abortedError(address: string, reason: unknown): LiveError {
  return new LiveError('ABORTED', `${address} was aborted`, {
    details: { address },
    cause: reason,
  })
}

/** The LIVE_REJECTED error for a `/live/error` attributed to a request, with Live's own text. */
export function rejectedError(address: string | undefined, text: string): LiveError {
  const where = address === undefined ? 'Live' : `Live refused ${address}`
  return new LiveError('LIVE_REJECTED', `${where}: ${text}`, {
    metaMessages:
      address === undefined
        ? ['The request that caused it could not be told apart from others in flight.']
        : ['Check the indices: the track, clip slot, scene or device may not exist.'],
    details: { address, text },
  })
}

/** The NOT_CONNECTED error for calls on a closed client. */
export function closedError(address: string): LiveError {
  return new LiveError('NOT_CONNECTED', `cannot send ${address}: the client is closed`, {
    metaMessages: ['Create a new client with createClient().'],
    details: { address },
  })
}
