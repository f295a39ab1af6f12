import { isLiveError, type LiveError } from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LiveServer, startLiveServer } from './liveServer.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

/** The error a call ends with, and how many datagrams reached the simulator meanwhile. */
async function refusal(server: LiveServer, call: () => Promise<unknown>) {
  const before = server.sim.receivedDatagrams
  const error = await caught(call())
  return { error, sent: server.sim.receivedDatagrams - before }
}

// The demo set: tracks 0–4 (Drums, Bass, Keys, Pad, FX), scenes 0–7, return tracks A and B; track 0's
// slot 0 is empty (its clips are in 1–4 and 6); track 1 has Sub Bass (12 parameters) and Auto Filter.
describe.each(['abletonosc', 'bridge'] as const)('one rule for "does not exist", on the %s simulator', (flavour) => {
  let server: LiveServer
  beforeAll(async () => {
    server = await startLiveServer(flavour, 'demo')
  })
  afterAll(() => server?.close())

  it('a track: a read Live refuses is explained, and a set after it refused before sending', async () => {
    const { live } = server
    const read = await caught(live.track(9).volume.get())
    expect(read?.code).toBe('NOT_FOUND')
    expect(read?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: track 9 does not exist: the set has tracks 0–4
        Tracks count from 0, top to bottom; return tracks and the master track are live.returnTrack(i) and live.masterTrack."
    `)
    expect(read?.details).toMatchInlineSnapshot(`
      {
        "address": "/live/track/get/volume",
        "count": 5,
        "index": 9,
        "text": "Error handling OSC message: Index out of range",
        "what": "track",
      }
    `)
    expect(isLiveError(read?.cause, 'LIVE_REJECTED')).toBe(true)
    // Now the client knows the set has five tracks: the set is refused after one count read, not sent.
    const set = await refusal(server, () => live.track(9).volume.set(0.5))
    expect(set.error?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: track 9 does not exist: the set has tracks 0–4
        Tracks count from 0, top to bottom; return tracks and the master track are live.returnTrack(i) and live.masterTrack."
    `)
    expect(set.sent).toBe(1)
  })

  it('a negative index: refused before anything is sent (AbletonOSC would count from the end)', async () => {
    const { error, sent } = await refusal(server, () => server.live.track(-1).volume.get())
    expect(error?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: track -1 does not exist: the set has tracks 0–4
        Negative indices are refused: AbletonOSC would count them from the end.
        Tracks count from 0, top to bottom; return tracks and the master track are live.returnTrack(i) and live.masterTrack."
    `)
    expect(sent).toBe(0)
    const scene = await refusal(server, () => server.live.scene(-2).fire())
    expect(scene.error?.shortMessage).toMatchInlineSnapshot(`"scene -2 does not exist"`)
    expect(scene.sent).toBe(0)
  })

  it('a scene, read then fired', async () => {
    const read = await caught(server.live.scene(99).name.get())
    expect(read?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: scene 99 does not exist: the set has scenes 0–7
        Scenes count from 0, top to bottom."
    `)
    const fire = await refusal(server, () => server.live.scene(99).fire())
    expect(fire.error?.shortMessage).toMatchInlineSnapshot(`"scene 99 does not exist: the set has scenes 0–7"`)
    expect(fire.sent).toBe(1)
  })

  it('a clip slot', async () => {
    const error = await caught(server.live.clipSlot(0, 99).hasClip.get())
    expect(error?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: clip slot 0/99 does not exist: the set has scenes 0–7
        A track's clip slots are its scenes, counted from 0."
    `)
  })

  it('a clip: an empty slot names the slots that hold clips', async () => {
    const error = await caught(server.live.clip(0, 0).name.get())
    expect(error?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: track 0 has no clip in slot 0: its clips are in slots 1, 2, 3, 4, 6
        Clip slots count from 0, one per scene; clipSlot(t, s).createClip(length) makes a MIDI clip."
    `)
    expect(error?.details).toMatchInlineSnapshot(`
      {
        "address": "/live/clip/get/name",
        "clips": [
          1,
          2,
          3,
          4,
          6,
        ],
        "slot": 0,
        "text": "Error handling OSC message: 'NoneType' object has no attribute 'name'",
        "track": 0,
        "what": "clip",
      }
    `)
  })

  it('a device and a parameter', async () => {
    const device = await caught(server.live.device(1, 5).name.get())
    expect(device?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: device 5 does not exist on track 1: it has devices 0–1
        Devices count from 0, left to right, on the track's top level."
    `)
    const parameter = await caught(server.live.device(1, 0).parameter(40).get())
    expect(parameter?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: parameter 40 does not exist on device 1/0: it has parameters 0–11
        Parameters count from 0 (0 is usually "Device On"); device(t, d).parameter("Name") finds one by name."
    `)
    const byName = await caught(server.live.device(1, 0).parameter('Frequncy').get())
    expect(byName?.code).toBe('NOT_FOUND')
  })

  it('live.require: the same rule, for the CLI, the MCP server and scripts', async () => {
    const { require } = server.live
    await expect(require.track(4)).resolves.toBeUndefined()
    expect((await caught(require.track(5)))?.shortMessage).toMatchInlineSnapshot(
      `"track 5 does not exist: the set has tracks 0–4"`,
    )
    expect((await caught(require.scene(8)))?.shortMessage).toMatchInlineSnapshot(
      `"scene 8 does not exist: the set has scenes 0–7"`,
    )
    expect((await caught(require.clipSlot(2, 8)))?.shortMessage).toMatchInlineSnapshot(
      `"clip slot 2/8 does not exist: the set has scenes 0–7"`,
    )
    await expect(require.clip(0, 1)).resolves.toBeUndefined()
    expect((await caught(require.clip(4, 0)))?.shortMessage).toMatchInlineSnapshot(
      `"track 4 has no clip in slot 0: its clips are in slots 3, 7"`,
    )
    expect((await caught(require.device(3, 3)))?.shortMessage).toMatchInlineSnapshot(
      `"device 3 does not exist on track 3: it has devices 0–2"`,
    )
    expect((await caught(require.device(7, 0)))?.shortMessage).toMatchInlineSnapshot(
      `"track 7 does not exist: the set has tracks 0–4"`,
    )
    expect(await require.parameter(1, 0, 11)).toBe(11)
    expect((await caught(require.parameter(1, 0, 12)))?.shortMessage).toMatchInlineSnapshot(
      `"parameter 12 does not exist on device 1/0: it has parameters 0–11"`,
    )
    expect(await require.parameter(1, 0, 'Device On')).toBe(0)
    expect((await caught(require.parameter(1, 0, 'Frequncy')))?.code).toBe('NOT_FOUND')
    expect((await caught(require.track(-1)))?.message).toMatchInlineSnapshot(`
      "NOT_FOUND: track -1 does not exist: the set has tracks 0–4
        Negative indices are refused: AbletonOSC would count them from the end.
        Tracks count from 0, top to bottom; return tracks and the master track are live.returnTrack(i) and live.masterTrack."
    `)
  })

  it('a set grown in Live behind the client is found: known counts are read again before refusing', async () => {
    const { live, sim } = server
    await live.require.scene(7)
    sim.model.call('live_set', 'create_scene', [-1])
    await expect(live.require.scene(8)).resolves.toBeUndefined()
    await live.scene(8).name.set('Added in Live')
    expect(await live.scene(8).name.get()).toBe('Added in Live')
    await live.song.deleteScene(8)
    expect((await caught(live.require.scene(8)))?.shortMessage).toBe('scene 8 does not exist: the set has scenes 0–7')
  })

  if (flavour === 'bridge') {
    it('a send and a return track (the bridge counts return tracks)', async () => {
      const send = await caught(server.live.track(0).send(5).get())
      expect(send?.message).toMatchInlineSnapshot(`
        "NOT_FOUND: send 5 does not exist: the set has sends 0–1, one per return track
          Sends count from 0, one per return track (A is 0)."
      `)
      const back = await caught(server.live.returnTrack(3).volume.get())
      expect(back?.message).toMatchInlineSnapshot(`
        "NOT_FOUND: return track 3 does not exist: the set has return tracks 0–1
          Return tracks count from 0 (A is 0)."
      `)
      expect((await caught(server.live.require.returnTrack(2)))?.shortMessage).toMatchInlineSnapshot(
        `"return track 2 does not exist: the set has return tracks 0–1"`,
      )
    })

    it('a chain path into a rack, and a device of the master track', async () => {
      const chain = await caught(server.live.device(0, '0/9/0').name.get())
      expect(chain?.message).toMatchInlineSnapshot(`
        "NOT_FOUND: device 0/9/0 does not exist on track 0: device 0 has chains 0–3
          A chain path counts from 0 at each step: device, chain, device... (\`0/1/2\`)."
      `)
      const inChain = await caught(server.live.device(0, '0/0/9').name.get())
      expect(inChain?.shortMessage).toMatchInlineSnapshot(
        `"device 0/0/9 does not exist on track 0: chain 0/0 has device 0 only"`,
      )
      const master = await caught(server.live.device('master', 9).name.get())
      expect(master?.shortMessage).toMatchInlineSnapshot(
        `"device 9 does not exist on the master track: it has device 0 only"`,
      )
    })
  } else {
    it('a send on AbletonOSC, which cannot count return tracks: found missing, its range unknown', async () => {
      const send = await caught(server.live.track(0).send(5).get())
      expect(send?.message).toMatchInlineSnapshot(`
        "NOT_FOUND: send 5 does not exist
          Sends count from 0, one per return track (A is 0).
          AbletonOSC cannot count return tracks: the bridge can."
      `)
    })
  }
})
