import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LiveServer, startLiveServer } from './liveServer.js'

describe('parameter names cached by the client go stale with the set’s shape, and are dropped then', () => {
  let server: LiveServer
  beforeAll(async () => {
    server = await startLiveServer('bridge', 'demo')
  })
  afterAll(() => server?.close())

  it('reads the right parameter by name on return/0 after return 0 was deleted', async () => {
    const { live, sim } = server
    // The demo's returns: A-Reverb (Dry/Wet is parameter 7) and B-Delay (Dry/Wet is parameter 6).
    const dryWet = live.device('return/0', 0).parameter('Dry/Wet')
    expect(await dryWet.index()).toBe(7)
    sim.model.set('live_set return_tracks 1 devices 0 parameters 6', 'value', 0.25)
    await live.song.deleteReturnTrack(0)
    expect(await live.device('return/0', 0).name.get()).toBe('Delay')
    expect(await dryWet.index()).toBe(6)
    expect(await dryWet.get()).toBe(0.25)
  })
})
