import type { OscTestClient } from '@live/compliance'
import { encodePacket, IMMEDIATELY } from '@live/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { type AbletonOscRig, startAbletonOscRig, waitUntil } from './udpHarness.js'

let rig: AbletonOscRig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

const summary = (client: OscTestClient) => client.inbox.map((m) => [m.address, m.types, ...m.args])
const arrived = (client: OscTestClient, count: number) =>
  waitUntil(
    () => client.inbox.length >= count,
    `${count} message(s) on port ${client.port}, have ${client.inbox.length}`,
  )

describe('createSimulator, abletonosc flavour', () => {
  it('sends /live/startup then an argument-less average_process_usage to the reply port at start', async () => {
    rig = await startAbletonOscRig()
    // The reply socket was bound before the simulator started, so it saw the startup messages.
    await arrived(rig.client, 2)
    expect(summary(rig.client)).toEqual([
      ['/live/startup', ''],
      ['/live/application/get/average_process_usage', ''],
    ])
  })

  it('replies to the reply port whatever the source port, and only on a tick', async () => {
    rig = await startAbletonOscRig()
    await arrived(rig.client, 2)
    rig.client.clear()
    const other = await rig.peer()
    other.send({ address: '/live/song/get/tempo', args: [] })
    await rig.tick(1)
    await arrived(rig.client, 1)
    expect(summary(rig.client)).toEqual([['/live/song/get/tempo', 'f', 120]])
    expect(other.inbox).toEqual([])
  })

  it('drains the queue in arrival order and defers what follows a failing message to the next tick', async () => {
    rig = await startAbletonOscRig()
    await arrived(rig.client, 2)
    rig.client.clear()
    rig.client.send({ address: '/live/song/get/tempo', args: [] })
    rig.client.send({ address: '/live/clip_slot/get/has_clip', types: 'ii', args: [0, 99] })
    rig.client.send({ address: '/live/track/get/name', types: 'i', args: [0] })
    await rig.tick(3)
    await arrived(rig.client, 2)
    expect(summary(rig.client)).toEqual([
      ['/live/song/get/tempo', 'f', 120],
      ['/live/error', 's', 'Error handling OSC message: Index out of range'],
    ])
    expect(rig.sim.queuedDatagrams).toBe(1)
    rig.client.clear()
    await rig.tick(1)
    await arrived(rig.client, 1)
    expect(summary(rig.client)).toEqual([['/live/track/get/name', 'is', 0, '1-MIDI']])
    expect(rig.sim.queuedDatagrams).toBe(0)
  })

  it('routes unsolicited traffic to the last sender, even a sender of garbage', async (context) => {
    rig = await startAbletonOscRig()
    let second: OscTestClient
    try {
      second = await rig.peer({ bindHost: '127.0.0.2', bindPort: rig.sim.replyPort })
    } catch {
      context.skip() // 127.0.0.2 is only a local address on Linux.
      return
    }
    await arrived(rig.client, 2)
    rig.client.clear()
    rig.client.send({ address: '/live/song/start_listen/tempo', args: [] })
    await rig.tick(1)
    await arrived(rig.client, 1)
    expect(summary(rig.client)).toEqual([['/live/song/get/tempo', 'f', 120]])
    rig.client.clear()

    second.send({ address: '/live/song/set/tempo', types: 'f', args: [90] })
    await rig.tick(1)
    await arrived(second, 1)
    expect(summary(second)).toEqual([['/live/song/get/tempo', 'f', 90]])
    second.clear()

    rig.client.sendBytes(new TextEncoder().encode('garbage'))
    await rig.tick(1)
    await arrived(rig.client, 1)
    expect(rig.client.inbox[0]?.address).toBe('/live/error')
    rig.client.clear()
    rig.sim.model.set('live_set', 'tempo', 95)
    await arrived(rig.client, 1)
    expect(summary(rig.client)).toEqual([['/live/song/get/tempo', 'f', 95]])
    expect(second.inbox).toEqual([])
  })

  it('answers an undecodable datagram with a Python-traceback-like parse error', async () => {
    rig = await startAbletonOscRig()
    await arrived(rig.client, 2)
    rig.client.clear()
    rig.client.sendBytes(new Uint8Array([0x2f, 0x6c, 0x69, 0x76, 0x65])) // "/live" with no NUL
    const bundle = new Uint8Array(24)
    bundle.set(new TextEncoder().encode('#bundle\0'))
    bundle[19] = 200 // an element size far past the end
    rig.client.sendBytes(bundle)
    rig.client.send({ address: '/live/test', args: [] })
    await rig.tick(3)
    await arrived(rig.client, 3)
    const [message, bundled, test] = rig.client.inbox
    expect(message?.address).toBe('/live/error')
    const messageText = String(message?.args[0])
    expect(messageText.startsWith('Error parsing OSC message: Traceback (most recent call last):\n')).toBe(true)
    expect(messageText).toContain("\npythonosc.parsing.osc_types.ParseError: ('Found incorrect datagram, ignoring it'")
    const bundleText = String(bundled?.args[0])
    expect(bundleText.startsWith('Error parsing OSC bundle: Traceback (most recent call last):\n')).toBe(true)
    expect(bundleText).toContain('\npythonosc.parsing.osc_types.ParseError: Could not parse a content datagram: ')
    // A parse error does not abort the tick.
    expect([test?.address, ...(test?.args ?? [])]).toEqual(['/live/test', 'ok'])
  })

  it('handles a bundle of three messages in order, each with its own plain reply', async () => {
    rig = await startAbletonOscRig()
    await arrived(rig.client, 2)
    rig.client.clear()
    const tempo = { address: '/live/song/get/tempo', types: '', args: [] }
    rig.client.sendBytes(encodePacket({ timeTag: IMMEDIATELY, elements: [tempo, tempo, tempo] }))
    await rig.tick(1)
    await arrived(rig.client, 3)
    expect(summary(rig.client)).toEqual([
      ['/live/song/get/tempo', 'f', 120],
      ['/live/song/get/tempo', 'f', 120],
      ['/live/song/get/tempo', 'f', 120],
    ])
  })

  it('loses the rest of a bundle after a failing message, as AbletonOSC does', async () => {
    rig = await startAbletonOscRig()
    await arrived(rig.client, 2)
    rig.client.clear()
    const elements = [
      { address: '/live/song/get/tempo', types: 's', args: ['first'] },
      { address: '/live/clip_slot/get/has_clip', types: 'ii', args: [0, 99] },
      { address: '/live/song/get/tempo', types: 's', args: ['lost'] },
    ]
    rig.client.sendBytes(encodePacket({ timeTag: IMMEDIATELY, elements }))
    rig.client.send({ address: '/live/song/get/tempo', types: 's', args: ['next datagram'] })
    await rig.tick(2)
    await arrived(rig.client, 2)
    expect(rig.sim.queuedDatagrams).toBe(1)
    await rig.tick(1)
    await arrived(rig.client, 3)
    expect(summary(rig.client)).toEqual([
      ['/live/song/get/tempo', 'fs', 120, 'first'],
      ['/live/error', 's', 'Error handling OSC message: Index out of range'],
      ['/live/song/get/tempo', 'fs', 120, 'next datagram'],
    ])
  })

  it('refuses a reply over maxDatagramBytes with a Socket error and defers the rest of the tick', async () => {
    rig = await startAbletonOscRig({ maxDatagramBytes: 1024 })
    await arrived(rig.client, 2)
    rig.client.clear()
    rig.client.send({ address: '/live/track/set/name', types: 'is', args: [0, 'x'.repeat(2000)] })
    rig.client.send({ address: '/live/track/get/name', types: 'i', args: [0] })
    rig.client.send({ address: '/live/test', args: [] })
    await rig.tick(3)
    await arrived(rig.client, 1)
    expect(rig.client.inbox.map((m) => m.address)).toEqual(['/live/error'])
    const text = String(rig.client.inbox[0]?.args[0])
    expect(text.startsWith('Socket error: Traceback (most recent call last):\n')).toBe(true)
    expect(text.endsWith('\nOSError: [Errno 90] Message too long\n')).toBe(true)
    expect(rig.sim.queuedDatagrams).toBe(1)
    rig.client.clear()
    await rig.tick(1)
    await arrived(rig.client, 1)
    expect(summary(rig.client)).toEqual([['/live/test', 's', 'ok']])
  })

  it('bounds the receive queue, dropping the oldest datagrams', async () => {
    rig = await startAbletonOscRig({ maxQueuedDatagrams: 3 })
    await arrived(rig.client, 2)
    rig.client.clear()
    for (const tag of ['m0', 'm1', 'm2', 'm3', 'm4']) {
      rig.client.send({ address: '/live/song/get/tempo', types: 's', args: [tag] })
    }
    await waitUntil(() => rig!.sim.droppedDatagrams === 2, 'two dropped datagrams')
    await rig.tick(3)
    await arrived(rig.client, 3)
    expect(rig.client.inbox.map((m) => m.args[1])).toEqual(['m2', 'm3', 'm4'])
  })
})
