import { createSimulator, createVirtualClock, type Simulator } from '@live/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLive } from './runLive.js'

// The bridge flavour answers on arrival, so the demo set can run on a virtual clock that never moves:
// a clip fired while the transport runs stays triggered until the test says otherwise.
describe('live status and live clips on the demo set', () => {
  let sim: Simulator
  let flags: string[]
  const clock = createVirtualClock()
  beforeAll(async () => {
    sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo', clock })
    flags = ['--port', String(sim.port), '--reply-port', 'source']
    // A launch starts the transport and plays on the engine's next step; then a second one waits for bar 2.
    expect((await runLive(['clip', '0', '1', 'fire', ...flags])).stdout).toBe('▶ fired clip 0/1 "Beat A"\n')
    clock.advance(10)
    expect((await runLive(['clip', '1', '2', 'fire', ...flags])).code).toBe(0)
  })
  afterAll(() => sim?.close())

  it('status says what plays, what waits, the transport and the server', async () => {
    const run = await runLive(['status', ...flags])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    // Who the simulator says it is belongs to `live doctor`'s identity work; here: that the line is there.
    expect(run.stdout).toMatch(new RegExp(`^server: .+, Live 12\\.1 at 127\\.0\\.0\\.1:${sim.port}$`, 'm'))
    expect(run.stdout.replace(/^server: .*$/m, 'server: …')).toMatchInlineSnapshot(`
      "▶ playing  124 BPM  4/4  at 1.1.1  loop off  metronome off
      server: …
        0 Drums  ▶ Beat A (scene 1)
        1 Bass   ·  ▷ Bass Offbeat (scene 2) next
        2 Keys   ·
        3 Pad    ·
        4 FX     ·
      "
    `)
  })

  it('status --json is one document with the same facts', async () => {
    const status = JSON.parse((await runLive(['status', '--json', ...flags])).stdout)
    expect(status.song).toEqual({
      playing: true,
      tempo: 124,
      signature: { numerator: 4, denominator: 4 },
      // 10 ms of the virtual clock at 124 BPM.
      beats: expect.closeTo(0.0207, 4),
      position: '1.1.1',
      loop: { on: false, start: 0, length: 16 },
      metronome: false,
      record: false,
    })
    expect(status.tracks.slice(0, 2)).toEqual([
      { index: 0, name: 'Drums', playing: { slot: 1, clip: 'Beat A' }, triggered: null, stopTriggered: false },
      { index: 1, name: 'Bass', playing: null, triggered: { slot: 2, clip: 'Bass Offbeat' }, stopTriggered: false },
    ])
    expect(status.server).toMatchObject({ host: '127.0.0.1', port: sim.port })
  })

  it('clips shows the grid: every slot, empty ones as ·, playing ▶ and triggered ▷', async () => {
    const run = await runLive(['clips', ...flags])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatchInlineSnapshot(`
      "scene      0 Drums       1 Bass          2 Keys  3 Pad      4 FX
      0 Intro    ·             ·               Chords  Pad Am     ·
      1 Verse    ▶ Beat A      Bass Offbeat    ·       ·          ·
      2 Verse 2  Beat B        ▷ Bass Offbeat  Stabs   ·          ·
      3 Build    Build Snares  ·               ·       Pad Am     Riser
      4 Drop     Beat Drop     Bass Drive      Stabs   ·          ·
      5 Break    ·             ·               Chords  Pad Am     ·
      6 Drop 2   Beat Drop 2   Bass Drive      ·       ·          ·
      7 Outro    ·             ·               ·       Pad Outro  Tail
      ▶ playing  ▷ triggered  · empty  ■ stop triggered
      "
    `)
  })

  it('clips --json gives tracks, scenes and slots[scene][track] with colours', async () => {
    const grid = JSON.parse((await runLive(['clips', '--json', ...flags])).stdout)
    expect(grid.tracks[1]).toEqual({
      index: 1,
      name: 'Bass',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      playingSlot: null,
      triggeredSlot: 2,
      stopTriggered: false,
    })
    expect(grid.scenes.map((s: { name: string }) => s.name)).toEqual([
      'Intro',
      'Verse',
      'Verse 2',
      'Build',
      'Drop',
      'Break',
      'Drop 2',
      'Outro',
    ])
    expect(grid.slots[0][0]).toBeNull()
    expect(grid.slots[1][0]).toEqual({
      name: 'Beat A',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      playing: true,
      triggered: false,
    })
    expect(grid.slots[2][1]).toMatchObject({ name: 'Bass Offbeat', playing: false, triggered: true })
  })

  it('colours each clip with its own colour where the terminal has 24-bit colour', async () => {
    const run = await runLive(['clips', ...flags], {
      env: { NO_COLOR: '', FORCE_COLOR: '1', COLORTERM: 'truecolor' },
    })
    const color = sim.model.get('live_set tracks 0 clip_slots 1 clip', 'color') as number
    const [r, g, b] = [color >> 16, (color >> 8) & 0xff, color & 0xff]
    expect(run.stdout).toContain(`\u001b[38;2;${r};${g};${b}mBeat A\u001b[39m`)
  })
})
