import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { exportStems } from '../src/export/exportStems.js'
import { type Rig, startRig } from './recordRig.js'

describe.each(['abletonosc', 'bridge'] as const)('exportStems on the %s simulator', (flavour) => {
  let rig: Rig
  beforeAll(async () => {
    rig = await startRig(flavour, 'default')
  })
  beforeEach(() => rig.sim.reset())
  afterAll(() => rig?.close())

  it('records one clip per stem on a resampling track and puts solos and arms back', async () => {
    const { live } = rig
    await live.track(2).arm.set(true)
    await live.track(3).solo.set(true)
    const result = await exportStems(live, { tracks: [0, '2-MIDI'], bars: 1 }, rig.context())
    expect(result.method).toBe('resample')
    expect(result.filesWritten).toBe(false)
    expect(result.resampleTrack).toBe(4)
    expect(result.stems.map((s) => [s.name, s.slot, s.lengthBeats])).toEqual([
      ['1-MIDI stem', 0, 4],
      ['2-MIDI stem', 1, 4],
    ])
    expect(result.notes.join('\n')).toContain('File > Export Audio/Video')
    const set = await live.sync({ notes: false, parameters: false })
    expect(set.tracks.map((t) => t.name)).toEqual(['1-MIDI', '2-MIDI', '3-Audio', '4-Audio', 'Stems'])
    expect(set.tracks[4]!.clipSlots.slice(0, 3).map((s) => s.clip?.name ?? null)).toEqual([
      '1-MIDI stem',
      '2-MIDI stem',
      null,
    ])
    expect(set.tracks.map((t) => t.solo)).toEqual([false, false, false, true, false])
    expect(set.tracks.map((t) => t.arm)).toEqual([false, false, true, false, false])
    expect(set.song.sessionRecord).toBe(false)
    expect(await live.track(4).inputRoutingType.get()).toBe('Resampling')
  })

  it('plans a dry run that sends nothing', async () => {
    const { plan } = await exportStems(rig.live, { tracks: 'all', bars: 2, dryRun: true })
    expect(plan.messages.filter((m) => m.address === '/live/track/set/solo').length).toBe(4)
    expect(await rig.live.song.numTracks.get()).toBe(4)
  })

  it('refuses an unknown track, listing the set', async () => {
    const error = await exportStems(rig.live, { tracks: ['Vocals'], bars: 1 }).then(
      () => new Error('expected a failure') as Error,
      (e: Error) => e,
    )
    expect(error.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: exportStems: option tracks = "Vocals" is not valid: no such track; the set has 0 '1-MIDI', 1 '2-MIDI', 2 '3-Audio', 3 '4-Audio'
        Nothing was sent to Live."
    `)
  })
})

describe('exportStems through the bridge', () => {
  let rig: Rig
  beforeAll(async () => {
    // The relay plays the bridge's export part (apps/m4l-bridge), which the simulator does not have.
    rig = await startRig('bridge', 'default', { fakeBridgeExport: true })
  })
  afterAll(() => rig?.close())

  it('asks the bridge for one WAV file per stem and adds no track', async () => {
    const { relayed: live } = rig
    await live.track(1).solo.set(true)
    const result = await exportStems(live, { tracks: [0, 2], bars: 2, folder: 'Out' }, rig.context())
    expect(result).toMatchObject({ method: 'bridge', filesWritten: true, resampleTrack: null })
    expect(result.stems.map((s) => s.file)).toEqual(['Out/1-MIDI stem.wav', 'Out/3-Audio stem.wav'])
    expect(rig.relay!.exports).toEqual(['Out/1-MIDI stem.wav', 'Out/3-Audio stem.wav'])
    expect(await live.song.numTracks.get()).toBe(4)
    const set = await live.sync({ notes: false, parameters: false })
    expect(set.tracks.map((t) => t.solo)).toEqual([false, true, false, false])
  })
})
