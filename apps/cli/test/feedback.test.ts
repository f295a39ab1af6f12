import { spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { encodePacket } from '@live/protocol'
import { createSimulator, createVirtualClock } from '@live/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freeUdpPort, liveBin, runLive, startSim, type TestSim } from './runLive.js'

describe('what live says back: numbers, bare volumes, did you mean', () => {
  let s: TestSim
  beforeAll(async () => {
    s = await startSim('bridge')
  })
  afterAll(() => s?.close())

  it('prints 0 dB as 0 in JSON, and raw values as far as a 32-bit float holds them', async () => {
    // Track 0 of the demo set is at 0 dB: Live's 0.85, which arrives as the float 0.8500000238418579.
    const run = await runLive(['track', '0', 'volume', '--json', ...s.flags])
    expect(run.stdout).toBe('{\n  "track": 0,\n  "volume": 0.85,\n  "volumeDb": 0\n}\n')
    const tracks = JSON.parse((await runLive(['tracks', '--json', ...s.flags])).stdout)
    expect(tracks.tracks.map((t: { volumeDb: number; pan: number }) => [t.volumeDb, t.pan])).toEqual([
      [0, 0],
      [-2, 0],
      [0, -0.2],
      [-4, 0.2],
      [0, 0],
    ])
  })

  it('takes a bare volume number as dB and says so on stderr; a unit or a minus sign says nothing', async () => {
    const bare = await runLive(['track', '3', 'volume', '2', ...s.flags])
    expect([bare.code, bare.stdout, bare.stderr]).toEqual([
      0,
      'track 3 volume 2.0 dB\n',
      "live track: took 2 as +2.0 dB; write 2dB to say so, or --raw 2 for Live's 0..1 fader value\n",
    ])
    const zero = await runLive(['track', '3', 'volume', '0', ...s.flags])
    expect(zero.stderr).toBe(
      "live track: took 0 as 0.0 dB; write 0dB to say so, or --raw 0 for Live's 0..1 fader value\n",
    )
    for (const level of ['2dB', '-6', '-inf']) {
      const run = await runLive(['track', '3', 'volume', level, ...s.flags])
      expect([level, run.code, run.stderr]).toEqual([level, 0, ''])
    }
    const json = await runLive(['track', '3', 'volume', '1', '--json', ...s.flags])
    expect([json.stderr, JSON.parse(json.stdout).volumeDb]).toEqual(['', 1])
  })

  it('suggests the nearest flag, command and parameter name', async () => {
    const flag = await runLive(['tracks', '--jsn', ...s.flags])
    expect([flag.code, flag.stderr]).toEqual([
      2,
      'live: INVALID_ARGUMENTS: tracks: unknown flag --jsn\n  Did you mean --json? Run `live tracks --help` for its flags.\n',
    ])
    const command = await runLive(['stat', ...s.flags])
    expect(command.stderr).toBe(
      'live: INVALID_ARGUMENTS: unknown command "stat"\n  Did you mean status? Run `live --help` for every command.\n',
    )
    const param = await runLive(['param', '1', '1', 'Frequncy', ...s.flags])
    expect(param.code).toBe(3)
    expect(param.stderr.split('\n').slice(0, 2)).toEqual([
      'live param: NOT_FOUND: device 1/1 has no parameter "Frequncy"',
      '  Did you mean "Frequency"?',
    ])
    const word = await runLive(['watch', 'tempp', ...s.flags])
    expect(word.stderr.split('\n')[1]).toBe('  Did you mean tempo?')
  })
})

describe('live watch beat', () => {
  // The abletonosc flavour on a virtual clock: the test moves time, so every beat is where it says.
  const clock = createVirtualClock()
  // What the simulator handled, as its traffic log says (`← 127.0.0.1:port /live/song/start_listen/beat ,`).
  const handled: string[] = []
  let sim: Awaited<ReturnType<typeof createSimulator>>
  let replyPort: number
  beforeAll(async () => {
    replyPort = await freeUdpPort()
    const logger = { info() {}, warn() {}, traffic: (line: string) => handled.push(line) }
    sim = await createSimulator({ flavour: 'abletonosc', port: 0, replyPort, set: 'demo', clock, tickMs: 100, logger })
    sim.model.set('live_set', 'tempo', 60)
    sim.model.set('live_set', 'current_song_time', 20.1)
    sim.model.call('live_set', 'start_playing', [])
  })
  afterAll(() => sim?.close())

  it('prints each beat once when another client starts listening to beats too', async () => {
    const child = spawn(
      process.execPath,
      [liveBin, 'watch', 'beat', '--count', '3', '--port', String(sim.port), '--reply-port', String(replyPort)],
      { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    const beats = () => [...stdout.matchAll(/beat (\d+)$/gm)].map((m) => Number(m[1]))
    // The client sends detection probes of its own as it opens: wait until the start_listen itself has been
    // handled, ticking only while something waits in the queue (0.1 beat at 60 BPM a tick, far from beat 21).
    const listens = () =>
      handled.filter((line) => line.startsWith('←') && line.includes('/live/song/start_listen/beat'))
    const handledListens = async (count: number) =>
      expect
        .poll(() => {
          if (listens().length < count && sim.queuedDatagrams > 0) clock.advance(100)
          return listens().length
        })
        .toBe(count)
    await handledListens(1)
    clock.advance(200)
    await expect.poll(beats).toEqual([20])
    // Another client's start_listen/beat: AbletonOSC's one beat observer is replaced, and the new one
    // sends beat 20 again on the next song-time change.
    const other = createSocket('udp4')
    other.send(encodePacket({ address: '/live/song/start_listen/beat', args: [], types: '' }), sim.port, '127.0.0.1')
    await handledListens(2)
    clock.advance(200)
    // Past beat 21, then past beat 22: the third beat ends the watch.
    clock.advance(600)
    await expect.poll(() => beats().length).toBeGreaterThanOrEqual(2)
    clock.advance(1000)
    other.close()
    expect(await exited).toBe(0)
    expect(beats()).toEqual([20, 21, 22])
  })
})
