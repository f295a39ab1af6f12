import { getEventListeners } from 'node:events'
import type { LiveError } from '@live/protocol'
import { describe, expect, it, vi } from 'vitest'
import { scriptedPeer } from '../../test/scriptedPeer.js'
import { createClient } from '../createClient.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

describe('timeouts', () => {
  it('fails every call with TIMEOUT when no server answers, and says how to fix it', async () => {
    const peer = scriptedPeer()
    const live = createClient({ transport: peer.transport, timeout: 20, retries: 0 })
    const lost: LiveError[] = []
    live.on('connection:lost', (error) => lost.push(error))
    const errors = await Promise.all([
      caught(live.song.tempo.get()),
      caught(live.track(0).volume.get()),
      caught(live.ping()),
      caught(live.sync()),
    ])
    expect(errors.map((e) => e?.code)).toEqual(['TIMEOUT', 'TIMEOUT', 'TIMEOUT', 'TIMEOUT'])
    expect(errors[0]?.message).toMatchInlineSnapshot(`
      "TIMEOUT: no reply to /live/song/get/tempo from memory peer within 20 ms
        Is Live running with AbletonOSC selected as a Control Surface (Preferences > Link, Tempo & MIDI)?
        Try \`live doctor\`."
    `)
    expect(lost).toHaveLength(1)
    await live.close()
  })

  it('retries idempotent reads, and only them', async () => {
    let asked = 0
    const peer = scriptedPeer((message, reply) => {
      if (message.address === '/live/song/get/tempo' && ++asked === 2) reply({ address: message.address, args: [99] })
    })
    const live = createClient({ transport: peer.transport, timeout: 20, retries: 2 })
    expect(await live.song.tempo.get()).toBe(99)
    expect(asked).toBe(2)
    const error = await caught(live.request('/live/song/export/structure', []))
    expect(error?.code).toBe('TIMEOUT')
    expect(peer.sent.filter((m) => m.address === '/live/song/export/structure')).toHaveLength(1)
    await live.close()
  })

  it('aborts with ABORTED, before sending or while waiting', async () => {
    const peer = scriptedPeer()
    const live = createClient({ transport: peer.transport, timeout: 5000 })
    const already = await caught(live.song.tempo.get({ signal: AbortSignal.abort() }))
    expect(already?.code).toBe('ABORTED')
    expect(peer.sent).toEqual([])
    const controller = new AbortController()
    const pending = caught(live.song.tempo.get({ signal: controller.signal }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    expect((await pending)?.code).toBe('ABORTED')
    await live.close()
  })

  it('listens once on a signal that many requests share, and lets go of it when they settle', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const peer = scriptedPeer((message, reply) => {
      if (message.address === '/live/track/get/volume')
        void held.then(() => reply({ address: message.address, args: [message.args[0]!, 0.5] }))
    })
    const live = createClient({ transport: peer.transport, timeout: 5000 })
    const answered = new AbortController()
    const reads = Array.from({ length: 100 }, (_, i) => live.track(i).volume.get({ signal: answered.signal }))
    await vi.waitUntil(() => peer.sent.length > 0)
    expect(getEventListeners(answered.signal, 'abort')).toHaveLength(1)
    release()
    expect(await Promise.all(reads)).toEqual(Array.from({ length: 100 }, () => 0.5))
    expect(getEventListeners(answered.signal, 'abort')).toHaveLength(0)

    const aborted = new AbortController()
    const pending = Array.from({ length: 100 }, (_, i) => caught(live.track(i).mute.get({ signal: aborted.signal })))
    await vi.waitUntil(() => peer.sent.some((message) => message.address === '/live/track/get/mute'))
    expect(getEventListeners(aborted.signal, 'abort')).toHaveLength(1)
    aborted.abort()
    expect((await Promise.all(pending)).map((error) => error?.code)).toEqual(
      Array.from({ length: 100 }, () => 'ABORTED'),
    )
    expect(getEventListeners(aborted.signal, 'abort')).toHaveLength(0)
    await live.close()
  })

  it('fails what is pending with NOT_CONNECTED on close', async () => {
    const peer = scriptedPeer()
    const live = createClient({ transport: peer.transport, timeout: 5000 })
    const pending = caught(live.song.tempo.get())
    await new Promise((resolve) => setTimeout(resolve, 5))
    await live.close()
    expect((await pending)?.code).toBe('NOT_CONNECTED')
  })
})

describe('/live/error attribution', () => {
  it('blames the only request in flight, with Live text', async () => {
    const peer = scriptedPeer((_message, reply) => {
      reply({ address: '/live/error', args: ['Error handling OSC message: Index out of range'] })
    })
    const live = createClient({ transport: peer.transport })
    const error = await caught(live.clipSlot(0, 99).hasClip.get())
    expect(error?.code).toBe('LIVE_REJECTED')
    expect(error?.message).toMatchInlineSnapshot(`
      "LIVE_REJECTED: Live refused /live/clip_slot/get/has_clip: Error handling OSC message: Index out of range
        Check the indices: the track, clip slot, scene or device may not exist."
    `)
    await live.close()
  })

  it('blames the oldest request whose address the text names, among many', async () => {
    const peer = scriptedPeer((message, reply) => {
      if (message.address === '/live/song/get/tempo') reply({ address: message.address, args: [120] })
    })
    const live = createClient({ transport: peer.transport, timeout: 2000 })
    const tempo = live.song.tempo.get()
    const foo = caught(live.request('/live/track/get/name', [0]))
    const other = live.request('/live/track/get/name', [1])
    await new Promise((resolve) => setTimeout(resolve, 5))
    peer.push({ address: '/live/error', args: ['Unknown OSC address: /live/track/get/name'] })
    expect((await foo)?.code).toBe('LIVE_REJECTED')
    peer.push({ address: '/live/track/get/name', args: [1, 'Bass'] })
    expect(await other).toEqual([1, 'Bass'])
    expect(await tempo).toBe(120)
    await live.close()
  })

  it('does not report an error twice when its request, retried alone, is refused again', async () => {
    // Track 0's first reply is lost; track 5 does not exist. The first refusal comes while both wait,
    // so it names no one; the retries tell them apart, and the caller of track 5 gets the refusal.
    let asked0 = 0
    const peer = scriptedPeer((message, reply) => {
      if (message.address !== '/live/track/get/name') return
      if (message.args[0] === 5)
        reply({ address: '/live/error', args: ['Error handling OSC message: Index out of range'] })
      else if (++asked0 === 2) reply({ address: message.address, args: [0, 'Drums'] })
    })
    const live = createClient({ transport: peer.transport, timeout: 30, retries: 2 })
    const events: LiveError[] = []
    live.on('error', (error) => events.push(error))
    const drums = live.track(0).name.get()
    const missing = caught(live.track(5).name.get())
    expect(await drums).toBe('Drums')
    const refused = await missing
    expect(refused?.code).toBe('LIVE_REJECTED')
    expect(refused?.message).toContain('/live/track/get/name: Error handling OSC message: Index out of range')
    expect(events).toEqual([])
    await live.close()
  })

  it('surfaces an error it cannot attribute as an error event', async () => {
    const peer = scriptedPeer()
    const live = createClient({ transport: peer.transport, timeout: 30, retries: 0 })
    const events: LiveError[] = []
    live.on('error', (error) => events.push(error))
    const a = caught(live.track(0).name.get())
    const b = caught(live.track(1).name.get())
    await new Promise((resolve) => setTimeout(resolve, 5))
    peer.push({ address: '/live/error', args: ['Error handling OSC message: list index out of range'] })
    expect((await a)?.code).toBe('TIMEOUT')
    expect((await b)?.code).toBe('TIMEOUT')
    expect(events.map((e) => e.message)).toMatchInlineSnapshot(`
      [
        "LIVE_REJECTED: Live: Error handling OSC message: list index out of range
        The request that caused it could not be told apart from others in flight.",
      ]
    `)
    await live.close()
  })
})
