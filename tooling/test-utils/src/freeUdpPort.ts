import { createSocket } from 'node:dgram'

/** A UDP port that was free on 127.0.0.1 a moment ago (never AbletonOSC's 11000 or 11001). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}
