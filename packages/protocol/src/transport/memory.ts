import { isLiveError, LiveError } from '../errors/liveError.js'
import { decodePacket, messagesOf } from '../osc/decode.js'
import { encodePacket } from '../osc/encode.js'
import type { DecodedOscMessage, OscPacket } from '../osc/types.js'
import type { MessageHandler, PacketSource, Transport, TransportErrorHandler } from './transport.js'

/** The server end of an in-memory link: what a test script plays instead of AbletonOSC. */
export interface MemoryServer {
  /** Receives each message the client sends, decoded and with bundles flattened; returns the unsubscribe. */
  onMessage(handler: (message: DecodedOscMessage) => void): () => void
  /** Sends a packet to the client, encoded and decoded on the way; dropped while the client is closed. */
  send(packet: OscPacket): Promise<void>
  /** Sends raw bytes to the client, e.g. garbage to provoke DECODE_FAILED. */
  sendRaw(bytes: Uint8Array): Promise<void>
  /** Every message the client has sent, in order. */
  readonly received: readonly DecodedOscMessage[]
}

/** A client Transport wired to a {@link MemoryServer}. */
export interface MemoryLink {
  /** The Transport to give a client. */
  readonly client: Transport
  /** The end a test drives. */
  readonly server: MemoryServer
}

/** Options of {@link createMemoryLink}. */
export interface MemoryLinkOptions {
  /**
   * The peer's name, used as the source address of what the client receives.
   * @default 'memory'
   */
  name?: string | undefined
}

/** Answers one message: call `reply` with as many packets as the server would send back. */
export type MemoryResponder = (message: DecodedOscMessage, reply: (packet: OscPacket) => void) => void

/**
 * A client Transport and the server end it talks to, in memory. Every packet goes through the real
 * OSC codec, so tests see exactly the types a socket would deliver; delivery is asynchronous and in order.
 *
 * @example
 * const { client, server } = createMemoryLink()
 * server.onMessage((message) => {
 *   if (message.address === '/live/song/get/tempo') void server.send({ address: message.address, args: [120] })
 * })
 * await client.open()
 */
export function createMemoryLink(options: MemoryLinkOptions = {}): MemoryLink {
  const source: PacketSource = { address: options.name ?? 'memory', port: 0 }
  const description = `memory ${source.address}`
  const clientHandlers = new Set<MessageHandler>()
  const errorHandlers = new Set<TransportErrorHandler>()
  const serverHandlers = new Set<(message: DecodedOscMessage) => void>()
  const received: DecodedOscMessage[] = []
  let open = false

  function emitError(error: LiveError): void {
    for (const handler of [...errorHandlers]) handler(error)
  }

  async function toClient(bytes: Uint8Array): Promise<void> {
    await Promise.resolve()
    if (!open) return
    let messages: DecodedOscMessage[]
    try {
      messages = messagesOf(decodePacket(bytes))
    } catch (error) {
      emitError(
        isLiveError(error)
          ? error
          : new LiveError('DECODE_FAILED', `undecodable packet from ${description}`, { cause: error }),
      )
      return
    }
    for (const message of messages) for (const handler of [...clientHandlers]) handler(message, source)
  }

  const client: Transport = {
    description,
    replyRouting: 'memory',
    async open() {
      open = true
    },
    async send(packet) {
      if (!open) {
        throw new LiveError('NOT_CONNECTED', `${description} is closed: cannot send`, {
          metaMessages: ['Call transport.open() first, or create a new link after close().'],
        })
      }
      const bytes = encodePacket(packet)
      await Promise.resolve()
      const messages = messagesOf(decodePacket(bytes))
      received.push(...messages)
      for (const message of messages) for (const handler of [...serverHandlers]) handler(message)
    },
    onMessage(handler) {
      clientHandlers.add(handler)
      return () => clientHandlers.delete(handler)
    },
    onError(handler) {
      errorHandlers.add(handler)
      return () => errorHandlers.delete(handler)
    },
    async close() {
      open = false
      clientHandlers.clear()
      errorHandlers.clear()
    },
  }

  const server: MemoryServer = {
    onMessage(handler) {
      serverHandlers.add(handler)
      return () => serverHandlers.delete(handler)
    },
    send: (packet) => toClient(encodePacket(packet)),
    sendRaw: (bytes) => toClient(bytes.slice()),
    received,
  }
  return { client, server }
}

/**
 * An in-memory Transport whose server is a function: the quickest way to unit-test a client.
 *
 * @example
 * const transport = memory((message, reply) => {
 *   if (message.address === '/live/song/get/tempo') reply({ address: message.address, args: [120] })
 * })
 */
export function memory(respond?: MemoryResponder, options: MemoryLinkOptions = {}): Transport {
  const { client, server } = createMemoryLink(options)
  if (respond) {
    server.onMessage((message) => {
      respond(message, (packet) => {
        void server.send(packet)
      })
    })
  }
  return client
}
