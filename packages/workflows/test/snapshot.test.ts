import { dbToVolume, isLiveError, type LiveError } from '@live/protocol'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { describeDiff } from '../src/snapshot/describeDiff.js'
import { diffSnapshots } from '../src/snapshot/diffSnapshots.js'
import { restoreSnapshot } from '../src/snapshot/restoreSnapshot.js'
import { snapshotSchema } from '../src/snapshot/snapshotSchema.js'
import { takeSnapshot } from '../src/snapshot/takeSnapshot.js'
import { type Rig, startRig } from './recordRig.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

describe.each(['abletonosc', 'bridge'] as const)('snapshots on the %s simulator (demo set)', (flavour) => {
  let rig: Rig
  beforeAll(async () => {
    rig = await startRig(flavour, 'demo')
  })
  beforeEach(() => rig.sim.reset())
  afterAll(() => rig?.close())

  it('takes a versioned snapshot of the whole set', async () => {
    const snapshot = await takeSnapshot(rig.live)
    expect(snapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot)
    expect(snapshot.format).toBe('live-snapshot')
    expect(snapshot.version).toBe(1)
    expect(snapshot.server.kind).toBe(flavour)
    expect(snapshot.set.tracks.map((t) => t.name)).toEqual(['Drums', 'Bass', 'Keys', 'Pad', 'FX'])
    expect(snapshot.set.song.tempo).toBe(124)
    expect(diffSnapshots(snapshot, await takeSnapshot(rig.live))).toEqual([])
  })

  it('describes a diff in words', async () => {
    const live = rig.live
    await live.track(1).volume.set(dbToVolume(-6))
    await live.track(2).panning.set(0)
    const before = await takeSnapshot(live)
    const hook = before.set.tracks[0]!.clipSlots.find((s) => s.clip?.isMidi === true)!
    await live.track(1).volume.set(dbToVolume(-3.5))
    await live.track(2).panning.set(-0.5)
    await live.track(3).mute.set(true)
    await live.scene(3).name.set('Chorus')
    await live.song.tempo.set(128)
    const notes = [60, 62, 64, 65].map((pitch, i) => ({
      pitch,
      start: 8 + i,
      duration: 0.5,
      velocity: 100,
      mute: false,
    }))
    await live.clip(0, hook.index).notes.add(notes)
    const after = await takeSnapshot(live)
    const changes = diffSnapshots(before, after)
    expect(changes.map((c) => c.path)).toEqual([
      'song.tempo',
      `tracks[0].clipSlots[${hook.index}].clip.notes`,
      'tracks[1].volume',
      'tracks[2].panning',
      'tracks[3].mute',
      'scenes[3].name',
    ])
    expect(changes[2]).toMatchObject({ kind: 'changed', subject: "Track 1 'Bass'" })
    expect(describeDiff(changes).map((line) => line.replace(/'[^']*' renamed/, 'renamed'))).toEqual([
      'Song: tempo 124 → 128 BPM',
      `Clip 0/${hook.index} '${hook.clip!.name}': 4 notes added`,
      "Track 1 'Bass': volume -6.0 dB → -3.5 dB",
      "Track 2 'Keys': pan C → 25L",
      "Track 3 'Pad': muted",
      `Scene 3 renamed '${before.set.scenes[3]!.name}' → 'Chorus'`,
    ])
  })

  it('restores many changes and reads them back', async () => {
    const live = rig.live
    const snapshot = await takeSnapshot(live)
    const midi = snapshot.set.tracks[1]!.clipSlots.find((s) => s.clip?.isMidi === true)!
    await live.song.tempo.set(90)
    await live.track(0).volume.set(0.3)
    await live.track(1).name.set('Sub')
    await live.track(2).mute.set(true)
    await live.track(3).solo.set(true)
    await live.scene(0).name.set('Renamed')
    await live.device(0, 0).parameter(1).set(100)
    await live.clip(1, midi.index).notes.remove()
    const result = await restoreSnapshot(live, snapshot, {}, rig.context())
    expect(result).toEqual({ applied: 8, retried: 0, failed: [] })
    expect(diffSnapshots(snapshot, await takeSnapshot(live))).toEqual([])
  })

  it('reports what it cannot restore instead of failing silently', async () => {
    const live = rig.live
    const snapshot = await takeSnapshot(live, { notes: false })
    await live.song.deleteTrack(4)
    await live.track(0).name.set('Beats')
    const result = await restoreSnapshot(live, snapshot)
    expect(result.applied).toBe(1)
    expect(result.failed).toEqual([
      { path: 'tracks[4]', reason: "Track 4 'FX' no longer exists: restore does not create tracks" },
    ])
    expect(await live.track(0).name.get()).toBe('Drums')
  })

  it('matches tracks and scenes by name after a deletion, so their neighbours keep their own state', async () => {
    const live = rig.live
    const snapshot = await takeSnapshot(live, { notes: false })
    const pad = snapshot.set.tracks[3]!
    const scenes = snapshot.set.scenes.map((scene) => scene.name)
    await live.track(3).volume.set(0.2)
    await live.song.deleteTrack(1)
    await live.song.deleteScene(2)
    const now = await takeSnapshot(live, { notes: false })
    expect(diffSnapshots(snapshot, now).map(({ path, kind, subject }) => [path, kind, subject])).toEqual([
      ['tracks[1]', 'removed', "Track 1 'Bass'"],
      ['tracks[3].volume', 'changed', "Track 3 'Pad'"],
      ['scenes[2]', 'removed', `Scene 2 '${scenes[2]}'`],
    ])

    const result = await restoreSnapshot(live, snapshot)
    expect(result).toEqual({
      applied: 1,
      retried: 0,
      failed: [
        { path: 'tracks[1]', reason: "Track 1 'Bass' no longer exists: restore does not create tracks" },
        { path: 'scenes[2]', reason: `Scene 2 '${scenes[2]}' no longer exists: restore does not create scenes` },
      ],
    })
    expect(await Promise.all([0, 1, 2, 3].map((t) => live.track(t).name.get()))).toEqual(['Drums', 'Keys', 'Pad', 'FX'])
    expect(await live.track(2).volume.get()).toBeCloseTo(pad.volume, 5)
    expect(await Promise.all(scenes.slice(0, -1).map((_, i) => live.scene(i).name.get()))).toEqual(
      scenes.filter((_, i) => i !== 2),
    )
  })

  it('plans a dry run and sends nothing', async () => {
    const live = rig.live
    const snapshot = await takeSnapshot(live, { notes: false, parameters: false })
    await live.track(0).mute.set(true)
    const { plan } = await restoreSnapshot(live, snapshot, { dryRun: true })
    expect(plan.messages.map((m) => [m.address, ...m.args])).toEqual([['/live/track/set/mute', 0, false]])
    expect(await live.track(0).mute.get()).toBe(true)
  })
})

