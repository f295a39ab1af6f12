import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LiveServer, startLiveServer } from './liveServer.js'

// CONTRIBUTING.md's worked example: one catalogue line gives the typed client a new property.
describe('an extension property through the typed client: live.returnTrack(r).crossfadeAssign', () => {
  let server: LiveServer
  beforeAll(async () => {
    server = await startLiveServer('bridge', 'demo')
  })
  afterAll(() => server?.close())

  it('reads, sets and watches it on the bridge', async () => {
    const { live, sim } = server
    const side = live.returnTrack(1).crossfadeAssign
    expect(await side.get()).toBe(1)
    const seen: number[] = []
    const unwatch = side.watch((value) => seen.push(value))
    await expect.poll(() => seen).toEqual([1])
    await side.set(2)
    await expect.poll(() => seen).toEqual([1, 2])
    expect(sim.model.get('live_set return_tracks 1 mixer_device', 'crossfade_assign')).toBe(2)
    unwatch()
  })

  it('refuses a side out of 0..2 without sending it', async () => {
    // A round trip first, so what the previous test left in flight (its stop_listen) has arrived.
    expect(await server.live.song.tempo.get()).toBe(124)
    const sent = server.sim.receivedDatagrams
    await expect(server.live.returnTrack(0).crossfadeAssign.set(3)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
      shortMessage: '/live/return/set/crossfade_assign: argument 2 (crossfade_assign) must be between 0 and 2, got 3',
    })
    // One round trip later, the server has received that getter alone.
    expect(await server.live.song.tempo.get()).toBe(124)
    expect(server.sim.receivedDatagrams).toBe(sent + 1)
    expect(server.sim.model.get('live_set return_tracks 0 mixer_device', 'crossfade_assign')).toBe(1)
  })
})
