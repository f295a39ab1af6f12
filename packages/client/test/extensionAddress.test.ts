import { isLiveError, type LiveError } from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LiveServer, startLiveServer } from './liveServer.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

// CONTRIBUTING.md's worked example: one catalogue line gives the typed client a new property.
describe('an extension property through the typed client: live.returnTrack(r).crossfadeAssign', () => {
  let bridge: LiveServer
  let abletonosc: LiveServer
  beforeAll(async () => {
    bridge = await startLiveServer('bridge', 'demo')
    abletonosc = await startLiveServer('abletonosc', 'demo')
  })
  afterAll(async () => {
    await bridge?.close()
    await abletonosc?.close()
  })

  it('reads, sets and watches it on the bridge', async () => {
    const { live, sim } = bridge
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

  it('refuses a side out of 0..2 before sending, and AbletonOSC with UNSUPPORTED', async () => {
    const bad = await caught(bridge.live.returnTrack(0).crossfadeAssign.set(3))
    expect(isLiveError(bad) && bad.code).toBe('INVALID_ARGUMENTS')
    expect(bad?.shortMessage).toMatchInlineSnapshot(
      `"/live/return/set/crossfade_assign: argument 2 (crossfade_assign) must be between 0 and 2, got 3"`,
    )
    const refused = await caught(abletonosc.live.returnTrack(0).crossfadeAssign.get())
    expect(refused?.shortMessage).toMatchInlineSnapshot(
      `"return tracks (/live/return/get/crossfade_assign) need the bridge; the server answering is AbletonOSC"`,
    )
  })
})
