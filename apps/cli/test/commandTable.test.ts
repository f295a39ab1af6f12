import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CommandSpec, completionWords } from '../src/cli/commandSpec.js'
import { commandTable } from '../src/cli/commandTable.js'
import { listeningSink, runLive } from './runLive.js'

const commands = Object.entries(commandTable as Readonly<Record<string, CommandSpec>>)
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
/** A word of a usage form: at the start or after a space, `|`, `[` or `(`, and not followed by a letter. */
const inUsage = (spec: CommandSpec, word: string) =>
  new RegExp(`(^|[\\s|[(])${escapeRegExp(word)}(?![a-z])`).test(spec.usage.join('\n'))

describe('the command table is the one source of each command’s usage', () => {
  it.each(commands)('live %s: every word, flag and flag value is in its usage', (_name, spec) => {
    const missing = [
      ...Object.values(spec.words ?? {}).flat(),
      ...Object.keys(spec.flags ?? {}).map((flag) => `--${flag}`),
      ...Object.values(spec.flags ?? {}).flatMap((flag) => flag.choices ?? []),
    ].filter((word) => !inUsage(spec, word))
    expect(missing).toEqual([])
  })

  it('every usage form starts with its command', () => {
    const wrong = commands.flatMap(([name, spec]) => spec.usage.filter((form) => !form.startsWith(`live ${name}`)))
    expect(wrong).toEqual([])
  })

  it.each(['bash', 'zsh', 'fish'] as const)('%s completion offers every word of every command', async (shell) => {
    const run = await runLive(['completion', shell])
    expect(run.code).toBe(0)
    for (const [name, spec] of commands) {
      // bash and zsh: one case line per command; fish: the command's lines, and the global flags' (no -n).
      const lines = run.stdout
        .split('\n')
        .filter(
          (line) =>
            line.includes(`${name})`) ||
            line.includes(`__fish_seen_subcommand_from ${name}'`) ||
            line.startsWith('complete -c live -l '),
        )
      const offered = new Set(lines.join(' ').split(/[\s'"=;]+/))
      const words = shell === 'fish' ? completionWords(spec).map((w) => w.replace(/^--/, '')) : completionWords(spec)
      expect({ name, missing: words.filter((word) => !offered.has(word)) }).toEqual({ name, missing: [] })
    }
  })

  it('no command file keeps a word list or a usage line of its own', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/commands')
    const offenders = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => {
        const text = readFileSync(path.join(dir, file), 'utf8')
        const found: string[] = []
        if (/choiceArg\([^;]*?\[\s*'[^'\]]*'\s*(,|\]\s*as const)/s.test(text))
          found.push(`${file}: a choiceArg with its own list`)
        if (/\bUSAGE\b|const usage = '/.test(text)) found.push(`${file}: a usage line of its own`)
        return found
      })
    expect(offenders).toEqual([])
  })
})

describe('commands check their words against the table (exit 2, nothing sent)', () => {
  let sink: Awaited<ReturnType<typeof listeningSink>>
  beforeAll(async () => {
    sink = await listeningSink()
  })
  afterAll(() => sink?.close())
  const { watch, track, clip, scene, snapshot, completion, fade, lfo, demo } = commandTable

  it.each([
    [
      ['watch', 'bogus'],
      [...watch.words.song, ...watch.words.track],
    ],
    [['watch', 'track', '0', 'bogus'], watch.words.trackProperty],
    [['track', '0', 'bogus'], track.words.property],
    [['track', 'create', 'bogus'], track.words.type],
    [['clip', '0', '0', 'bogus'], clip.words.action],
    [['scene', '0', 'bogus'], scene.words.action],
    [['snapshot', 'bogus', 'x.json'], snapshot.words.action],
    [['completion', 'bogus'], completion.words.shell],
    [['fade', '0', '-6', '--curve', 'bogus'], fade.flags.curve.choices],
    [['lfo', '0', 'pan', '--shape', 'bogus'], lfo.flags.shape.choices],
    [['export-stems', '--method', 'bogus'], commandTable['export-stems'].flags.method.choices],
    [['demo', '--flavour', 'bogus'], demo.flags.flavour.choices],
  ] as const)('live %j lists the table’s words', async (args, words) => {
    const run = await runLive([...args, '--port', String(sink.port), '--timeout', '300'])
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')[0]).toContain(`must be one of ${words.join(', ')} (got "bogus")`)
    expect(sink.received).toEqual([])
  })
})
