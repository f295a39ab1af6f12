import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error build.mjs is plain JavaScript without types
import { build } from '../build.mjs'
import { fromAmxd } from '../src/device/amxd.js'
import { livePatcher, SCRIPT_FILES } from '../src/device/livePatcher.js'
import { MAX_OBJECTS } from './maxObjects.js'

const patcher = livePatcher().patcher
const boxes = new Map(patcher.boxes.map(({ box }) => [box.id, box]))
const className = (box: { maxclass: string; text?: string | undefined }) =>
  box.maxclass === 'newobj' ? (box.text ?? '').split(' ')[0]! : box.maxclass
const cords = patcher.lines.map(
  ({ patchline: l }) => `${l.source[0]}:${l.source[1]} → ${l.destination[0]}:${l.destination[1]}`,
)

describe('the device patcher', () => {
  it('names only Max objects from the checked list', () => {
    const used = [...new Set([...boxes.values()].map(className))].sort()
    expect(used.filter((name) => !(name in MAX_OBJECTS))).toEqual([])
    expect(used).toEqual(Object.keys(MAX_OBJECTS).sort())
  })

  it('cords existing boxes, outlets and inlets within range', () => {
    for (const { patchline } of patcher.lines) {
      const from = boxes.get(patchline.source[0])
      const to = boxes.get(patchline.destination[0])
      expect([from?.id, to?.id]).toEqual([patchline.source[0], patchline.destination[0]])
      expect(patchline.source[1]).toBeLessThan(from!.numoutlets)
      expect(patchline.destination[1]).toBeLessThan(to!.numinlets)
    }
  })

  it('wires node.script ⇄ v8, live.thisdevice → init → v8, and the Port box through v8 (never straight to node)', () => {
    expect(cords).toEqual(
      expect.arrayContaining([
        'obj-node:0 → obj-v8:0',
        'obj-v8:0 → obj-node:0',
        'obj-thisdevice:0 → obj-init:0',
        'obj-init:0 → obj-v8:0',
        'obj-port:0 → obj-portint:0',
        'obj-portint:0 → obj-portprep:0',
        'obj-portprep:0 → obj-v8:0',
        'obj-v8:4 → obj-port:0',
        'obj-folder:0 → obj-folderroute:0',
        'obj-folderroute:0 → obj-folderprep:0',
        'obj-folderprep:0 → obj-v8:0',
      ]),
    )
    expect(cords.filter((c) => c.endsWith('→ obj-node:0'))).toEqual(['obj-v8:0 → obj-node:0'])
    // @autostart, no bare port argument (documented: @args or `script start <args>`; the port comes as `listen`).
    expect(boxes.get('obj-node')!.text).toBe('node.script live-bridge-node.js @autostart 1 @watch 0')
    expect(boxes.get('obj-v8')!.text).toBe('v8 live-bridge.js')
    expect(boxes.get('obj-folderroute')!.text).toBe('route text')
    expect(boxes.get('obj-portint')!.text).toBe('int')
  })

  it('makes Port a Float parameter with the Int unit style over 1024-65535, as Live parameters require', () => {
    const port = boxes.get('obj-port')!
    expect(port.parameter_enable).toBe(1)
    expect((port.saved_attribute_attributes as { valueof: unknown }).valueof).toEqual({
      parameter_longname: 'Port',
      parameter_shortname: 'Port',
      parameter_type: 0,
      parameter_unitstyle: 0,
      parameter_mmin: 1024,
      parameter_mmax: 65535,
      parameter_initial_enable: 1,
      parameter_initial: [11002],
    })
    expect(patcher.parameters).toEqual({ 'obj-port': ['Port', 'Port', 0], inherited_shortname: 1 })
  })

  it('declares Live 12.2 and Max 9, lists its scripts, and is an audio effect project', () => {
    expect([patcher.minimum_live_version, patcher.minimum_max_version]).toEqual(['12.2', '9.0.0'])
    expect(patcher.dependency_cache).toEqual([
      { name: 'live-bridge.js', type: 'TEXT', implicit: 1 },
      { name: 'live-bridge-node.js', type: 'TEXT', implicit: 1 },
    ])
    expect((patcher.project as { amxdtype: number }).amxdtype).toBe(Buffer.from('aaaa').readUInt32BE(0))
  })

  it('records plugin~ into sfrecord~ 2 while passing audio to plugout~, on gated timepoints', () => {
    expect(cords).toEqual(
      expect.arrayContaining([
        'obj-plugin:0 → obj-plugout:0',
        'obj-plugin:1 → obj-plugout:1',
        'obj-plugin:0 → obj-sfrecord:0',
        'obj-plugin:1 → obj-sfrecord:1',
        'obj-v8:1 → obj-recroute:0',
        'obj-recroute:0 → obj-openprep:0',
        'obj-openprep:0 → obj-sfrecord:0',
        'obj-tpstart:0 → obj-gatestart:1',
        'obj-gatestart:0 → obj-tstart:0',
        'obj-tstart:1 → obj-one:0',
        'obj-one:0 → obj-sfrecord:0',
        'obj-tstart:0 → obj-started:0',
        'obj-started:0 → obj-v8:0',
        'obj-tstop:1 → obj-zero:0',
        'obj-zero:0 → obj-sfrecord:0',
        'obj-stopped:0 → obj-v8:0',
      ]),
    )
    expect(boxes.get('obj-recroute')!.text).toBe('route open start stop armstart armstop stopnow startnow')
    expect(cords).toContain('obj-recroute:6 → obj-one:0')
  })

  it('feeds every live.remote~ its id (right inlet) and its values (left inlet)', () => {
    const remotes = [...boxes.values()].filter((b) => b.text === 'live.remote~').map((b) => b.id)
    expect(remotes).toHaveLength(8)
    for (const id of remotes) {
      const n = id.slice('obj-remote'.length)
      expect(cords).toEqual(
        expect.arrayContaining([
          `obj-remroute:${n} → obj-slot${n}:0`,
          `obj-slot${n}:0 → obj-slotid${n}:0`,
          `obj-slotid${n}:0 → obj-remote${n}:1`,
          `obj-slot${n}:1 → obj-remote${n}:0`,
        ]),
      )
    }
    expect(cords).toContain('obj-v8:2 → obj-remroute:0')
  })

  it('loads the script files the build produces, and the .amxd wraps the same patcher', async () => {
    const out = await build(await mkdtemp(join(tmpdir(), 'm4l-bridge-')))
    const maxpat = await readFile(join(out, 'LiveBridge.maxpat'), 'utf8')
    expect(JSON.parse(maxpat)).toEqual(livePatcher())
    for (const file of Object.values(SCRIPT_FILES)) expect((await readFile(join(out, file))).length).toBeGreaterThan(0)
    expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' })
    const amxd = new Uint8Array(await readFile(join(out, 'LiveBridge.amxd')))
    expect(fromAmxd(amxd)).toEqual({ type: 'aaaa', meta: 1, json: maxpat })
  })
})
