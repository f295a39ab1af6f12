import { createSocket } from 'node:dgram'
import { encodePacket, LiveError } from '@live/protocol/encode'

/** A value the lean path sends: int, float, string, true or false. */
export type LeanValue = number | string | boolean

/** Where to send, resolved from flags and the environment. */
export interface Endpoint {
  /** The server's host. */
  readonly host: string
  /** The server's port. */
  readonly port: number
}

/**
 * Sends messages that expect no reply (song-level sets and calls) over one throwaway UDP socket:
 * no reply port, no client, so `live tempo 120` costs little more than starting Node.
 *
 * @example
 * await leanSend({ host: '127.0.0.1', port: 11000 }, [{ address: '/live/song/set/tempo', args: [120], types: 'f' }])
 */
export function leanSend(
  endpoint: Endpoint,
  messages: readonly { address: string; args: readonly LeanValue[]; types: string }[],
): Promise<void> {
  const socket = createSocket('udp4')
  return new Promise<void>((resolve, reject) => {
    let index = 0
    const fail = (error: Error) => {
      socket.close()
      reject(
        new LiveError('NOT_CONNECTED', `cannot send to ${endpoint.host}:${endpoint.port}: ${error.message}`, {
          metaMessages: ['Check --host and --port (or ABLETON_OSC_HOST / ABLETON_OSC_PORT).'],
          cause: error,
        }),
      )
    }
    socket.on('error', fail)
    const next = () => {
      const message = messages[index++]
      if (message === undefined) {
        socket.close()
        resolve()
        return
      }
      socket.send(encodePacket(message), endpoint.port, endpoint.host, (error) => (error ? fail(error) : next()))
    }
    next()
  })
}
