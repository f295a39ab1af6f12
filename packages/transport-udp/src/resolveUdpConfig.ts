import { LiveError } from '@live/protocol'
import type { PacingOptions } from './pacing/createPacer.js'

/** What udp() asks the kernel for by default: room for a whole tick's burst of replies. */
export const DEFAULT_RECV_BUFFER_SIZE = 4 * 1024 * 1024

/** Options of {@link udp}. */
export interface UdpOptions {
  /**
   * Where the server listens: AbletonOSC, the bridge or the simulator.
   * @default process.env.ABLETON_OSC_HOST ?? '127.0.0.1'
   */
  host?: string | undefined
  /**
   * The server's port.
   * @default process.env.ABLETON_OSC_PORT ?? 11000
   */
  port?: number | undefined
  /**
   * Where replies arrive: a port number (AbletonOSC replies to the sender's IP on 11001, whatever
   * the source port), or `'source'` for servers that reply to the request's own port (the bridge).
   * @default process.env.ABLETON_OSC_REPLY_PORT ?? 11001
   */
  replyPort?: number | 'source' | undefined
  /**
   * `'auto'` shares a numbered reply port with the other @live processes of this machine (a hub
   * fans replies out); `'off'` binds it alone and fails with PORT_IN_USE when it is taken.
   * @default 'auto'
   */
  replySharing?: 'auto' | 'off' | undefined
  /**
   * The local interface to bind; `0.0.0.0` also receives replies from a Live on another machine.
   * @default '0.0.0.0'
   */
  bindAddress?: string | undefined
  /**
   * Send pacing, so a burst never overflows the server's receive queue. `'auto'` follows the server the
   * client detected (see `paceFor`): AbletonOSC's 64 datagrams per 100 ms tick, also while the server is not
   * yet known, and on the bridge (which answers on arrival) no bucket at all: the client's window of
   * requests in flight paces, with backpressure from the replies. A `{ maxDatagrams, windowMs }` bucket
   * applies whatever the server; `false` sends at once.
   * @default 'auto'
   */
  pacing?: PacingOptions | false | 'auto' | undefined
  /**
   * Bytes to request for the receive buffer of the socket replies arrive on (the kernel caps it at
   * `net.core.rmem_max` on Linux); a burst of replies larger than the buffer is dropped by the kernel.
   * AbletonOSC answers a whole tick's requests in one burst, so a large buffer lets `sync()` keep many
   * requests in flight. Read the granted size from `receiveBufferSize` after open().
   * @default 4194304 (4 MiB; Linux grants at most twice net.core.rmem_max, often 425,984 bytes)
   */
  recvBufferSize?: number | undefined
  /**
   * How long open() and a hand-over of the shared reply port keep trying before PORT_IN_USE, in ms.
   * @default 1500
   */
  handoverTimeoutMs?: number | undefined
  /**
   * Where `ABLETON_OSC_HOST`, `ABLETON_OSC_PORT` and `ABLETON_OSC_REPLY_PORT` are read from.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

/** {@link UdpOptions} with every default applied. */
export interface UdpConfig {
  readonly host: string
  readonly port: number
  readonly replyPort: number | 'source'
  readonly replySharing: 'auto' | 'off'
  readonly bindAddress: string
  readonly pacing: PacingOptions | false | 'auto'
  readonly handoverTimeoutMs: number
  readonly recvBufferSize: number
}

/**
 * Applies defaults and environment variables; throws INVALID_ARGUMENTS on a bad port.
 *
 * @example
 * resolveUdpConfig({ env: { ABLETON_OSC_PORT: '11010' } }).port // 11010
 */
export function resolveUdpConfig(options: UdpOptions = {}): UdpConfig {
  const env = options.env ?? process.env
  const host = options.host ?? nonEmpty(env.ABLETON_OSC_HOST) ?? '127.0.0.1'
  const port = options.port ?? envPort(env, 'ABLETON_OSC_PORT') ?? 11000
  const replyPort = options.replyPort ?? envReplyPort(env) ?? 11001
  checkPort('port', port)
  if (replyPort !== 'source') checkPort('replyPort', replyPort)
  const { recvBufferSize } = options
  if (recvBufferSize !== undefined && !(Number.isInteger(recvBufferSize) && recvBufferSize > 0)) {
    throw new LiveError('INVALID_ARGUMENTS', `udp() recvBufferSize ${recvBufferSize} is not a positive integer`, {
      metaMessages: ['Pass a number of bytes, e.g. 4 * 1024 * 1024.'],
      details: { name: 'recvBufferSize', value: recvBufferSize },
    })
  }
  return {
    host,
    port,
    replyPort,
    replySharing: options.replySharing ?? 'auto',
    bindAddress: options.bindAddress ?? '0.0.0.0',
    pacing: options.pacing ?? 'auto',
    handoverTimeoutMs: options.handoverTimeoutMs ?? 1_500,
    recvBufferSize: options.recvBufferSize ?? DEFAULT_RECV_BUFFER_SIZE,
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function envReplyPort(env: Readonly<Record<string, string | undefined>>): number | 'source' | undefined {
  return nonEmpty(env.ABLETON_OSC_REPLY_PORT) === 'source' ? 'source' : envPort(env, 'ABLETON_OSC_REPLY_PORT')
}

function envPort(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const text = nonEmpty(env[name])
  if (text === undefined) return undefined
  const port = Number(text)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LiveError('INVALID_ARGUMENTS', `${name}=${JSON.stringify(text)} is not a port (1..65535)`, {
      metaMessages: [`Set ${name} to a whole number between 1 and 65535, or unset it for the default.`],
      details: { name, value: text },
    })
  }
  return port
}

function checkPort(name: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LiveError('INVALID_ARGUMENTS', `udp() ${name} ${port} is not a port (1..65535)`, {
      metaMessages: ['Pass a whole number between 1 and 65535.'],
      details: { name, value: port },
    })
  }
}
