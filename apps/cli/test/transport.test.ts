import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLive, startSim, type TestSim } from './runLive.js'

describe.each(['bridge', 'abletonosc'] as const)('transport commands against the %s simulator', (flavour) => {
  let s: TestSim
  beforeAll(async () => {
    s = await startSim(flavour)
  })
  afterAll(() => s?.close())
  const model = () => s.sim.model

  it('sets the tempo and reads it back, for people and as JSON', async () => {
    const set = await runLive(['tempo', '132', ...s.flags])
    expect(set).toMatchObject({ code: 0, stdout: 'tempo 132 BPM\n' })
    await expect.poll(() => model().get('live_set', 'tempo')).toBe(132)
    const read = await runLive(['tempo', '--json', ...s.flags])
    expect(read.code).toBe(0)
    expect(JSON.parse(read.stdout)).toEqual({ tempo: 132 })
    expect((await runLive(['tempo', ...s.flags])).stdout).toBe('132 BPM\n')
  })

  it('sets the time signature and the metronome', async () => {
    expect((await runLive(['sig', '6/8', ...s.flags])).code).toBe(0)
    // The two set messages are fire-and-forget datagrams: wait until both have landed.
    const signature = () =>
      `${model().get('live_set', 'signature_numerator')}/${model().get('live_set', 'signature_denominator')}`
    await expect.poll(signature).toBe('6/8')
    expect((await runLive(['sig', ...s.flags])).stdout).toBe('6/8\n')
    expect((await runLive(['sig', '4/4', ...s.flags])).code).toBe(0)
    await expect.poll(signature).toBe('4/4')
    expect((await runLive(['metronome', 'on', ...s.flags])).stdout).toBe('metronome on\n')
    await expect.poll(() => model().get('live_set', 'metronome')).toBe(true)
    expect(JSON.parse((await runLive(['metronome', '--json', ...s.flags])).stdout)).toEqual({ metronome: true })
  })

  it('plays, stops and moves the position', async () => {
    expect((await runLive(['play', ...s.flags])).stdout).toBe('▶ playing\n')
    await expect.poll(() => model().get('live_set', 'is_playing')).toBe(true)
    expect((await runLive(['stop', ...s.flags])).code).toBe(0)
    await expect.poll(() => model().get('live_set', 'is_playing')).toBe(false)
    expect((await runLive(['pos', '16', ...s.flags])).stdout).toBe('position → beat 16\n')
    await expect.poll(() => model().get('live_set', 'current_song_time')).toBe(16)
    expect((await runLive(['pos', ...s.flags])).stdout).toBe('5.1.1  (beat 16)\n')
    await runLive(['pos', '2.1.1', ...s.flags])
    await expect.poll(() => model().get('live_set', 'current_song_time')).toBe(4)
  })

  it('rejects bad values with exit code 2, naming the argument and the range', async () => {
    const tempo = await runLive(['tempo', '5000', ...s.flags])
    expect(tempo.code).toBe(2)
    expect(tempo.stderr).toBe(
      'live tempo: INVALID_ARGUMENTS: tempo (BPM) must be a number from 20 to 999 (got "5000")\n',
    )
    const sig = await runLive(['sig', '4/3', ...s.flags])
    expect(sig.code).toBe(2)
    expect(sig.stderr).toContain('D one of 1, 2, 4, 8, 16 (got "4/3")')
    const json = await runLive(['metronome', 'maybe', '--json', ...s.flags])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'INVALID_ARGUMENTS',
      message: 'metronome (on|off) must be on or off (also true/false, yes/no, 1/0; got "maybe")',
    })
  })
})
