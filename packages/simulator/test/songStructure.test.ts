import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openOscTestClient } from '@live/compliance'
import { songStructureSchema } from '@live/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator, type Simulator } from '../src/server/createSimulator.js'
import { pythonTempDir } from '../src/server/songStructureFile.js'
import { startAbletonOscRig, waitUntil } from './udpHarness.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'live-structure-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** What pylive's `Set.scan()` does: ask for the export, wait for the reply, then read the file. */
function readStructureFile(folder: string) {
  return songStructureSchema.parse(JSON.parse(readFileSync(join(folder, 'abletonosc-song-structure.json'), 'utf8')))
}

describe('/live/song/export/structure writes the file AbletonOSC writes', () => {
  it('abletonosc flavour: the reply 1 comes after the file is in place, in Python json.dump layout', async () => {
    const folder = tempFolder()
    const rig = await startAbletonOscRig({ set: 'demo', structureFolder: folder })
    cleanups.push(() => rig.close())
    await waitUntil(() => rig.client.inbox.length >= 2, 'startup messages')
    rig.client.clear()
    rig.client.send({ address: '/live/song/export/structure', args: [] })
    await rig.tick(1)
    await waitUntil(() => rig.client.inbox.length >= 1, 'the reply')
    expect(rig.client.inbox.map((m) => [m.address, ...m.args])).toEqual([['/live/song/export/structure', 1]])
    const structure = readStructureFile(folder)
    expect(structure.tracks.map((t) => t.name)).toEqual(rig.sim.model.toJSON().tracks.map((t) => t.name))
    const drums = structure.tracks[0]!
    expect({
      ...drums,
      clips: drums.clips.length,
      devices: drums.devices.map((d) => [d.class_name, d.type, d.name]),
    }).toEqual({
      index: 0,
      name: 'Drums',
      is_foldable: false,
      group_track: null,
      clips: rig.sim.model.toJSON().tracks[0]!.clip_slots.filter((s) => s.clip).length,
      devices: [
        ['DrumGroupDevice', 1, 'Drum Rack'],
        ['Eq8', 2, 'EQ Eight'],
      ],
    })
    expect(drums.devices[0]!.parameters[0]).toEqual({ name: 'Device On', value: 1, min: 0, max: 1, is_quantized: true })
    const raw = readFileSync(join(folder, 'abletonosc-song-structure.json'), 'utf8')
    expect(
      raw.startsWith(
        '{"tracks": [{"index": 0, "name": "Drums", "is_foldable": false, "group_track": null, "clips": [{"index": ',
      ),
    ).toBe(true)
    expect(raw).toContain(
      '"parameters": [{"name": "Device On", "value": 1.0, "min": 0.0, "max": 1.0, "is_quantized": true}',
    )
  })

  it('bridge flavour: the same file, and a folder it cannot write is a /live/error with Python OSError text', async () => {
    const folder = tempFolder()
    const sim: Simulator = await createSimulator({ port: 0, flavour: 'bridge', structureFolder: folder })
    cleanups.push(() => sim.close())
    const client = await openOscTestClient({ host: '127.0.0.1', port: sim.port })
    cleanups.push(() => client.close())
    client.send({ address: '/live/song/export/structure', args: [] })
    const [reply] = await client.waitFor('/live/song/export/structure')
    expect(reply?.args).toEqual([1])
    expect(readStructureFile(folder).tracks.map((t) => [t.index, t.name, t.clips, t.devices])).toEqual([
      [0, '1-MIDI', [], []],
      [1, '2-MIDI', [], []],
      [2, '3-Audio', [], []],
      [3, '4-Audio', [], []],
    ])

    const missing = join(folder, 'no-such-folder')
    const broken = await createSimulator({ port: 0, flavour: 'bridge', structureFolder: missing })
    cleanups.push(() => broken.close())
    client.setServer('127.0.0.1', broken.port)
    client.clear()
    client.send({ address: '/live/song/export/structure', args: [] })
    const [error] = await client.waitFor('/live/error')
    expect(String(error?.args[0]).replace(folder, '<folder>')).toMatchInlineSnapshot(
      `"Error handling OSC message: [Errno 2] No such file or directory: '<folder>/no-such-folder/abletonosc-song-structure.json'"`,
    )
  })
})

describe('pythonTempDir', () => {
  const all = () => true
  it("follows tempfile.gettempdir(): TMPDIR, TEMP, TMP, then the platform's folders", () => {
    expect(pythonTempDir({ env: { TMPDIR: '/scratch', TMP: '/other' }, platform: 'linux', writable: all })).toBe(
      '/scratch',
    )
    expect(pythonTempDir({ env: { TMP: '/other' }, platform: 'linux', writable: all })).toBe('/other')
    expect(pythonTempDir({ env: {}, platform: 'linux', writable: (d) => d === '/var/tmp' })).toBe('/var/tmp')
    expect(pythonTempDir({ env: {}, platform: 'linux', writable: () => false, cwd: '/work' })).toBe('/work')
  })

  it('ignores TMPDIR on macOS, as AbletonOSC empties it so the file lands in /tmp', () => {
    expect(pythonTempDir({ env: { TMPDIR: '/var/folders/ab/T/' }, platform: 'darwin', writable: all })).toBe('/tmp')
  })

  it('uses the first folder it can write, as Python tries each', () => {
    const readOnly = tempFolder()
    chmodSync(readOnly, 0o500)
    cleanups.push(() => chmodSync(readOnly, 0o700))
    const writable = tempFolder()
    const expected = process.getuid?.() === 0 ? readOnly : writable // root writes anywhere
    expect(pythonTempDir({ env: { TMPDIR: readOnly, TEMP: writable }, platform: 'linux' })).toBe(expected)
  })
})
