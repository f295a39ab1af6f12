import { describe, expect, it } from 'vitest'
import { parseSimulatorArgs } from './parseSimulatorArgs.js'

describe('parseSimulatorArgs', () => {
  it('gives the defaults with no flags', () => {
    expect(parseSimulatorArgs([])).toEqual({
      kind: 'run',
      flavour: 'abletonosc',
      set: { name: 'default' },
      host: '127.0.0.1',
      port: 11000,
      replyPort: 11001,
      tickMs: 100,
      verbose: false,
      exportFolder: undefined,
    })
  })

  it('reads every flag', () => {
    const command = parseSimulatorArgs([
      '--flavour',
      'bridge',
      '--set',
      'my-set.json',
      '--port',
      '9000',
      '--reply-port',
      '9001',
      '--host',
      '0.0.0.0',
      '--tick-ms',
      '50',
      '--verbose',
      '--export-folder',
      '/tmp/Exports',
    ])
    expect(command).toEqual({
      kind: 'run',
      flavour: 'bridge',
      set: { file: 'my-set.json' },
      host: '0.0.0.0',
      port: 9000,
      replyPort: 9001,
      tickMs: 50,
      verbose: true,
      exportFolder: '/tmp/Exports',
    })
  })

  it('honours ABLETON_OSC_HOST, ABLETON_OSC_PORT and ABLETON_OSC_REPLY_PORT, flags first', () => {
    const env = { ABLETON_OSC_HOST: '0.0.0.0', ABLETON_OSC_PORT: '12000', ABLETON_OSC_REPLY_PORT: '12001' }
    expect(parseSimulatorArgs([], env)).toMatchObject({ host: '0.0.0.0', port: 12000, replyPort: 12001 })
    expect(parseSimulatorArgs(['--reply-port', '13001'], env)).toMatchObject({ replyPort: 13001 })
    expect(parseSimulatorArgs(['--port', '13000'], env)).toMatchObject({ port: 13000 })
  })

  it('takes the export folder for the bridge flavour only, as an absolute path', () => {
    expect(parseSimulatorArgs(['--flavour', 'bridge', '--export-folder', 'out'])).toMatchObject({
      exportFolder: `${process.cwd()}/out`,
    })
    expect(() => parseSimulatorArgs(['--export-folder', '/tmp/x'])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: --export-folder only applies to --flavour bridge (got --flavour abletonosc)
        AbletonOSC cannot write audio files; the Max for Live bridge can.]
    `)
  })

  it('asks for help', () => {
    expect(parseSimulatorArgs(['--help'])).toEqual({ kind: 'help' })
  })

  it('names the flag, the value and the choices on a bad value', () => {
    expect(() => parseSimulatorArgs(['--flavour', 'live'])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: --flavour must be one of abletonosc, bridge (got "live")
        Run live-sim --help for usage.]
    `)
    expect(() => parseSimulatorArgs(['--port', '70000'])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: --port must be an integer from 0 to 65535 (got "70000")
        Run live-sim --help for usage.]
    `)
    expect(() => parseSimulatorArgs(['--tick-ms', 'fast'])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: --tick-ms must be an integer from 1 to 60000 (got "fast")
        Run live-sim --help for usage.]
    `)
    expect(() => parseSimulatorArgs(['--set', 'mine.txt'])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: --set must be default, demo or a path to a .json file (got "mine.txt")
        Run live-sim --help for usage.]
    `)
    expect(() => parseSimulatorArgs(['--colour'])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: Unknown option '--colour'
        See live-sim --help for the flags.]
    `)
  })
})
