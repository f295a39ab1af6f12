import type { LiveError } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { scriptedPeer } from '../test/scriptedPeer.js'
import { createClient } from './createClient.js'

const echoGetter = (values: Record<string, number | string>) =>
  scriptedPeer((message, reply) => {
    const value = values[message.address]
    if (value !== undefined) reply({ address: message.address, args: [...message.args, value] })
  })

describe('createClient: request and reply', () => {
  it('reads and writes a song property with the catalogue types', async () => {
    const peer = scriptedPeer((message, reply) => {
      if (message.address === '/live/song/get/tempo') reply({ address: message.address, args: [120] })
    })
    const live = createClient({ transport: peer.transport })
    expect(await live.song.tempo.get()).toBe(120)
    await live.song.tempo.set(128)
    expect(peer.sent.at(-1)).toEqual({ address: '/live/song/set/tempo', types: 'f', args: [128] })
    await live.close()
  })

  it('matches track replies by their echoed index', async () => {
    const peer = echoGetter({ '/live/track/get/volume': 0.5 })
    const live = createClient({ transport: peer.transport })
    expect(await live.track(3).volume.get()).toBe(0.5)
    expect(peer.sent[0]).toEqual({ address: '/live/track/get/volume', types: 'i', args: [3] })
    await live.close()
  })

  it('resolves 200 concurrent requests for different objects with their own values, answered out of order', async () => {
    const held: (() => void)[] = []
    const peer = scriptedPeer((message, reply) => {
      const [track, clip] = message.args as number[]
      held.push(() => reply({ address: message.address, args: [track!, clip!, `clip ${track}/${clip}`] }))
      if (held.length === 200) for (const release of held.reverse()) release()
    })
    const live = createClient({ transport: peer.transport, maxInFlight: 256 })
    const ids = Array.from({ length: 200 }, (_, i) => [i % 8, Math.floor(i / 8)] as const)
    const names = await Promise.all(ids.map(([t, c]) => live.clip(t, c).name.get()))
    expect(names[0]).toBe('clip 0/0')
    expect(names[199]).toBe('clip 7/24')
    expect(names).toEqual(ids.map(([t, c]) => `clip ${t}/${c}`))
    await live.close()
  })

  it('keeps at most maxInFlight requests waiting and queues the rest', async () => {
    let peak = 0
    let waiting = 0
    const peer = scriptedPeer((message, reply) => {
      waiting++
      peak = Math.max(peak, waiting)
      setTimeout(() => {
        waiting--
        reply({ address: message.address, args: [...message.args, 'x'] })
      }, 1)
    })
    const live = createClient({ transport: peer.transport, maxInFlight: 4 })
    await Promise.all(Array.from({ length: 20 }, (_, i) => live.scene(i).name.get()))
    expect(peak).toBe(4)
    await live.close()
  })

  it('matches song bulk replies (no echo) first in, first out', async () => {
    const peer = scriptedPeer((message, reply) => {
      const [min, max] = message.args as number[]
      reply({ address: message.address, args: Array.from({ length: max! - min! }, (_, i) => `track ${min! + i}`) })
    })
    const live = createClient({ transport: peer.transport })
    const [a, b] = await Promise.all([
      live.request('/live/song/get/track_names', [0, 2]),
      live.request('/live/song/get/track_names', [2, 3]),
    ])
    expect(a).toEqual(['track 0', 'track 1'])
    expect(b).toEqual(['track 2'])
    await live.close()
  })

  it('matches song getters with extra arguments echoed after the value', async () => {
    const peer = scriptedPeer((message, reply) => {
      reply({ address: message.address, args: [message.args[0] === 'a' ? 100 : 200, ...message.args] })
    })
    const live = createClient({ transport: peer.transport })
    const [b, a] = await Promise.all([
      live.request('/live/song/get/tempo', ['b']),
      live.request('/live/song/get/tempo', ['a']),
    ])
    expect(a).toEqual([100, 'a'])
    expect(b).toEqual([200, 'b'])
    await live.close()
  })
})

describe('createClient: validation', () => {
  it('rejects out-of-range values with INVALID_ARGUMENTS and sends nothing', async () => {
    const peer = scriptedPeer()
    const live = createClient({ transport: peer.transport })
    const error = (await live
      .track(0)
      .volume.set(1.5)
      .catch((e: unknown) => e)) as LiveError
    expect(error.code).toBe('INVALID_ARGUMENTS')
    expect(error.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: /live/track/set/volume: argument 2 (volume) must be between 0 and 1, got 1.5
        Usage: /live/track/set/volume track_id:int volume:float"
    `)
    const wrongType = (await live.song.tempo.set('fast' as never).catch((e: unknown) => e)) as LiveError
    expect(wrongType.code).toBe('INVALID_ARGUMENTS')
    expect(peer.sent).toEqual([])
    await live.close()
  })
})
