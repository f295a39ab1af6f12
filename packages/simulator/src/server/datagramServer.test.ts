import { decodePacket, encodePacket, IMMEDIATELY, type OscMessage } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { createDatagramServer, type ServerDispatcher } from './datagramServer.js'
import type { UdpPeer } from './udpSocket.js'

const client: UdpPeer = { address: '10.0.0.5', port: 54321 }
const other: UdpPeer = { address: '10.0.0.9', port: 40000 }
const bytesOf = (message: OscMessage) => encodePacket(message)

/** A server over a scripted dispatcher: `/ok` replies to the client, `/bad` aborts, `/big` replies `size` bytes, `/notify` goes to the remote. */
function rig(
  flavour: 'abletonosc' | 'bridge',
  options: { maxDatagramBytes?: number; maxQueuedDatagrams?: number } = {},
) {
  const wire: { to: string; address: string; args: unknown[] }[] = []
  const warnings: string[] = []
  const handled: string[] = []
  const server = createDatagramServer({
    flavour,
    replyPort: 11001,
    maxDatagramBytes: options.maxDatagramBytes ?? 65507,
    maxQueuedDatagrams: options.maxQueuedDatagrams ?? 4096,
    logger: { info() {}, warn: (line) => warnings.push(line) },
    transmit(bytes, to) {
      const message = decodePacket(bytes) as OscMessage
      wire.push({ to: `${to.address}:${to.port}`, address: message.address, args: [...message.args] })
    },
    dispatcher: () => dispatcher,
  })
  const dispatcher: ServerDispatcher = {
    handle(message, from) {
      handled.push(message.address)
      if (message.address === '/bad') {
        server.send({ address: '/live/error', args: ['Error handling OSC message: boom'] }, 'remote')
        return 'abort'
      }
      if (message.address === '/throw') throw new Error('kaboom')
      if (message.address === '/big') {
        server.send({ address: '/big', args: ['x'.repeat(200)] }, from)
        server.send({ address: '/after-big', args: [] }, from)
        return 'ok'
      }
      if (message.address === '/notify') server.send({ address: '/notify', args: [] }, 'remote')
      else server.send({ address: message.address, args: message.args }, from)
      return 'ok'
    },
    startup() {},
    dispose() {},
  }
  return { server, wire, warnings, handled }
}

describe('createDatagramServer, abletonosc flavour', () => {
  it('queues until a tick, replies to the client IP on the reply port, and stops the tick at an abort', () => {
    const { server, wire } = rig('abletonosc')
    server.receive(bytesOf({ address: '/ok', args: [1] }), client)
    server.receive(bytesOf({ address: '/bad', args: [] }), client)
    server.receive(bytesOf({ address: '/ok', args: [3] }), client)
    expect(wire).toEqual([])
    server.tick()
    expect(wire).toEqual([
      { to: '10.0.0.5:11001', address: '/ok', args: [1] },
      { to: '10.0.0.5:11001', address: '/live/error', args: ['Error handling OSC message: boom'] },
    ])
    expect(server.queued).toBe(1)
    server.tick()
    expect(wire.at(-1)).toEqual({ to: '10.0.0.5:11001', address: '/ok', args: [3] })
    expect(server.queued).toBe(0)
  })

  it('sends "remote" traffic to the last sender, set before decoding', () => {
    const { server, wire } = rig('abletonosc')
    server.send({ address: '/notify', args: [] }, 'remote')
    server.receive(bytesOf({ address: '/notify', args: [] }), client)
    server.receive(new Uint8Array([1, 2, 3]), other)
    server.tick()
    expect(wire.map((w) => `${w.address} ${w.to}`)).toEqual([
      '/notify 127.0.0.1:11001',
      '/notify 10.0.0.5:11001',
      '/live/error 10.0.0.9:11001',
    ])
  })

  it('turns an oversized reply into a Socket error, drops the rest of that message and aborts the tick', () => {
    const { server, wire } = rig('abletonosc', { maxDatagramBytes: 100 })
    server.receive(bytesOf({ address: '/big', args: [] }), client)
    server.receive(bytesOf({ address: '/ok', args: [] }), client)
    server.tick()
    expect(wire.map((w) => w.address)).toEqual(['/live/error'])
    expect(String(wire[0]?.args[0])).toMatch(
      /^Socket error: Traceback[\s\S]*\nOSError: \[Errno 90\] Message too long\n$/,
    )
    expect(server.queued).toBe(1)
  })

  it('answers a throwing handler like AbletonOSC answers an exception, and goes on next tick', () => {
    const { server, wire, warnings } = rig('abletonosc')
    server.receive(bytesOf({ address: '/throw', args: [] }), client)
    server.receive(bytesOf({ address: '/ok', args: [] }), client)
    server.tick()
    expect(wire).toEqual([
      { to: '10.0.0.5:11001', address: '/live/error', args: ['Error handling OSC message: kaboom'] },
    ])
    expect(warnings[0]).toContain('handler for /throw threw')
    server.tick()
    expect(wire.at(-1)?.address).toBe('/ok')
  })

  it('loses the rest of a bundle after an abort', () => {
    const { server, handled } = rig('abletonosc')
    const elements = [
      { address: '/ok', args: [] },
      { address: '/bad', args: [] },
      { address: '/ok', args: [] },
    ]
    server.receive(encodePacket({ timeTag: IMMEDIATELY, elements }), client)
    server.tick()
    server.tick()
    expect(handled).toEqual(['/ok', '/bad'])
  })

  it('drops the oldest datagrams beyond the queue bound and counts them', () => {
    const { server, wire } = rig('abletonosc', { maxQueuedDatagrams: 2 })
    for (const n of [1, 2, 3, 4]) server.receive(bytesOf({ address: '/ok', args: [n] }), client)
    expect([server.queued, server.dropped]).toEqual([2, 2])
    server.tick()
    expect(wire.map((w) => w.args[0])).toEqual([3, 4])
  })
})

describe('createDatagramServer, bridge flavour', () => {
  it('handles on arrival, replies to the source port and goes on after an abort', () => {
    const { server, wire } = rig('bridge')
    const elements = [
      { address: '/ok', args: [1] },
      { address: '/bad', args: [] },
      { address: '/ok', args: [2] },
    ]
    server.receive(encodePacket({ timeTag: IMMEDIATELY, elements }), client)
    server.receive(bytesOf({ address: '/ok', args: [3] }), other)
    expect(wire.map((w) => `${w.address} ${w.to}`)).toEqual([
      '/ok 10.0.0.5:54321',
      '/live/error 10.0.0.5:54321',
      '/ok 10.0.0.5:54321',
      '/ok 10.0.0.9:40000',
    ])
    expect(server.queued).toBe(0)
  })
})
