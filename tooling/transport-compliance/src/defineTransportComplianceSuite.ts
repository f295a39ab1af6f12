import { isLiveError, type LiveError, type OscMessage, type OscPacket, type Transport } from '@live/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { waitFor } from './waitFor.js'

/** The far end of a transport under test: plays the server. */
export interface CompliancePeer {
  /** Sends a packet to the transport, as a server would. */
  send(packet: OscPacket): Promise<void>
  /** Sends raw bytes to the transport (garbage, to provoke DECODE_FAILED). */
  sendRaw(bytes: Uint8Array): Promise<void>
  /** Every message the peer received from the transport so far, decoded, bundles flattened, in order. */
  readonly received: readonly OscMessage[]
  /** Releases the peer's resources. */
  close(): Promise<void>
}

/** A transport (not yet opened) and a peer wired to it. */
export interface CompliancePair {
  /** The transport under test. */
  readonly transport: Transport
  /** The peer it talks to. */
  readonly peer: CompliancePeer
}

/** What {@link defineTransportComplianceSuite} needs. */
export interface TransportComplianceOptions {
  /** The implementation's name, e.g. `udp()`. */
  readonly name: string
  /** Makes a fresh pair for each check. */
  readonly makePair: () => Promise<CompliancePair>
  /** Checks, after close(), that the transport let go of what it held (e.g. its reply port binds again). */
  readonly assertReleased?: ((pair: CompliancePair) => Promise<void>) | undefined
}

const burstSize = 200

/**
 * Registers the checks every Transport must pass, as a vitest `describe` block.
 *
 * @example
 * defineTransportComplianceSuite({ name: 'memory()', makePair: async () => memoryPair() })
 */
