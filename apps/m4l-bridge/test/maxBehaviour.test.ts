import { decodePacket, messagesOf } from '@live/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { fromParts } from '../src/bytes.js'
import { freePort, type Rig, startRig } from './deviceRig.js'
import { flat, udpClient, until } from './udpClient.js'

// Each test here fails against the device as it was before issue 16 (the stand-in behaves as Max's documents say).
let rig: Rig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

/** The OSC messages the device handed node.script to send, in order. */
const sentByDevice = (r: Rig) =>
  r.max.outlets[0]!.filter((atoms) => atoms[0] === 'send').map((atoms) => [
    atoms[1],
    atoms[2],
    ...flat(messagesOf(decodePacket(fromParts([atoms.slice(3)])))[0]!),
  ])

describe('node.script readiness (messages before the script has loaded are lost)', () => {
  it('listens on the Port the set restored and sends /live/startup, losing nothing', async () => {
    const saved = await freePort()
    rig = await startRig({ port: saved })
    expect(rig.node.lost).toBe(0)
    expect(rig.patch.status()).toBe(`listening on UDP 127.0.0.1:${saved}`)
    expect(sentByDevice(rig)[0]).toEqual(['127.0.0.1', 11001, '/live/startup'])
  })

  it('rebinds when the user changes the Port box', async () => {
    rig = await startRig()
    const next = await freePort()
    rig.patch.setPort(next)
    await until(() => rig!.patch.status() === `listening on UDP 127.0.0.1:${next}`)
    const client = await udpClient(next)
    expect((await client.ask({ address: '/live/test', types: '', args: [] })).map(flat)).toEqual([['/live/test', 'ok']])
    await client.close()
  })
})

describe('the export folder textedit (it outputs `text <words…>`)', () => {
  it('takes the folder without the `text` prefix, spaces kept, and an empty field clears it', async () => {
    rig = await startRig({ folder: '/Users/me/My Exports' })
    const client = await udpClient(rig.port)
    const start = { address: '/live/bridge/export/start', types: 'ssi', args: ['mix.wav', 'wav', 4] }
    expect((await client.ask(start)).map(flat)).toEqual([
      ['/live/bridge/export/start', '/Users/me/My Exports/mix.wav', 1, 5],
    ])
    await client.ask({ address: '/live/bridge/export/stop', types: '', args: [] })
    rig.patch.typeFolder('')
    expect((await client.ask(start)).map(flat)).toEqual([
      ['/live/error', '/live/bridge/export/start: export path mix.wav refused: no export folder is set in the device'],
    ])
    await client.close()
  })
})

describe('audio export', () => {
  it('opens sfrecord~ with `open wave <path>` (type first) and starts on the transport from song time 0', async () => {
    rig = await startRig({ folder: '/tmp/exports' })
    const client = await udpClient(rig.port)
    await client.ask({ address: '/live/bridge/export/start', types: 'ssi', args: ['take.wav', 'wav', 2] })
    expect(rig.patch.sfrecord).toEqual([['open', 'wave', '/tmp/exports/take.wav']])
    // The stand-in's timepoint does not bang at the start position (the reference promises it only while moving).
    rig.patch.transportAt(1, { starting: true })
    expect(rig.patch.sfrecord).toHaveLength(1)
    const from = client.received.length
    rig.set.set('live_set', 'is_playing', true)
    expect(rig.patch.sfrecord).toEqual([['open', 'wave', '/tmp/exports/take.wav'], [1]])
    await until(() => client.received.length > from)
    expect(flat(client.received[from]!)).toEqual(['/live/bridge/export/recording', '/tmp/exports/take.wav'])
    // The end bar's timepoint fires while the transport moves forward.
    rig.patch.transportAt(3)
    expect(rig.patch.sfrecord.at(-1)).toEqual([0])
    await until(() => client.received.length > from + 1)
    expect(flat(client.received[from + 1]!)).toEqual(['/live/bridge/export/done', '/tmp/exports/take.wav'])
    await client.close()
  })

  it('reads is_playing as LiveAPI hands it over (1, not true): playing on a bar line starts on the next one', async () => {
    rig = await startRig({ folder: '/tmp/exports' })
    rig.set.set('live_set', 'current_song_time', 4)
    rig.set.set('live_set', 'is_playing', true)
    rig.set.set('live_set', 'current_song_time', 4)
    expect(new rig.LiveAPI('live_set').get('is_playing')).toEqual([1])
    const client = await udpClient(rig.port)
    const [reply] = await client.ask({ address: '/live/bridge/export/start', types: 'ssi', args: ['a.wav', 'wav', 1] })
    expect(flat(reply!)).toEqual(['/live/bridge/export/start', '/tmp/exports/a.wav', 3, 4])
    await client.close()
  })
})

describe('live.remote~ (holding leaves the set value unchanged; id 0 gives the stored value back)', () => {
  it('keeps the value a fade ended on after release, as one undoable write', async () => {
    rig = await startRig({ set: 'demo' })
    const path = 'live_set tracks 0 devices 0 parameters 1'
    const [min, max] = [Number(rig.set.get(path, 'min')), Number(rig.set.get(path, 'max'))]
    const before = Number(rig.set.get(path, 'value'))
    const end = before === max ? min : max
    const client = await udpClient(rig.port)
    for (const value of [(before + end) / 2, end]) {
      await client.send({ address: '/live/bridge/remote/parameter', types: 'iiif', args: [0, 0, 1, value] })
    }
    await until(() => rig!.set.get(path, 'value') === end)
    await client.send({ address: '/live/bridge/remote/release', types: 'iii', args: [0, 0, 1] })
    await until(() => rig!.patch.remotes.get('obj-remote0') === undefined)
    expect(rig.set.get(path, 'value')).toBe(end)
    expect(rig.set.get('live_set', 'can_undo')).toBe(true)
    await client.close()
  })
})

describe('long datagrams', () => {
  it('cross both ways in parts under Max’s list limit', async () => {
    rig = await startRig()
    const client = await udpClient(rig.port)
    const name = 'n'.repeat(20_000)
    await client.send({ address: '/live/track/set/name', types: 'is', args: [0, name] })
    const [reply] = await client.ask({ address: '/live/track/get/name', types: 'i', args: [0] })
    expect(flat(reply!)).toEqual(['/live/track/get/name', 0, name])
    const parts = rig.max.outlets[0]!.filter((atoms) => atoms[0] === 'part')
    expect(parts.length).toBe(2)
    expect(parts.every((atoms) => atoms.length === 3 + 8192)).toBe(true)
    await client.close()
  })
})

describe('/live/bridge/selftest on the device', () => {
  it('runs every LOM call over the LiveAPI stand-in and reports Max’s version and OS', async () => {
    rig = await startRig()
    const client = await udpClient(rig.port)
    const [reply] = await client.ask({ address: '/live/bridge/selftest', types: '', args: [] })
    const [live, maxVersion, os, ...cells] = reply!.args
    expect([reply!.address, live, maxVersion, os]).toEqual(['/live/bridge/selftest', '12.1.5', '9.0.7', 'macintosh'])
    const rows = []
    for (let i = 0; i < cells.length; i += 4) rows.push({ call: cells[i], result: cells[i + 1] })
    expect(rows.filter((row) => row.result === 'fail')).toEqual([])
    expect(rows.length).toBe(31)
    expect(rows.at(-1)).toEqual({ call: 'export start from a stopped bar line', result: 'ok' })
    expect(Number(rig.set.getCount('live_set', 'tracks'))).toBe(4)
    await client.close()
  })
})