describe('snapshot options and versions', () => {
  let rig: Rig
  beforeAll(async () => {
    rig = await startRig('bridge')
  })
  afterAll(() => rig?.close())

  it('refuses bad options, naming the option, value and valid range', async () => {
    const snapshot = await takeSnapshot(rig.live)
    const error = await caught(restoreSnapshot(rig.live, snapshot, { retries: 99 }))
    expect(isLiveError(error, 'INVALID_ARGUMENTS')).toBe(true)
    expect(error?.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: restoreSnapshot: option retries = 99 is not valid: expected a whole number of rounds from 0 to 20
        Nothing was sent to Live."
    `)
    const notes = await caught(takeSnapshot(rig.live, { notes: 'yes' as never }))
    expect(notes?.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: takeSnapshot: option notes = "yes" is not valid: expected a boolean
        Nothing was sent to Live."
    `)
  })

  it('refuses a snapshot from a future version with a clear message', async () => {
    const snapshot = await takeSnapshot(rig.live, { notes: false, parameters: false })
    const result = snapshotSchema.safeParse({ ...snapshot, version: 2 })
    expect(result.error?.issues[0]?.message).toMatchInlineSnapshot(
      `"snapshot version 2 was written by a newer @live/workflows; this one reads version 1: upgrade @live/workflows"`,
    )
    const error = await caught(restoreSnapshot(rig.live, { ...snapshot, version: 2 as 1 }))
    expect(error?.code).toBe('INVALID_ARGUMENTS')
  })
})
