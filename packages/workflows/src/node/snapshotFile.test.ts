import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LiveError } from '@live/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Snapshot } from '../snapshot/snapshotSchema.js'
import { loadSnapshotFile, saveSnapshotFile } from './snapshotFile.js'

const snapshot: Snapshot = {
  format: 'live-snapshot',
  version: 1,
  takenAt: '2026-01-02T03:04:05.000Z',
  server: { kind: 'simulator', name: 'the simulator', version: '0.0.0', liveVersion: '12.1' },
  captured: { notes: true, parameters: true },
  set: {
    song: {
      tempo: 120,
      isPlaying: false,
      currentSongTime: 0,
      signatureNumerator: 4,
      signatureDenominator: 4,
      metronome: false,
      loop: false,
      loopStart: 0,
      loopLength: 16,
      clipTriggerQuantization: 4,
      recordMode: false,
      sessionRecord: false,
      grooveAmount: 1,
      rootNote: 0,
      scaleName: 'Major',
      songLength: 0,
      cuePoints: [],
    },
    tracks: [],
    scenes: [],
    view: { selectedTrack: null, selectedScene: null, selectedClip: null, selectedDevice: null },
  },
}

describe('snapshot files', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-snapshot-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('saves and loads a snapshot unchanged, leaving no temporary file', async () => {
    const path = join(dir, 'set.json')
    await saveSnapshotFile(path, snapshot)
    expect(await loadSnapshotFile(path)).toEqual(snapshot)
    expect(await readdir(dir)).toEqual(['set.json'])
  })

  it('keeps the old file intact when a write dies half-way', async () => {
    const path = join(dir, 'set.json')
    await saveSnapshotFile(path, snapshot)
    // A crash after writing part of the temporary file and before the rename:
    const partial = JSON.stringify({ ...snapshot, set: { ...snapshot.set, song: { tempo: 99 } } }).slice(0, 80)
    await writeFile(join(dir, '.set.json.deadbeef.tmp'), partial)
    expect(await loadSnapshotFile(path)).toEqual(snapshot)
    const next = { ...snapshot, takenAt: '2026-02-03T04:05:06.000Z' }
    await saveSnapshotFile(path, next)
    expect((await loadSnapshotFile(path)).takenAt).toBe('2026-02-03T04:05:06.000Z')
  })

  it('refuses a bad file with FILE_FAILED naming the path and the field', async () => {
    const path = join(dir, 'bad.json')
    const bad = JSON.parse(JSON.stringify(snapshot))
    bad.set.song.tempo = 'fast'
    await writeFile(path, JSON.stringify(bad))
    const error = await loadSnapshotFile(path).then(
      () => new Error('expected a failure') as LiveError,
      (e: LiveError) => e,
    )
    expect(error.code).toBe('FILE_FAILED')
    expect(error.message.replace(dir, '<dir>')).toMatchInlineSnapshot(`
      "FILE_FAILED: <dir>/bad.json: is not a valid snapshot: field set.song.tempo: Invalid input: expected number, received string
        The file may be damaged or written by another program; take a new snapshot."
    `)
    await writeFile(path, '{"format": "live-snap')
    const notJson = await loadSnapshotFile(path).then(
      () => new Error('expected a failure') as LiveError,
      (e: LiveError) => e,
    )
    expect(notJson.message.replace(dir, '<dir>')).toMatchInlineSnapshot(`
      "FILE_FAILED: <dir>/bad.json: is not JSON: Unterminated string in JSON at position 21
        Was it written by saveSnapshotFile or \`live snapshot save\`?"
    `)
    const future = await (async () => {
      await writeFile(path, JSON.stringify({ ...snapshot, version: 2 }))
      return loadSnapshotFile(path).then(
        () => new Error('expected a failure') as LiveError,
        (e: LiveError) => e,
      )
    })()
    expect(future.message.replace(dir, '<dir>')).toMatchInlineSnapshot(`
      "FILE_FAILED: <dir>/bad.json: is not a valid snapshot: field version: snapshot version 2 was written by a newer @live/workflows; this one reads version 1: upgrade @live/workflows
        The file may be damaged or written by another program; take a new snapshot."
    `)
    expect(await readFile(path, 'utf8')).toContain('"version":2')
  })
})
