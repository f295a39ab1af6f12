import { describe, expect, it } from 'vitest'
import { isLiveError } from '../errors/liveError.js'
import type { DecodedOscMessage, OscMessage } from '../osc/types.js'
import { createMemoryLink, memory } from './memory.js'

function collect(transport: { onMessage(handler: (message: OscMessage) => void): () => void }): OscMessage[] {
  const messages: OscMessage[] = []
  transport.onMessage((message) => messages.push(message))
  return messages
}

describe('createMemoryLink', () => {
  it('carries client messages to the server through the codec, with inferred types', async () => {
    const { client, server } = createMemoryLink()
    const seen: DecodedOscMessage[] = []
    server.onMessage((message) => seen.push(message))
    await client.open()
    await client.send({ address: '/live/track/set/volume', args: [1, 0.5] })
    expect(seen).toEqual([{ address: '/live/track/set/volume', types: 'if', args: [1, 0.5] }])
    expect(server.received).toEqual(seen)
  })

  it('delivers server packets to the client decoded, bundles flattened, from the named peer', async () => {
    const { client, server } = createMemoryLink({ name: 'live' })
    const sources: string[] = []
    client.onMessage((_message, source) => sources.push(`${source.address}:${source.port}`))
    const messages = collect(client)
    await client.open()
    await server.send({
      timeTag: { seconds: 0, fraction: 1 },
      elements: [
        { address: '/live/song/get/tempo', args: [120] },
        { address: '/live/song/get/is_playing', args: [true] },
      ],
    })
    expect(messages).toEqual([
      { address: '/live/song/get/tempo', types: 'i', args: [120] },
      { address: '/live/song/get/is_playing', types: 'T', args: [true] },
    ])
    expect(sources).toEqual(['live:0', 'live:0'])
  })

  it('rejects send before open and after close with NOT_CONNECTED', async () => {
    const { client } = createMemoryLink()
    await expect(client.send({ address: '/live/test', args: [] })).rejects.toSatisfy((e) =>
      isLiveError(e, 'NOT_CONNECTED'),
    )
    await client.open()
    await client.close()
    await expect(client.send({ address: '/live/test', args: [] })).rejects.toSatisfy((e) =>
      isLiveError(e, 'NOT_CONNECTED'),
    )
  })

  it('reports garbage from the server as DECODE_FAILED and keeps working', async () => {
    const { client, server } = createMemoryLink()
    const codes: string[] = []
    client.onError((error) => codes.push(error.code))
    const messages = collect(client)
    await client.open()
    await server.sendRaw(new Uint8Array([1, 2, 3]))
    await server.send({ address: '/live/test', args: ['ok'] })
    expect(codes).toEqual(['DECODE_FAILED'])
    expect(messages).toEqual([{ address: '/live/test', types: 's', args: ['ok'] }])
  })
})

describe('memory', () => {
  it('answers through the responder', async () => {
    const transport = memory((message, reply) => {
      if (message.address === '/live/song/get/tempo') reply({ address: message.address, args: [128.5] })
    })
    const messages = collect(transport)
    await transport.open()
    await transport.send({ address: '/live/song/get/tempo', args: [] })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(messages).toEqual([{ address: '/live/song/get/tempo', types: 'f', args: [128.5] }])
    expect(transport.replyRouting).toBe('memory')
  })
})
