import {
  type DecodedOscMessage,
  decodePacket,
  encodePacket,
  type MessageHandler,
  messagesOf,
  type OscMessage,
  type Transport,
  type TransportErrorHandler,
} from '@live/protocol'

/** Answers one message the client sent: call `reply` for each message the server would send back. */
export type Script = (message: DecodedOscMessage, reply: (message: OscMessage) => void) => void

/** A Transport whose far end is a script, with every packet through the real OSC codec. */
export interface ScriptedPeer {
  readonly transport: Transport
  /** Everything the client sent, decoded. */
  readonly sent: DecodedOscMessage[]
  /** Pushes a message to the client unasked (listener values, /live/startup, /live/error). */
  push(message: OscMessage): void
  /** Replaces the script. */
  script: Script
}

const roundTrip = (message: OscMessage): DecodedOscMessage[] => messagesOf(decodePacket(encodePacket(message)))

/** Creates a {@link ScriptedPeer}; a script that never replies plays a server that is not there. */
export function scriptedPeer(script: Script = () => {}): ScriptedPeer {
  const handlers = new Set<MessageHandler>()
  const errorHandlers = new Set<TransportErrorHandler>()
  let open = false
  const deliver = (message: OscMessage) => {
    queueMicrotask(() => {
      if (!open) return
      for (const decoded of roundTrip(message))
        for (const handler of handlers) handler(decoded, { address: 'peer', port: 0 })
    })
  }
  const peer: ScriptedPeer = {
    sent: [],
    script,
    push: deliver,
    transport: {
      description: 'memory peer',
      replyRouting: 'memory',
      async open() {
        open = true
      },
      async send(packet) {
        for (const decoded of messagesOf(decodePacket(encodePacket(packet)))) {
          peer.sent.push(decoded)
          peer.script(decoded, deliver)
        }
      },
      onMessage(handler) {
        handlers.add(handler)
        return () => handlers.delete(handler)
      },
      onError(handler) {
        errorHandlers.add(handler)
        return () => errorHandlers.delete(handler)
      },
      async close() {
        open = false
      },
    },
  }
  return peer
}
