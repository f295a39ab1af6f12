import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runProgram, startSim, type TestSim } from './runLive.js'

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repo = path.resolve(cli, '../..')

const names = ['Drums', 'Bass', 'Keys', 'Pad', 'FX']

describe('live from a checkout, as the READMEs say to run it', () => {
  let s: TestSim
  beforeAll(async () => {
    s = await startSim('bridge')
  })
  afterAll(() => s?.close())

  it.each(['-s live', 'live'])('`pnpm %s tracks --json` prints one JSON document and nothing else', async (words) => {
    const result = await runProgram('pnpm', [...words.split(' '), 'tracks', '--json', ...s.flags], { cwd: repo })
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(JSON.parse(result.stdout).tracks.map((t: { name: string }) => t.name)).toEqual(names)
  })

  it('`eval "$(pnpm live completion bash)"` defines the completion', async () => {
    const result = await runProgram('bash', ['-c', 'eval "$(pnpm live completion bash)" && complete -p live'], {
      cwd: repo,
    })
    expect(result).toEqual({ code: 0, stdout: 'complete -o default -F _live live\n', stderr: '' })
  })

  it('`npm link` in apps/cli puts live on the PATH (here into a throwaway npm prefix)', async () => {
    const prefix = mkdtempSync(path.join(tmpdir(), 'live-npm-link-'))
    const env = { NPM_CONFIG_PREFIX: prefix, npm_config_update_notifier: 'false', npm_config_fund: 'false' }
    try {
      const link = await runProgram('npm', ['link'], { cwd: cli, env })
      expect(link.code).toBe(0)
      const result = await runProgram('live', ['tracks', '--json', ...s.flags], {
        cwd: repo,
        env: { PATH: `${path.join(prefix, 'bin')}:${process.env.PATH ?? ''}` },
      })
      expect([result.code, result.stderr]).toEqual([0, ''])
      expect(JSON.parse(result.stdout).tracks.map((t: { name: string }) => t.name)).toEqual(names)
    } finally {
      rmSync(prefix, { recursive: true, force: true })
    }
  })
})

// A copy of the package (bin, scripts, sources, build script) inside apps/cli/node_modules, so its build
// resolves the same dependencies, and rebuilding it never touches the dist/ the other tests run.
describe('bin/live.js in a checkout builds first when it must, on stderr only', () => {
  let copy: string
  beforeAll(async () => {
    await mkdir(path.join(cli, 'node_modules/.cache'), { recursive: true })
    copy = mkdtempSync(path.join(cli, 'node_modules/.cache/launcher-'))
    for (const entry of ['bin', 'scripts', 'src', 'build.mjs', 'package.json']) {
      cpSync(path.join(cli, entry), path.join(copy, entry), { recursive: true })
    }
  })
  afterAll(() => rmSync(copy, { recursive: true, force: true }))
  const live = (...args: string[]) =>
    runProgram(process.execPath, [path.join(copy, 'bin/live.js'), ...args], { cwd: copy })

  it('builds on first use, then starts without building until a source changes', async () => {
    const first = await live('--version')
    expect(first).toMatchObject({ code: 0, stdout: '0.0.0\n' })
    expect(first.stderr).toBe('live: building the command (first use)...\n')
    expect(await live('--version')).toEqual({ code: 0, stdout: '0.0.0\n', stderr: '' })
    const now = new Date()
    utimesSync(path.join(copy, 'src/cli/args.ts'), now, now)
    const changed = await live('--version')
    expect([changed.code, changed.stdout, changed.stderr]).toEqual([
      0,
      '0.0.0\n',
      'live: building the command (src/cli/args.ts changed)...\n',
    ])
  })

  it('builds once when several start together on a stale build', async () => {
    rmSync(path.join(copy, 'dist'), { recursive: true, force: true })
    const runs = await Promise.all([live('--version'), live('--version'), live('--version')])
    expect(runs.map((r) => [r.code, r.stdout])).toEqual([
      [0, '0.0.0\n'],
      [0, '0.0.0\n'],
      [0, '0.0.0\n'],
    ])
    expect(runs.map((r) => r.stderr).join('')).toBe('live: building the command (first use)...\n')
  })
})