export function defineTransportComplianceSuite(options: TransportComplianceOptions): void {
  describe(`Transport compliance: ${options.name}`, () => {
    const pairs: CompliancePair[] = []
    async function pair(): Promise<CompliancePair> {
      const made = await options.makePair()
      pairs.push(made)
      return made
    }
    async function opened(): Promise<CompliancePair & { messages: OscMessage[]; errors: LiveError[] }> {
      const made = await pair()
      const messages: OscMessage[] = []
      const errors: LiveError[] = []
      made.transport.onMessage((message) => messages.push(message))
      made.transport.onError((error) => errors.push(error))
      await made.transport.open()
      return { ...made, messages, errors }
    }

    afterEach(async () => {
      for (const made of pairs.splice(0)) {
        await made.transport.close()
        await made.peer.close()
      }
    })

    it('open() and close() are idempotent', async () => {
      const { transport } = await pair()
      await Promise.all([transport.open(), transport.open()])
      await transport.open()
      await Promise.all([transport.close(), transport.close()])
      await transport.close()
      expect(typeof transport.description).toBe('string')
    })

    it('send() before open() and after close() rejects with NOT_CONNECTED', async () => {
      const { transport } = await pair()
      const message = { address: '/live/test', args: [] }
      await expect(transport.send(message)).rejects.toSatisfy((e) => isLiveError(e, 'NOT_CONNECTED'))
      await transport.open()
      await transport.close()
      await expect(transport.send(message)).rejects.toSatisfy((e) => isLiveError(e, 'NOT_CONNECTED'))
    })

    it('send() rejects an unencodable value with ENCODE_FAILED', async () => {
      const { transport } = await opened()
      const bad = { address: '/live/track/set/volume', types: 'if', args: ['zero', 0.5] }
      await expect(transport.send(bad)).rejects.toSatisfy((e) => isLiveError(e, 'ENCODE_FAILED'))
    })

    it('sends messages to the peer in order, with their types', async () => {
      const { transport, peer } = await opened()
      await transport.send({ address: '/live/track/get/volume', args: [3] })
      await transport.send({ address: '/live/track/set/volume', args: [3, 0.5] })
      await transport.send({ address: '/live/song/set/tempo', types: 'f', args: [120] })
      await waitFor(
        () => peer.received.length >= 3,
        'the peer to receive 3 messages',
        () => peer.received,
      )
      expect(peer.received).toEqual([
        { address: '/live/track/get/volume', types: 'i', args: [3] },
        { address: '/live/track/set/volume', types: 'if', args: [3, 0.5] },
        { address: '/live/song/set/tempo', types: 'f', args: [120] },
      ])
    })

    it('delivers messages from the peer decoded and in order', async () => {
      const { peer, messages } = await opened()
      await peer.send({ address: '/live/song/get/tempo', args: [120.5] })
      await peer.send({ address: '/live/song/get/is_playing', args: [true] })
      await peer.send({ address: '/live/clip/get/name', args: [0, 1, 'Bass', null, false] })
      await waitFor(
        () => messages.length >= 3,
        'the transport to receive 3 messages',
        () => messages,
      )
      expect(messages).toEqual([
        { address: '/live/song/get/tempo', types: 'f', args: [120.5] },
        { address: '/live/song/get/is_playing', types: 'T', args: [true] },
        { address: '/live/clip/get/name', types: 'iisNF', args: [0, 1, 'Bass', null, false] },
      ])
    })

    it('flattens bundles, nested ones too, in order', async () => {
      const { peer, messages } = await opened()
      const now = { seconds: 0, fraction: 1 }
      await peer.send({
        timeTag: now,
        elements: [
          { address: '/a', args: [1] },
          {
            timeTag: now,
            elements: [
              { address: '/b', args: [2] },
              { address: '/c', args: [3] },
            ],
          },
          { address: '/d', args: [4] },
        ],
      })
      await waitFor(
        () => messages.length >= 4,
        'the 4 messages of the bundle',
        () => messages,
      )
      expect(messages.map((m) => `${m.address} ${m.args.join(',')}`)).toEqual(['/a 1', '/b 2', '/c 3', '/d 4'])
    })

    it('stops calling a handler once it is unsubscribed', async () => {
      const { transport, peer, messages } = await opened()
      const unsubscribed: OscMessage[] = []
      const unsubscribe = transport.onMessage((message) => unsubscribed.push(message))
      await peer.send({ address: '/first', args: [] })
      await waitFor(
        () => messages.length >= 1,
        '/first',
        () => messages,
      )
      unsubscribe()
      await peer.send({ address: '/second', args: [] })
      await waitFor(
        () => messages.length >= 2,
        '/second',
        () => messages,
      )
      expect(unsubscribed.map((m) => m.address)).toEqual(['/first'])
      expect(messages.map((m) => m.address)).toEqual(['/first', '/second'])
    })

    it('reports a garbage packet as DECODE_FAILED and keeps working', async () => {
      const { peer, messages, errors } = await opened()
      await peer.sendRaw(new Uint8Array([0x2f, 0x78, 0x00, 0x00, 0x2c, 0x69, 0x00, 0x00, 0x01]))
      await waitFor(
        () => errors.length >= 1,
        'a DECODE_FAILED error',
        () => errors,
      )
      expect(errors.map((e) => e.code)).toEqual(['DECODE_FAILED'])
      await peer.send({ address: '/live/test', args: ['ok'] })
      await waitFor(
        () => messages.length >= 1,
        '/live/test after the garbage',
        () => messages,
      )
      expect(messages).toEqual([{ address: '/live/test', types: 's', args: ['ok'] }])
    })

    it(`delivers a burst of ${burstSize} messages each way, all of them, in order`, async () => {
      const { transport, peer, messages } = await opened()
      const indices = Array.from({ length: burstSize }, (_, i) => i)
      await Promise.all(indices.map((i) => transport.send({ address: '/burst/out', args: [i] })))
      await waitFor(
        () => peer.received.length >= burstSize,
        `${burstSize} messages at the peer`,
        () => peer.received.length,
      )
      expect(peer.received.map((m) => m.args[0])).toEqual(indices)
      await Promise.all(indices.map((i) => peer.send({ address: '/burst/in', args: [i] })))
      await waitFor(
        () => messages.length >= burstSize,
        `${burstSize} messages at the transport`,
        () => messages.length,
      )
      expect(messages.map((m) => m.args[0])).toEqual(indices)
    })

    it('releases everything on close() and can be opened again', async () => {
      const made = await pair()
      await made.transport.open()
      await made.transport.close()
      await options.assertReleased?.(made)
      const messages: OscMessage[] = []
      made.transport.onMessage((message) => messages.push(message))
      await made.transport.open()
      await made.peer.send({ address: '/again', args: [] })
      await waitFor(
        () => messages.length >= 1,
        '/again after reopening',
        () => messages,
      )
      expect(messages.map((m) => m.address)).toEqual(['/again'])
    })
  })
}
