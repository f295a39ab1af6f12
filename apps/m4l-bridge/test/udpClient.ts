import { createSocket, type Socket } from 'node:dgram'
import { type DecodedOscMessage, decodePacket, encodePacket, messagesOf, type OscMessage } from '@live/protocol'

/** A client on a real UDP socket: sends OSC, collects what comes back, waits on counts (never on time). */
export async function udpClient(port: number) {
  const socket: Socket = createSocket('udp4')
  const received: DecodedOscMessage[] = []
  socket.on('message', (bytes) => received.push(...messagesOf(decodePacket(new Uint8Array(bytes)))))
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))
  const send = (message: OscMessage) =>
    new Promise<void>((resolve, reject) =>
      socket.send(encodePacket(message), port, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
    )
  return {
    received,
    send,
    /** Sends, then waits until `count` more messages have arrived (2000 loop turns at most). */
    async ask(message: OscMessage, count = 1): Promise<DecodedOscMessage[]> {
      const from = received.length
      await send(message)
      await until(() => received.length >= from + count)
      return received.slice(from, from + count)
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}

/** Waits, turn by turn, until the condition holds; throws after 5000 turns of the event loop. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    if (condition()) return
    await new Promise((resolve) => setTimeout(resolve, i < 100 ? 0 : 1))
  }
  throw new Error('the condition never held')
}

/** `[address, ...args]` of a message, for assertions. */
export const flat = (m: DecodedOscMessage) => [m.address, ...m.args]
