import type { LiveClient } from '@live/client'
import { createClient } from '@live/client'
import { udp } from '@live/transport-udp'

/** Where the server finds Live, and how. */
export interface LiveConnectionOptions {
  /** A ready client (tests, embedding); no UDP socket is opened then. */
  client?: LiveClient | undefined
  /** AbletonOSC's (or the bridge's, or the simulator's) host. @default ABLETON_OSC_HOST ?? '127.0.0.1' */
  host?: string | undefined
  /** Its port. @default ABLETON_OSC_PORT ?? 11000 */
  port?: number | undefined
  /** Where replies arrive: a port, or 'source' for the bridge and the bridge-flavour simulator. @default ABLETON_OSC_REPLY_PORT ?? 11001 */
  replyPort?: number | 'source' | undefined
  /** Milliseconds to wait for each reply. @default the client's (500) */
  timeout?: number | undefined
  /** Where ABLETON_OSC_* are read from. @default process.env */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

/** A client opened on first use, so the server starts even when Live is not running. */
export interface LiveConnection {
  /** The host requests go to, for messages. */
  readonly host: string
  /** The port requests go to, for messages. */
  readonly port: number
  /** The client, created (not yet opened: calls open it) on first use. */
  client(): LiveClient
  /** True once a client exists. */
  readonly started: boolean
  /** Closes the client if one was created. */
  close(): Promise<void>
}

const envPort = (text: string | undefined): number | undefined => {
  const port = Number(text)
  return text !== undefined && text.trim() !== '' && Number.isInteger(port) ? port : undefined
}

/**
 * A lazy connection to Live: nothing is bound until the first tool call needs Live.
 *
 * @example
 * const connection = createLiveConnection({ host: '127.0.0.1', port: 11000 })
 * await connection.client().song.tempo.get()
 */
export function createLiveConnection(options: LiveConnectionOptions = {}): LiveConnection {
  const env = options.env ?? process.env
  const host = options.host ?? (env.ABLETON_OSC_HOST?.trim() || '127.0.0.1')
  const port = options.port ?? envPort(env.ABLETON_OSC_PORT) ?? 11000
  let client = options.client
  return {
    host,
    port,
    get started() {
      return client !== undefined
    },
    client() {
      if (client === undefined) {
        const transport = udp({ host, port, replyPort: options.replyPort, env })
        client = createClient({ transport, timeout: options.timeout })
      }
      return client
    },
    async close() {
      if (options.client === undefined) await client?.close()
    },
  }
}
