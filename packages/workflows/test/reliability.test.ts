import type { LiveClient } from '@live/client'
import { describe, expect, it } from 'vitest'
import { diffSnapshots } from '../src/snapshot/diffSnapshots.js'
import { restoreSnapshot } from '../src/snapshot/restoreSnapshot.js'
import type { Snapshot } from '../src/snapshot/snapshotSchema.js'
import { takeSnapshot } from '../src/snapshot/takeSnapshot.js'
import { startRig } from './recordRig.js'

/** Changes volumes, names, mutes, solos, sends, tempo, parameters, scenes and notes; returns how many. */
async function changeMany(live: LiveClient, snapshot: Snapshot): Promise<number> {
  const { tracks } = snapshot.set
  for (const track of tracks) {
    await live.track(track.index).volume.set(0.2 + track.index / 10)
    await live.track(track.index).name.set(`${track.name} (edited)`)
    await live.track(track.index).mute.set(!track.mute)
    await live.track(track.index).panning.set(track.index % 2 === 0 ? -0.4 : 0.4)
    if (track.sends.length > 0) await live.track(track.index).send(0).set(0.5)
  }
  await live.track(1).solo.set(true)
  await live.song.tempo.set(97)
  await live.song.metronome.set(!snapshot.set.song.metronome)
  await live.scene(0).name.set('Edited scene')
  const device = tracks.findIndex((t) => t.devices.length > 0)
  await live.device(device, 0).parameter(1).set(42)
  const midi = tracks.flatMap((t) => t.clipSlots.map((s) => ({ t: t.index, s }))).find(({ s }) => s.clip?.isMidi)
  if (midi !== undefined) {
    await live
      .clip(midi.t, midi.s.index)
      .notes.add([{ pitch: 70, start: 0.25, duration: 0.25, velocity: 90, mute: false }])
    await live.clip(midi.t, midi.s.index).name.set('Edited clip')
  }
  return diffSnapshots(snapshot, await takeSnapshot(live)).length
}

describe.each([
  ['bridge', 20],
  ['abletonosc', 3],
] as const)(
  'restore through a relay dropping 10 percent of datagrams each way, flavour %s, %i runs',
  (flavour, runs) => {
    it(`leaves an empty diff in ${runs} runs out of ${runs}`, async () => {
      const rig = await startRig(flavour, 'demo', { dropRate: 0, seed: 7 })
      try {
        const outcomes: string[] = []
        for (let run = 0; run < runs; run++) {
          await rig.sim.reset()
          rig.relay!.dropRate = 0
          const snapshot = await takeSnapshot(rig.relayed)
          const changed = await changeMany(rig.relayed, snapshot)
          rig.relay!.dropRate = 0.1
          const result = await restoreSnapshot(rig.relayed, snapshot, { retries: 8 }, rig.context())
          rig.relay!.dropRate = 0
          const left = diffSnapshots(snapshot, await takeSnapshot(rig.relayed))
          outcomes.push(`changed ${changed > 20}, failed ${result.failed.length}, left ${left.length}`)
        }
        expect(outcomes).toEqual(Array.from({ length: runs }, () => 'changed true, failed 0, left 0'))
        expect(rig.relay!.dropped.up + rig.relay!.dropped.down).toBeGreaterThan(0)
      } finally {
        await rig.close()
      }
    }, 120_000)
  },
)
