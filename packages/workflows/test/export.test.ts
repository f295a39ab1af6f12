import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LiveError } from '@live/protocol'
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
  let folder: string
  beforeAll(async () => {
    // The bridge flavour serves the device's export addresses, writing (silent) files into this folder.
    folder = await mkdtemp(join(tmpdir(), 'live-stems-'))
    rig = await startRig('bridge', 'default', undefined, { exportFolder: folder })
  })
  afterAll(async () => {
    await rig?.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('asks the bridge for one WAV file per stem, each as long as the bars asked, and adds no track', async () => {
    const { live } = rig
    await live.track(1).solo.set(true)
    await live.song.tempo.set(240)
    const result = await exportStems(live, { tracks: [0, 2], bars: 2, folder: 'Out', method: 'bridge' }, rig.context())
    expect(result).toMatchObject({ method: 'bridge', filesWritten: true, resampleTrack: null })
    expect(result.stems.map((s) => s.file)).toEqual([`${folder}/Out/1-MIDI stem.wav`, `${folder}/Out/3-Audio stem.wav`])
    expect(result.notes).toContain(`The Max for Live bridge wrote 2 WAV file(s) to '${folder}/Out'.`)
    expect((await readdir(join(folder, 'Out'))).sort()).toEqual(['1-MIDI stem.wav', '3-Audio stem.wav'])
    // 2 bars of 4/4 at 240 BPM: 2 s of 16-bit stereo at 44.1 kHz, from bar 1.
    for (const stem of result.stems) {
      const wav = await readFile(stem.file!)
      expect(wav.readUInt32LE(40)).toBe(2 * 44_100 * 4)
    }
    expect(await live.song.numTracks.get()).toBe(4)
    const set = await live.sync({ notes: false, parameters: false })
    expect(set.tracks.map((t) => t.solo)).toEqual([false, true, false, false])
    expect(set.song.isPlaying).toBe(false)
  })

  it('says what is wrong when the bridge refuses the folder, and writes nothing', async () => {
    const error = await exportStems(
      rig.live,
      { tracks: [0], bars: 1, folder: '../elsewhere', method: 'bridge' },
      rig.context(),
    ).then(
      () => undefined,
      (e: LiveError) => e,
    )
    expect(error?.code).toBe('LIVE_REJECTED')
    expect(error?.message).toContain(
      `/live/bridge/export/start: export path ../elsewhere/1-MIDI stem.wav is outside the export folder ${folder}`,
    )
  })
})

describe('exportStems on the bridge with no export folder set', () => {
  let rig: Rig
  beforeAll(async () => {
    rig = await startRig('bridge', 'default')
  })
  afterAll(() => rig?.close())

  it('fails with UNSUPPORTED and what to set when the bridge method is asked for', async () => {
    const error = await exportStems(rig.live, { tracks: [0], bars: 1, method: 'bridge' }, rig.context()).then(
      () => undefined,
      (e: LiveError) => e,
    )
    expect(error?.code).toBe('UNSUPPORTED')
    expect(error?.message).toMatchInlineSnapshot(`
      "UNSUPPORTED: the bridge cannot write Stems/1-MIDI stem.wav: no export folder is set in it
        Type a folder into the @live bridge device (or start the simulator with --flavour bridge --export-folder DIR)."
    `)
  })
})
