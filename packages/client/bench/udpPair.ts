import { createSocket } from 'node:dgram'
import { udp } from '@live/transport-udp'

/** A free UDP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

/** `udp()` to a local server with no environment; `replyPort: 'source'` for the bridge flavour. */
export function localUdp(port: number, replyPort: number | 'source', pacing?: false, recvBufferSize?: number) {
  return udp({
    host: '127.0.0.1',
    port,
    replyPort,
    replySharing: 'off',
    bindAddress: '127.0.0.1',
    env: {},
    ...(pacing === false ? { pacing } : {}),
    ...(recvBufferSize === undefined ? {} : { recvBufferSize }),
  })
}

/** The p-th percentile (0..1) of some numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}
