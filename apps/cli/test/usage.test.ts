import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listeningSink, runLive } from './runLive.js'

describe('usage errors, help and completion', () => {
  let sink: Awaited<ReturnType<typeof listeningSink>>
  beforeAll(async () => {
    sink = await listeningSink()
  })
  afterAll(() => sink?.close())

  it.each([
    [['tempo', 'fast'], 'tempo (BPM) must be a number from 20 to 999 (got "fast")'],
    [['tempo', '-3'], 'tempo (BPM) must be a number from 20 to 999 (got "-3")'],
    [['track', 'x', 'volume', '-6'], 'track index must be a whole number ≥ 0 (got "x")'],
    [['track', '0', 'volume', 'loud'], 'volume must be a level in dB from -inf to +6 (e.g. -6 or -6dB; got "loud")'],
    [['track', '0', 'volume', '+9dB'], 'volume must be a level in dB from -inf to +6 (got "+9dB")'],
    [['track', '0', 'volume', '--raw', '1.5'], 'volume (--raw) must be a number from 0 to 1 (got "1.5")'],
    [['track', '0', 'pan', '60L'], 'pan must be C, 1L..50L, 1R..50R or a value from -1 to 1 (got "60L")'],
    [['clip', '0', '0', 'explode'], 'clip action must be one of fire, stop, create, name, notes (got "explode")'],
    [['tempo', '--bogus'], 'tempo: unknown flag --bogus'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['track', 'delete', '1'], 'refusing to delete track 1 without --yes (not a terminal, cannot ask)'],
  ])('live %j exits 2 and sends nothing', async (args, message) => {
    const run = await runLive([...args, '--port', String(sink.port), '--timeout', '300'])
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')[0]).toContain(message)
    expect(run.stdout).toBe('')
    await new Promise((r) => setTimeout(r, 50))
    expect(sink.received).toEqual([])
  })

  it('documents exit codes and examples in --help', async () => {
    const help = await runLive(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('3  Live rejected the request (LIVE_REJECTED)')
    expect(help.stdout).toContain('4  timeout: Live (or the simulator) is not running or not reachable')
    const track = await runLive(['track', '--help'])
    expect(track.stdout).toContain('  live track 0 volume -6dB\n')
  })

  it('prints completion scripts for bash, zsh and fish', async () => {
    const bash = await runLive(['completion', 'bash'])
    expect(bash.stdout).toContain('complete -o default -F _live live')
    expect((await runLive(['completion', 'zsh'])).stdout.startsWith('#compdef live\n')).toBe(true)
    expect((await runLive(['completion', 'fish'])).stdout).toContain(
      'complete -c live -n __fish_use_subcommand -a tempo',
    )
    expect((await runLive(['completion', 'tcsh'])).code).toBe(2)
  })

  it('exits 4 with a hint when nothing answers', async () => {
    const run = await runLive(['tempo', '--port', String(sink.port), '--timeout', '100', '--reply-port', 'source'])
    expect(run.code).toBe(4)
    expect(run.stderr).toContain(
      `live tempo: TIMEOUT: no reply to /live/song/get/tempo from 127.0.0.1:${sink.port} within 100 ms`,
    )
  })
})
