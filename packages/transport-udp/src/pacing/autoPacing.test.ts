import { createSocket, type Socket } from 'node:dgram'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { udp } from '../udp.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A receiver that counts datagrams; `reach(n)` resolves once n have arrived (no timers). */
async function receiver() {
  const socket: Socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))
  cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())))
  const counts = { fromTransport: 0, markers: 0 }
  const waiters: { when: () => boolean; resolve: () => void }[] = []
  socket.on('message', (datagram) => {
    if (datagram.includes('/marker')) counts.markers++
    else counts.fromTransport++
    for (const waiter of waiters.splice(0)) {
      if (waiter.when()) waiter.resolve()
      else waiters.push(waiter)
    }
  })
  const until = (when: () => boolean) =>
    when() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ when, resolve }))
  // Another program's datagram: once it is in, the transport has had every turn of the loop it needed.
  const marker = await (async () => {
    const other = createSocket('udp4')
    await new Promise<void>((resolve) => other.bind(0, '127.0.0.1', () => resolve()))
    cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())))
    return async () => {
      const before = counts.markers
      other.send(Buffer.from('/marker\0,\0\0\0'), socket.address().port, '127.0.0.1')
      await until(() => counts.markers > before)
    }
  })()
  return { port: socket.address().port, counts, until, marker }
}

const message = (i: number) => ({ address: '/live/track/set/volume', args: [i, 0.5], types: 'if' })

describe("udp() pacing 'auto'", () => {
  it('paces per tick until told the server answers on arrival, then sends at once, and back', async () => {
    // Frozen time: the bucket never refills, so whatever waits for a token waits for good.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const sink = await receiver()
    const transport = udp({ host: '127.0.0.1', port: sink.port, replyPort: 'source', env: {} })
    cleanups.push(() => transport.close())
    expect(transport.config.pacing).toBe('auto')
    await transport.open()
    const sends = Array.from({ length: 100 }, (_, i) => transport.send(message(i)))
    await sink.until(() => sink.counts.fromTransport === 64)
    await sink.marker()
    expect(sink.counts.fromTransport).toBe(64) // AbletonOSC's 64 per tick; the rest wait

    expect(transport.paceFor('bridge')).toBe(true)
    await Promise.all(sends)
    await sink.until(() => sink.counts.fromTransport === 100)

    expect(transport.paceFor('abletonosc')).toBe(false)
    const more = Array.from({ length: 10 }, (_, i) => transport.send(message(i)))
    await sink.marker()
    expect(sink.counts.fromTransport).toBe(100) // the bucket is empty again: per tick
    expect(transport.paceFor('unknown')).toBe(false)
    transport.paceFor('bridge')
    await Promise.all(more)
    await sink.until(() => sink.counts.fromTransport === 110)
  })

  it('keeps pacing the user chose, whatever the server', async () => {
    const fixed = udp({ host: '127.0.0.1', port: 9, replyPort: 'source', env: {}, pacing: { maxDatagrams: 8 } })
    const none = udp({ host: '127.0.0.1', port: 9, replyPort: 'source', env: {}, pacing: false })
    expect(fixed.paceFor('bridge')).toBe(false)
    expect(none.paceFor('bridge')).toBe(false)
  })
})
