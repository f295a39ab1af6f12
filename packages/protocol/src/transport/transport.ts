import type { LiveError } from '../errors/liveError.js'
import type { OscMessage, OscPacket } from '../osc/types.js'

/** Where a packet came from, as the transport knows it. */
export interface PacketSource {
  /** IP address or an in-memory peer name. */
  readonly address: string
  /** UDP port, or 0 where there is none. */
  readonly port: number
}

/** Receives every message the transport takes in (bundles are already flattened, in order). */
export type MessageHandler = (message: OscMessage, source: PacketSource) => void

/** Receives errors the transport cannot tie to a call: undecodable packets, socket errors. */
export type TransportErrorHandler = (error: LiveError) => void

/**
 * How a client reaches a server of the protocol. `udp()` (in @live/transport-udp) and
 * `memory()` implement it; every implementation passes the transport compliance suite.
 */
export interface Transport {
  /** A short label for messages and logs, e.g. `udp 127.0.0.1:11000`. */
  readonly description: string
  /**
   * Whether replies come back to the port each request came from (the bridge) or to one shared
   * port (AbletonOSC's 11001). Clients use it to decide what they may assume about listeners.
   */
  readonly replyRouting: 'source-port' | 'shared-port' | 'memory'
  /** Opens sockets; idempotent. Rejects with `PORT_IN_USE` or `NOT_CONNECTED`. */
  open(options?: { signal?: AbortSignal | undefined }): Promise<void>
  /** Sends a packet; rejects with `NOT_CONNECTED` when closed, `ENCODE_FAILED` on unencodable values. */
  send(packet: OscPacket): Promise<void>
  /** Subscribes to incoming messages; returns the unsubscribe. */
  onMessage(handler: MessageHandler): () => void
  /** Subscribes to transport errors; returns the unsubscribe. */
  onError(handler: TransportErrorHandler): () => void
  /** Releases sockets and handlers; idempotent. */
  close(): Promise<void>
  /**
   * Optional: told which server answers once the client has detected it, so the transport can pace for
   * it (`udp()` paces per tick for AbletonOSC and for a server not yet known). Returns true when the
   * transport now leaves pacing to the client's window of messages in flight (the bridge answers on
   * arrival, so its replies are the backpressure); false when it keeps its own pacing, or has none.
   */
  paceFor?(server: 'abletonosc' | 'bridge' | 'unknown'): boolean
}
