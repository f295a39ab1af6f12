import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type OscTestClient, openOscTestClient } from '@live/compliance'
import { afterEach, describe, expect, it } from 'vitest'
import { createVirtualClock } from '../src/clock/virtualClock.js'
import { createSimulator, type Simulator } from '../src/server/createSimulator.js'

const silent = { info() {}, warn() {} }
const opened: { close(): Promise<void> }[] = []
const folders: string[] = []
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close()
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

/** The bridge-flavour simulator on a virtual clock, with an export folder, and a test client that moves the clock while it waits. */
async function rig(
  withFolder = true,
): Promise<{ sim: Simulator; client: OscTestClient; folder: string; clock: ReturnType<typeof createVirtualClock> }> {
  const folder = await mkdtemp(join(tmpdir(), 'live-export-'))
  folders.push(folder)
  const clock = createVirtualClock()
  const sim = await createSimulator({
    port: 0,
    flavour: 'bridge',
    clock,
    logger: silent,
    ...(withFolder ? { exportFolder: folder } : {}),
  })
  opened.push(sim)
  const client = await openOscTestClient({
    host: '127.0.0.1',
    port: sim.port,
    advance: async (ms) => {
      clock.advance(ms)
      await new Promise((resolve) => setTimeout(resolve, 1))
    },
  })
  opened.push(client)
  return { sim, client, folder, clock }
}

const ask = async (client: OscTestClient, address: string, args: (string | number)[] = []) => {
  client.send({ address, args })
  const [reply] = await client.waitFor((m) => m.address === address || m.address === '/live/error')
  return [reply!.address, ...reply!.args]
}

describe("the bridge flavour's audio export (/live/bridge/export/*)", () => {
  it('records from the next bar for the bars asked, then writes a WAV file of that length', async () => {
    const { client, folder } = await rig()
    expect(await ask(client, '/live/bridge/export/get/status')).toEqual(['/live/bridge/export/get/status', 'idle'])
    // Stopped at beat 0, playing starts on bar 1 (Max counts bars from 1); 2 bars end at bar 3.
    expect(await ask(client, '/live/bridge/export/start', ['stems/mix.wav', 'wav', 2])).toEqual([
      '/live/bridge/export/start',
      `${folder}/stems/mix.wav`,
      1,
      3,
    ])
    expect(await ask(client, '/live/bridge/export/get/status')).toEqual([
      '/live/bridge/export/get/status',
      'armed',
      `${folder}/stems/mix.wav`,
    ])
    client.send({ address: '/live/song/start_playing', args: [] })
    const [recording] = await client.waitFor('/live/bridge/export/recording')
    expect(recording?.args).toEqual([`${folder}/stems/mix.wav`])
    const [done] = await client.waitFor('/live/bridge/export/done')
    expect(done?.args).toEqual([`${folder}/stems/mix.wav`])
    // 2 bars of 4/4 at 120 BPM: 4 s of 16-bit stereo at 44.1 kHz.
    const wav = await readFile(join(folder, 'stems/mix.wav'))
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE')
    expect(wav.readUInt32LE(24)).toBe(44_100)
    expect(wav.readUInt32LE(40)).toBe(4 * 44_100 * 4)
    expect(wav.length).toBe(44 + 4 * 44_100 * 4)
    expect(await readdir(join(folder, 'stems'))).toEqual(['mix.wav'])
    expect(await ask(client, '/live/bridge/export/get/status')).toEqual(['/live/bridge/export/get/status', 'idle'])
  })

  it('stops at once on stop and writes an AIFF file of what was recorded', async () => {
    const { client, folder, sim, clock } = await rig()
    sim.model.set('live_set', 'tempo', 60)
    expect(await ask(client, '/live/bridge/export/start', ['take.aif', 'aiff'])).toEqual([
      '/live/bridge/export/start',
      `${folder}/take.aif`,
      1,
      0,
    ])
    client.send({ address: '/live/song/start_playing', args: [] })
    await client.waitFor('/live/bridge/export/recording')
    // Somewhere after beat 2: the file holds what was played since bar 1, at 60 BPM one second a beat.
    while (Number(sim.model.get('live_set', 'current_song_time')) < 2) clock.advance(10)
    sim.model.call('live_set', 'stop_playing', [])
    const beats = Number(sim.model.get('live_set', 'current_song_time'))
    client.send({ address: '/live/bridge/export/stop', args: [] })
    expect((await client.waitFor('/live/bridge/export/done'))[0]?.args).toEqual([`${folder}/take.aif`])
    const aiff = await readFile(join(folder, 'take.aif'))
    expect(aiff.toString('ascii', 0, 4)).toBe('FORM')
    expect(aiff.toString('ascii', 8, 12)).toBe('AIFF')
    expect(aiff.readUInt32BE(22)).toBe(Math.round(beats * 44_100))
    expect(aiff.length).toBe(54 + Math.round(beats * 44_100) * 4)
  })

  it('refuses with the device’s words, naming the address', async () => {
    const { client, folder } = await rig()
    expect(await ask(client, '/live/bridge/export/start', ['../outside.wav'])).toEqual([
      '/live/error',
      `/live/bridge/export/start: export path ../outside.wav is outside the export folder ${folder}`,
    ])
    expect(await ask(client, '/live/bridge/export/start', ['x.mp3', 'mp3'])).toEqual([
      '/live/error',
      '/live/bridge/export/start: export format mp3 is not supported: use wav or aiff',
    ])
    expect(await ask(client, '/live/bridge/export/stop')).toEqual([
      '/live/error',
      '/live/bridge/export/stop: no export is running: nothing to stop',
    ])
    await ask(client, '/live/bridge/export/start', ['a.wav'])
    expect(await ask(client, '/live/bridge/export/start', ['b.wav'])).toEqual([
      '/live/error',
      `/live/bridge/export/start: an export to ${folder}/a.wav is already armed: send /live/bridge/export/stop first`,
    ])
  })

  it('refuses every export when no folder is set, as the device does', async () => {
    const { client } = await rig(false)
    expect(await ask(client, '/live/bridge/export/start', ['mix.wav', 'wav', 1])).toEqual([
      '/live/error',
      '/live/bridge/export/start: export path mix.wav refused: no export folder is set in the device',
    ])
  })

  it('is not served by the abletonosc flavour, which has no such address', async () => {
    const client = await openOscTestClient({ host: '127.0.0.1', port: 1 })
    opened.push(client)
    const sim = await createSimulator({
      port: 0,
      flavour: 'abletonosc',
      logger: silent,
      tickMs: 5,
      replyPort: client.port,
    })
    opened.push(sim)
    client.setServer('127.0.0.1', sim.port)
    expect(await ask(client, '/live/bridge/export/get/status')).toEqual([
      '/live/error',
      'Unknown OSC address: /live/bridge/export/get/status',
    ])
  })
})
