import { describe, expect, it } from 'vitest'
import { scriptedPeer } from '../../test/scriptedPeer.js'
import { createClient } from '../createClient.js'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/** Plays AbletonOSC's listeners: start_listen answers the current value at once. */
function listeningPeer() {
  return scriptedPeer((message, reply) => {
    if (message.address === '/live/track/start_listen/volume') {
      reply({ address: '/live/track/get/volume', args: [message.args[0]!, 0.75] })
    }
    if (message.address === '/live/song/start_listen/tempo') reply({ address: '/live/song/get/tempo', args: [120] })
  })
}

describe('watch', () => {
  it('shares one start_listen between watchers; the last unwatch sends stop_listen', async () => {
    const peer = listeningPeer()
    const live = createClient({ transport: peer.transport })
    const a: number[] = []
    const b: number[] = []
    const unwatchA = live.track(2).volume.watch((v) => a.push(v))
    const unwatchB = live.track(2).volume.watch({ onValue: (v) => b.push(v) })
    await tick()
    peer.push({ address: '/live/track/get/volume', args: [2, 0.5] })
    peer.push({ address: '/live/track/get/volume', args: [3, 0.1] })
    await tick()
    expect(a).toEqual([0.75, 0.5])
    expect(b).toEqual([0.75, 0.5])
    unwatchA()
    await tick()
    expect(peer.sent.map((m) => m.address)).toEqual(['/live/track/start_listen/volume'])
    unwatchB()
    await tick()
    expect(peer.sent.map((m) => `${m.address} ${m.args.join(' ')}`)).toEqual([
      '/live/track/start_listen/volume 2',
      '/live/track/stop_listen/volume 2',
    ])
    await live.close()
  })

  it('subscribes again after /live/startup and tells server:startup handlers', async () => {
    const peer = listeningPeer()
    const live = createClient({ transport: peer.transport })
    const tempos: number[] = []
    let startups = 0
    const off = live.on('server:startup', () => startups++)
    live.song.tempo.watch((bpm) => tempos.push(bpm))
    await tick()
    peer.push({ address: '/live/startup', args: [] })
    peer.push({ address: '/live/application/get/average_process_usage', args: [] })
    await tick()
    off()
    peer.push({ address: '/live/startup', args: [] })
    await tick()
    expect(startups).toBe(1)
    expect(peer.sent.filter((m) => m.address === '/live/song/start_listen/tempo')).toHaveLength(3)
    expect(tempos).toEqual([120, 120, 120])
    await live.close()
  })

  it('iterates a watch with for await and unwatches on break', async () => {
    const peer = listeningPeer()
    const live = createClient({ transport: peer.transport })
    const seen: number[] = []
    setTimeout(() => peer.push({ address: '/live/song/get/tempo', args: [128] }), 10)
    for await (const bpm of live.song.tempo.values()) {
      seen.push(bpm)
      if (seen.length === 2) break
    }
    await tick()
    expect(seen).toEqual([120, 128])
    expect(peer.sent.map((m) => m.address)).toEqual(['/live/song/start_listen/tempo', '/live/song/stop_listen/tempo'])
    await live.close()
  })

  it('hands a refused start_listen to the watcher', async () => {
    const peer = scriptedPeer((message, reply) => {
      if (message.address.includes('start_listen')) {
        reply({
          address: '/live/error',
          args: ["Error handling OSC message: 'Song' object has no attribute 'add_can_undo_listener'"],
        })
      }
    })
    const live = createClient({ transport: peer.transport })
    const errors: string[] = []
    live.song.canUndo.watch({ onValue: () => {}, onError: (error) => errors.push(error.code) })
    await tick()
    expect(errors).toEqual(['LIVE_REJECTED'])
    await live.close()
  })
})
