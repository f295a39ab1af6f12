import type { OscMessage, OscPacket, Transport } from '@live/protocol'

/** The messages of a packet, bundles flattened, in order. */
export function flatten(packet: OscPacket): OscMessage[] {
  return 'address' in packet ? [packet] : packet.elements.flatMap((element) => flatten(element as OscPacket))
}

/** Wraps a transport's `send` so every message it is handed is recorded (before it reaches the wire). */
export function recordSends<T extends Transport>(transport: T): { readonly transport: T; readonly sent: OscMessage[] } {
  const sent: OscMessage[] = []
  const send = transport.send.bind(transport)
  Object.assign(transport, {
    send(packet: OscPacket) {
      sent.push(...flatten(packet))
      return send(packet)
    },
  })
  return { transport, sent }
}
