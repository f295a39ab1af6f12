import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listeningSink, runLive, startSim, type TestSim } from './runLive.js'

const FADER_AND_MUTE = `{
  "name": "two controls",
  "takeover": "jump",
  "mappings": [
    { "name": "Fader 1", "control": { "cc": 7 }, "target": { "kind": "volume", "track": 0 } },
    { "name": "Mute 1", "control": { "note": 48 }, "target": { "kind": "mute", "track": 0 } }
  ]
}
`

describe('live map and live midi', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'live-cli-map-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('lists the presets, and prints one as a file to edit', async () => {
    const list = await runLive(['map', 'presets'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatchInlineSnapshot(`
      "preset             controller                  lines  what
      nanokontrol2       Korg nanoKONTROL2           51     nanoKONTROL2: mixer
      launch-control-xl  Novation Launch Control XL  71     Launch Control XL: mixer
      apc-mini           Akai APC mini (mk1)         113    APC mini: session

      Run one: live map NAME [--in PORT]. Copy one to edit: live map presets NAME > my-map.json
      "
    `)
    const one = await runLive(['map', 'presets', 'nanokontrol2'])
    expect(one.code).toBe(0)
    const map = JSON.parse(one.stdout) as { controller: string; mappings: unknown[] }
    expect(map.controller).toBe('Korg nanoKONTROL2')
    expect(map.mappings).toHaveLength(51)
  })

  it('checks a file in a dry run, sending nothing', async () => {
    const file = path.join(dir, 'two.json')
    await writeFile(file, FADER_AND_MUTE)
    const sink = await listeningSink()
    try {
      const run = await runLive(['map', file, '--dry-run', '--port', String(sink.port)])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatchInlineSnapshot(`
        "two controls: 2 lines
        #  name     control    target (bank 0)  page
        0  Fader 1  CC 7/1     track 0 volume
        1  Mute 1   note 48/1  track 0 mute
        Nothing was sent (dry run); run it without --dry-run to start.
        "
      `)
      expect(sink.received).toEqual([])
    } finally {
      await sink.close()
    }
  })

  it('refuses a file with a typo, naming its line and field', async () => {
    const file = path.join(dir, 'typo.json')
    await writeFile(
      file,
      FADER_AND_MUTE.replace('"kind": "mute"', '"kind": "mutee"').replace('"note": 48', '"nte": 48'),
    )
    const run = await runLive(['map', file, '--dry-run'])
    expect(run.code).toBe(2)
    expect(run.stderr.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "live map: INVALID_ARGUMENTS: <dir>/typo.json:6:38: mappings[1].control.nte: unknown field; did you mean "note"?
        Also <dir>/typo.json:6:36: mappings[1].control: {"nte":48}: expected one of cc, note, pitchBend or program
        Also <dir>/typo.json:6:71: mappings[1].target.kind: "mutee" is not a target kind; did you mean "mute"?
        Nothing was sent to Live; fix the file and run it again (\`live map FILE --dry-run\` checks it).
      "
    `)
  })

  it('lists the MIDI ports, or says clearly why there are none to list', async () => {
    const run = await runLive(['midi', 'ports'])
    if (run.code === 0) {
      expect(run.stdout).toMatch(/^inputs:/)
      return
    }
    // No native MIDI here (no ALSA sequencer or no binary): UNSUPPORTED with what to do. ALSA's own library
    // may print its complaint to stderr first, so our line is looked for at the start of any line.
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(
      /^live midi: UNSUPPORTED: (MIDI input needs the optional package @julusian\/midi, which did not load|the system MIDI service is not available)\n {2}(Install it|On Linux, ALSA)/m,
    )
  })

  describe('against the simulator', () => {
    let s: TestSim
    beforeAll(async () => {
      s = await startSim('bridge')
    })
    afterAll(() => s?.close())

    it('runs a mapping from MIDI on stdin: a fader moves a volume, a note toggles mute, and each move is shown', async () => {
      const file = path.join(dir, 'run.json')
      await writeFile(file, FADER_AND_MUTE)
      const run = await runLive(['map', file, '--in', 'stdin', ...s.flags], { input: 'B0 07 7F\n90 30 7F\n80 30 00\n' })
      expect(run.code).toBe(0)
      await expect.poll(() => s.sim.model.get('live_set tracks 0 mixer_device volume', 'value')).toBe(1)
      await expect.poll(() => s.sim.model.get('live_set tracks 0', 'mute')).toBe(true)
      expect(run.stdout).toContain('Fader 1  CC 7/1 → track 0 volume = 6.0 dB\n')
      expect(run.stdout).toContain('Mute 1  note 48/1 → track 0 mute = on\n')
      expect(run.stdout).toContain('stopped: 3 MIDI messages, 2 values set, 0 buttons fired\n')
      // The feedback the controller would get: the fader's position and the LED, as bytes.
      expect(run.stdout).toMatch(/^→ B0 07 [0-9A-F]{2}$/m)
    })

    it('learns controls into a file: move a control, say the target, and the file is written', async () => {
      const file = path.join(dir, 'learned.json')
      const run = await runLive(['map', 'learn', '--in', 'stdin', file, ...s.flags], {
        input: '90 24 7F\nmute 2\nB0 15 40\nparam 1 1 Frequency\n',
      })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('note 36/1 → mute 2  (saved to')
      expect(run.stdout).toContain('CC 21/1 (absolute) → param 1 1 Frequency')
      const map = JSON.parse(await readFile(file, 'utf8'))
      expect(map.mappings).toEqual([
        { control: { note: 36, channel: 1 }, target: { kind: 'mute', track: 2 } },
        { control: { cc: 21, channel: 1 }, target: { kind: 'parameter', track: 1, device: 1, parameter: 'Frequency' } },
      ])
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    })
  })

  it('installs device parameters natively on AbletonOSC and says which lines could not be native', async () => {
    const s = await startSim('abletonosc')
    try {
      const file = path.join(dir, 'native.json')
      await writeFile(
        file,
        JSON.stringify({
          mappings: [
            {
              name: 'Cutoff',
              control: { cc: 21 },
              target: { kind: 'parameter', track: 1, device: 1, parameter: 'Frequency' },
            },
            { name: 'Fader', control: { cc: 7 }, target: { kind: 'volume', track: 0 } },
          ],
        }),
      )
      const run = await runLive(['map', file, '--native', ...s.flags])
      expect(run.code).toBe(0)
      expect(run.stdout.replaceAll(file, '<file>')).toMatchInlineSnapshot(`
        "mapped 1 of 2 lines of <file> in Live itself:
          /live/midimap/map_cc 1 1 2 0 21   Cutoff: CC 21 on channel 1 → track 1 device 1 "Frequency"
        not native (run \`live map <file>\` for these):
          Fader: AbletonOSC maps device parameters only; a volume target needs \`live map\` running
        note: Live maps these CCs itself (AbletonOSC's /live/midimap/map_cc): no process runs, no tick latency.
        note: They listen on the MIDI input selected for AbletonOSC’s control surface slot (Preferences > Link, Tempo & MIDI); route the controller there.
        note: Absolute mode over the whole parameter range; a CC keeps one parameter per channel; there is no unmap: they last until AbletonOSC reloads.
        "
      `)
      await expect.poll(() => s.sim.model.midiMap.mappings().map((m) => m.cc)).toEqual([21])
    } finally {
      await s.close()
    }
  })
})
