import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLive, startSim, type TestSim } from './runLive.js'

describe('watch, doctor, console and demo', () => {
  let s: TestSim
  beforeAll(async () => {
    s = await startSim('abletonosc')
  })
  afterAll(() => s?.close())

  it('watches the tempo: the current value first, then changes', async () => {
    const watching = runLive(['watch', 'tempo', '--count', '2', '--json', ...s.flags])
    await new Promise((r) => setTimeout(r, 600))
    s.sim.model.set('live_set', 'tempo', 140)
    const run = await watching
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ property: 'tempo', values: [124, 140] })
  })

  it('doctor says all is well against a running simulator', async () => {
    const run = await runLive(['doctor', '--json', ...s.flags])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.ok).toBe(true)
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual([
      'reply port',
      'reply role',
      '/live/test',
      'server',
      'latency',
      'listeners',
    ])
    expect(report.checks[3].detail).toBe('simulator 0.0.0 (abletonosc flavour), Live 12.1')
  })

  it('doctor exits 4 and says how to fix it when nothing answers', async () => {
    const run = await runLive(['doctor', '--port', '9', '--timeout', '150', '--reply-port', 'source'])
    expect(run.code).toBe(4)
    expect(run.stdout).toContain('✖ /live/test  no answer from 127.0.0.1:9')
    expect(run.stdout).toContain('→ Is Live running with AbletonOSC selected as a Control Surface')
  })

  it('console sends typed lines and prints typed replies', async () => {
    const run = await runLive(['console', ...s.flags], {
      input: '/live/song/set/tempo 101\n/live/song/get/tempo\n/live/nope\n',
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('sent /live/song/set/tempo 101')
    expect(run.stdout).toMatch(/\/live\/song\/get\/tempo → tempo=101 {2}\(\d+ ms\)/)
    expect(run.stdout).toContain('unknown address /live/nope')
    expect(s.sim.model.get('live_set', 'tempo')).toBe(101)
  })

  it.each(['bridge', 'abletonosc'] as const)(
    'demo --fast (%s) completes and prints the scene launches',
    async (flavour) => {
      const run = await runLive(['demo', '--fast', '--flavour', flavour])
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('▶ scene 0 "Intro" launched for bar 1')
      expect(run.stdout).toContain('▶ scene 1 "Verse" launched for bar 2')
      expect(run.stdout).toContain('▶ scene 4 "Drop" launched for bar 4')
      expect(run.stdout).toContain('▶ scene 7 "Outro" launched for bar 7')
      expect(run.stdout).toContain('■ stopped after 7 bars')
      expect(run.stderr).toBe('')
    },
  )

  it('demo --fast --json prints one document', async () => {
    const run = await runLive(['demo', '--fast', '--json'])
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result).toMatchObject({ flavour: 'bridge', tempo: 600, bars: 7 })
    expect(result.events.filter((e: { text: string }) => e.text.startsWith('▶ scene')).length).toBe(5)
  })
})
