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

/** Times `count` calls one after another; each time in ms. */
export async function sequentialTimes(call: () => Promise<unknown>, count: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    await call()
    times.push(performance.now() - start)
  }
  return times
}

/** `total` calls, `window` at a time; requests per second. */
export async function pipelinedCalls(call: () => Promise<unknown>, total: number, window: number): Promise<number> {
  const start = performance.now()
  let sent = 0
  const worker = async () => {
    while (sent < total) {
      sent++
      await call()
    }
  }
  await Promise.all(Array.from({ length: window }, worker))
  return total / ((performance.now() - start) / 1000)
}

/**
 * A raw client keeping `window` datagrams in flight until `total` are answered: `send` sends one,
 * `onReply` installs the handler the socket calls for each reply. Requests per second.
 */
export function pipelinedRaw(
  send: () => void,
  onReply: (handler: () => void) => void,
  total: number,
  window: number,
): Promise<number> {
  return new Promise((resolve) => {
    const start = performance.now()
    let sent = 0
    let received = 0
    onReply(() => {
      received++
      if (received === total) resolve(total / ((performance.now() - start) / 1000))
      else if (sent < total) {
        sent++
        send()
      }
    })
    for (; sent < window; sent++) send()
  })
}
