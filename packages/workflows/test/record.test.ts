import { isLiveError } from '@live/protocol'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { recordClip } from '../src/record/recordClip.js'
import { type Rig, startRig } from './recordRig.js'

describe.each(['abletonosc', 'bridge'] as const)('recordClip on the %s simulator', (flavour) => {
  let rig: Rig
  beforeAll(async () => {
    rig = await startRig(flavour, 'default')
  })
  beforeEach(() => rig.sim.reset())
  afterAll(() => rig?.close())

  it('resamples 2 bars into a new audio track, then disarms it', async () => {
    const { live } = rig
    await live.track(2).arm.set(true)
    const take = await recordClip(live, { track: 'new-audio', bars: 2, resample: true, name: 'Bounce' }, rig.context())
    expect(take).toEqual({ track: 4, slot: 0, clipName: 'Bounce', lengthBeats: 8 })
    expect(await live.song.numTracks.get()).toBe(5)
    expect(await live.track(4).inputRoutingType.get()).toBe('Resampling')
    expect(await live.clip(4, 0).name.get()).toBe('Bounce')
    expect(await live.clip(4, 0).length.get()).toBe(8)
    expect(await live.track(4).arm.get()).toBe(false)
    expect(await live.track(2).arm.get()).toBe(true)
    expect(await live.song.sessionRecord.get()).toBe(false)
  })

  it('plans a dry run without sending anything', async () => {
    const { plan } = await recordClip(rig.live, { track: 3, bars: 1, dryRun: true })
    expect(plan.messages.map((m) => m.address)).toContain('/live/song/trigger_session_record')
    expect(await rig.live.song.numTracks.get()).toBe(4)
  })

  it('stops cleanly on abort, removing the track it created', async () => {
    const controller = new AbortController()
    const context = rig.context(controller.signal)
    const running = recordClip(
      rig.live,
      { track: 'new-midi', bars: 64 },
      {
        ...context,
        onProgress: (p) => {
          if (p.phase === 'recording') controller.abort()
        },
      },
    ).catch((error: unknown) => error)
    const error = await running
    expect(isLiveError(error, 'ABORTED')).toBe(true)
    expect(await rig.live.song.numTracks.get()).toBe(4)
    expect(await rig.live.song.sessionRecord.get()).toBe(false)
  })

  it('refuses a bad option with the valid range', async () => {
    const error = await recordClip(rig.live, { bars: 0 }).then(
      () => new Error('expected a failure') as Error,
      (e: Error) => e,
    )
    expect(error.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: recordClip: option bars = 0 is not valid: expected a whole number of bars from 1 to 1024
        Nothing was sent to Live."
    `)
  })
})
