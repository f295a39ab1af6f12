import { describe, expect, it } from 'vitest'
import { describeDiff } from './describeDiff.js'
import { clipSubject, type SnapshotChange, sceneSubject, trackSubject } from './diffSnapshots.js'

const bass = trackSubject(1, { name: 'Bass' })
const change = (
  keys: (string | number)[],
  kind: SnapshotChange['kind'],
  before: unknown,
  after: unknown,
  subject = bass,
) => ({ path: keys.join('.'), keys, kind, before, after, subject }) satisfies SnapshotChange

describe('describeDiff', () => {
  it('counts tracks, clips, scenes, sends, devices and parameters from 0, as the rest of the toolkit does', () => {
    expect(
      describeDiff([
        change(['tracks', 1, 'volume'], 'changed', 0.85, 0.7),
        change(['tracks', 1, 'sends', 0], 'changed', 0, 0.5),
        change(['tracks', 1, 'devices', 1], 'changed', { name: 'Auto Filter' }, { name: 'EQ Eight' }),
        change(['tracks', 1, 'devices', 2], 'added', undefined, { name: 'Utility' }),
        change(['tracks', 1, 'devices', 0, 'parameters', 3], 'changed', 'Resonance', 'Drive'),
        change(
          ['tracks', 1, 'clipSlots', 2, 'clip', 'name'],
          'changed',
          'Loop',
          'Fill',
          clipSubject(1, 2, { name: 'Loop' }),
        ),
        change(['scenes', 0, 'name'], 'changed', 'Intro', 'Start', sceneSubject(0, { name: 'Intro' })),
        change(['tracks', 0], 'removed', 'Drums', undefined, trackSubject(0, { name: 'Drums' })),
      ]),
    ).toEqual([
      "Track 1 'Bass': volume 0.0 dB → -6.0 dB",
      "Track 1 'Bass': send 0 0 → 0.5",
      "Track 1 'Bass': device 1 'Auto Filter' replaced by 'EQ Eight'",
      "Track 1 'Bass': device 2 'Utility' added",
      "Track 1 'Bass': parameter 3 'Resonance' is now 'Drive'",
      "Clip 1/2 renamed 'Loop' → 'Fill'",
      "Scene 0 renamed 'Intro' → 'Start'",
      "Track 0 'Drums' removed",
    ])
  })
})
