import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error build.mjs is plain JavaScript without types
import { build } from '../build.mjs'
import { fromAmxd, toAmxd } from '../src/device/amxd.js'
import { DEVICE_PORT, livePatcher, SCRIPT_FILES } from '../src/device/livePatcher.js'
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

  it('wires udp in → node.script → v8 → node.script, and live.thisdevice → init → v8', () => {
    expect(cords).toEqual(
      expect.arrayContaining([
        'obj-node:0 → obj-v8:0',
        'obj-v8:0 → obj-node:0',
        'obj-thisdevice:0 → obj-init:0',
        'obj-init:0 → obj-v8:0',
        'obj-port:0 → obj-listen:0',
        'obj-listen:0 → obj-node:0',
        'obj-folderprep:0 → obj-v8:0',
      ]),
    )
    expect(boxes.get('obj-node')!.text).toBe(`node.script ${SCRIPT_FILES.node} ${DEVICE_PORT} @autostart 1`)
    expect(boxes.get('obj-v8')!.text).toBe(`v8 ${SCRIPT_FILES.v8}`)
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
    expect(boxes.get('obj-recroute')!.text).toBe('route open start stop armstart armstop stopnow')
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
    const amxd = new Uint8Array(await readFile(join(out, 'LiveBridge.amxd')))
    expect(fromAmxd(amxd)).toEqual({ type: 'aaaa', json: maxpat })
    expect([...amxd.subarray(0, 12)]).toEqual([...toAmxd('{}').subarray(0, 12)])
    expect([...amxd.subarray(0, 28)]).toEqual([
      ...Buffer.from(
        'ampf\u0004\u0000\u0000\u0000aaaameta\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000ptch',
        'latin1',
      ),
    ])
  })
})
