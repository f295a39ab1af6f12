import { createSocket, type Socket } from 'node:dgram'
import { isLiveError, LiveError, type OscMessage } from '@live/protocol'
import { waitFor } from '@live/transport-compliance'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../test/freePort.js'
import { type ScriptedPeer, startScriptedPeer, volumeOf } from '../test/scriptedPeer.js'
import { type UdpOptions, type UdpTransport, udp } from './index.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function peerFor(replyPort: number, mode: 'abletonosc' | 'source' = 'abletonosc'): Promise<ScriptedPeer> {
  const peer = await startScriptedPeer({ replyPort, mode })
  cleanups.push(peer.close)
  return peer
}

function transportFor(peer: ScriptedPeer, options: UdpOptions): UdpTransport & { messages: string[] } {
  const transport = udp({ host: '127.0.0.1', port: peer.port, bindAddress: '127.0.0.1', env: {}, ...options })
  const messages: string[] = []
  transport.onMessage((message: OscMessage) => messages.push(`${message.address} ${message.args.join(' ')}`))
  cleanups.push(() => transport.close())
  return Object.assign(transport, { messages })
}

async function foreignSocket(port: number): Promise<Socket> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(port, '127.0.0.1', () => resolve()))
  cleanups.push(() => new Promise((resolve) => socket.close(() => resolve())))
  return socket
}

describe('udp()', () => {
  it('rejects open() with PORT_IN_USE when a foreign program holds the reply port', async () => {
    const replyPort = await freePort()
    await foreignSocket(replyPort)
    const transport = udp({ port: 9, replyPort, bindAddress: '127.0.0.1', handoverTimeoutMs: 100, env: {} })
    const error = await transport.open().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(isLiveError(error, 'PORT_IN_USE')).toBe(true)
    expect((error as LiveError).message.replaceAll(String(replyPort), '<replyPort>')).toMatchInlineSnapshot(`
      "PORT_IN_USE: reply port <replyPort> on 127.0.0.1 is held by another program
        AbletonOSC sends every reply to port <replyPort> and only one program can bind it; the one holding it is not a @live process (no hub answered), so it cannot be shared.
        Close the other program (another OSC tool or client listening on that port) and try again.
        Or use the Max for Live bridge, which replies to each request's own port: udp({ replyPort: 'source' }).
        Or, if your AbletonOSC was changed to reply on another port, set ABLETON_OSC_REPLY_PORT."
    `)
    expect(transport.replyRole).toBe('closed')
  })

  it("fails at once with PORT_IN_USE when sharing is 'off' and the port is taken", async () => {
    const replyPort = await freePort()
    await foreignSocket(replyPort)
    const transport = udp({ port: 9, replyPort, replySharing: 'off', bindAddress: '127.0.0.1', env: {} })
    await expect(transport.open()).rejects.toSatisfy((e) => isLiveError(e, 'PORT_IN_USE'))
  })

  it("receives on its own port with replyPort: 'source' (the bridge)", async () => {
    const peer = await peerFor(1, 'source')
    const transport = transportFor(peer, { replyPort: 'source' })
    await transport.open()
    expect([transport.replyRouting, transport.replyRole]).toEqual(['source-port', 'source'])
    await transport.send({ address: '/live/track/get/volume', args: [4] })
    await waitFor(
      () => transport.messages.length >= 1,
      'the reply on the source port',
      () => transport.messages,
    )
    expect(transport.messages).toEqual([`/live/track/get/volume 4 ${volumeOf(4)}`])
  })

  it('shares the reply port in one process too, and the member takes over when the hub closes', async () => {
    const replyPort = await freePort()
    const peer = await peerFor(replyPort)
    const first = transportFor(peer, { replyPort })
    const second = transportFor(peer, { replyPort })
    await first.open()
    await second.open()
    expect([first.replyRole, second.replyRole]).toEqual(['hub', 'member'])
    await second.send({ address: '/live/track/get/volume', args: [2] })
    await first.send({ address: '/live/track/get/volume', args: [1] })
    await waitFor(
      () => first.messages.length + second.messages.length >= 2,
      'both replies',
      () => [first.messages, second.messages],
    )
    expect(first.messages).toEqual([`/live/track/get/volume 1 ${volumeOf(1)}`])
    expect(second.messages).toEqual([`/live/track/get/volume 2 ${volumeOf(2)}`])

    await first.close()
    await waitFor(
      () => second.replyRole === 'hub',
      'the member to take the port over',
      () => second.replyRole,
    )
    await second.send({ address: '/live/track/get/volume', args: [3] })
    await waitFor(
      () => second.messages.length >= 2,
      'a reply after the hand-over',
      () => second.messages,
    )
    expect(second.messages.at(-1)).toBe(`/live/track/get/volume 3 ${volumeOf(3)}`)
  })

  it('rejects open() with ABORTED for an aborted signal', async () => {
    const transport = udp({ port: 9, replyPort: 'source', bindAddress: '127.0.0.1', env: {} })
    await expect(transport.open({ signal: AbortSignal.abort() })).rejects.toSatisfy((e) => isLiveError(e, 'ABORTED'))
  })

  it('rejects a packet too large for one datagram with ENCODE_FAILED', async () => {
    const peer = await peerFor(1, 'source')
    const transport = transportFor(peer, { replyPort: 'source' })
    await transport.open()
    const error = await transport
      .send({ address: '/live/blob', args: [new Uint8Array(70_000)] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LiveError)
    expect((error as LiveError).message).toMatchInlineSnapshot(`
      "ENCODE_FAILED: /live/blob is 70020 bytes, too large for one UDP datagram
        Send fewer messages per bundle, or split the data over several requests (macOS allows only 9216 bytes by default)."
    `)
  })

  it('names host and port when send() is called on a closed transport', async () => {
    const transport = udp({ host: '127.0.0.1', port: 11999, replyPort: 'source', env: {} })
    const error = await transport.send({ address: '/live/test', args: [] }).catch((e: unknown) => e)
    expect((error as LiveError).message).toMatchInlineSnapshot(`
      "NOT_CONNECTED: udp 127.0.0.1:11999 is closed: cannot send /live/test
        Call transport.open() first, or create a new transport after close()."
    `)
  })
})
