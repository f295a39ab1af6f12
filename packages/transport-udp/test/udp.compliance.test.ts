import { createSocket } from 'node:dgram'
import { existsSync } from 'node:fs'
import { type DecodedOscMessage, decodePacket, encodePacket, messagesOf } from '@live/protocol'
import { defineTransportComplianceSuite } from '@live/transport-compliance'
import { expect } from 'vitest'
import { controlPath, udp } from '../src/index.js'
import { freePort } from './freePort.js'

const replyPorts = new WeakMap<object, number>()

defineTransportComplianceSuite({
  name: 'udp() with a shared reply port',
  makePair: async () => {
    const replyPort = await freePort()
    const socket = createSocket('udp4')
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))
    const received: DecodedOscMessage[] = []
    socket.on('message', (datagram) => received.push(...messagesOf(decodePacket(datagram))))
    const sendRaw = (bytes: Uint8Array) =>
      new Promise<void>((resolve, reject) =>
        socket.send(bytes, replyPort, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
      )
    const transport = udp({
      host: '127.0.0.1',
      port: socket.address().port,
      replyPort,
      bindAddress: '127.0.0.1',
      env: {},
    })
    replyPorts.set(transport, replyPort)
    return {
      transport,
      peer: {
        received,
        sendRaw,
        send: (packet) => sendRaw(encodePacket(packet)),
        close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
      },
    }
  },
  assertReleased: async ({ transport }) => {
    const replyPort = replyPorts.get(transport)!
    if (process.platform !== 'win32') expect(existsSync(controlPath(replyPort))).toBe(false)
    const socket = createSocket('udp4')
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.bind(replyPort, '127.0.0.1', () => resolve())
    })
    await new Promise<void>((resolve) => socket.close(() => resolve()))
  },
})
