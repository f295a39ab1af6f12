import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT_BIN, type McpSession, startMcp } from './mcpHarness.js'

// The installed command runs the esbuild bundle (build.mjs), not the files the other tests run through tsx:
// this checks that the bundle and its lazily loaded chunks (workflows, their Node file helpers) work.
describe('live-mcp as installed: bin/live-mcp.js and its bundle', () => {
  let mcp: McpSession
  let source: McpSession
  let dir: string
  beforeAll(async () => {
    if (!existsSync(join(BUILT_BIN, '../../dist/bundle/live-mcp.js'))) {
      throw new Error('dist/bundle/live-mcp.js is missing: run `pnpm --filter @live/mcp-server build` first')
    }
    dir = await mkdtemp(join(tmpdir(), 'live-mcp-bundle-'))
    ;[mcp, source] = await Promise.all([startMcp(['--sim'], {}, 'built'), startMcp(['--sim'])])
  })
  afterAll(async () => {
    await mcp?.close()
    await source?.close()
    await rm(dir, { recursive: true, force: true })
  })
  const text = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await mcp.call(name, args)
    return { error: result.isError === true, text: mcp.text(result) }
  }

  it('lists the same tools, schemas and prompts as the source', async () => {
    const names = (list: { name: string }[]) => list.map((t) => t.name)
    const [built, fromSource] = await Promise.all([mcp.client.listTools(), source.client.listTools()])
    expect(built.tools.length).toBe(29)
    expect(built.tools).toEqual(fromSource.tools)
    expect(names((await mcp.client.listPrompts()).prompts)).toEqual(names((await source.client.listPrompts()).prompts))
  })

  it('says in one line what to do when an installation lacks its bundle, with no stack trace', async () => {
    const copy = join(dir, 'installed/bin')
    await mkdir(copy, { recursive: true })
    await copyFile(BUILT_BIN, join(copy, 'live-mcp.js'))
    const run = spawnSync(process.execPath, [join(copy, 'live-mcp.js'), '--sim'], { encoding: 'utf8', input: '' })
    expect([run.status, run.stdout, run.stderr]).toEqual([
      1,
      '',
      '[live-mcp] dist/bundle/live-mcp.js is missing from this installation: reinstall @live/mcp-server.\n',
    ])
  })

  it('prints its own set-up for an MCP client, with this Node and the real path of the command', () => {
    const run = spawnSync(process.execPath, [BUILT_BIN, '--print-config', 'claude-desktop', '--sim'], {
      encoding: 'utf8',
    })
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      mcpServers: {
        'ableton-live': {
          command: process.execPath,
          args: [BUILT_BIN, '--sim'],
          env: { ABLETON_OSC_HOST: '127.0.0.1', ABLETON_OSC_PORT: '11000' },
        },
      },
    })
    const code = spawnSync(process.execPath, [BUILT_BIN, '--print-config', 'claude-code'], { encoding: 'utf8' })
    expect(code.stdout.trim()).toBe(
      `claude mcp add ableton-live -e ABLETON_OSC_HOST=127.0.0.1 -e ABLETON_OSC_PORT=11000 -- ${process.execPath} ${BUILT_BIN}`,
    )
  })

  it('drives the embedded simulator', async () => {
    expect(await text('ableton_set_tempo', { bpm: 128 })).toEqual({ error: false, text: 'Tempo is now 128 BPM.' })
    expect((await text('ableton_read')).text).toBe('5 tracks, 8 scenes, 128 BPM 4/4, stopped.')
  })

  it('loads the workflows chunk on first use, with their errors intact', async () => {
    expect((await text('ableton_fade', { track: 2, what: 'pan', to_value: 1, seconds: 1, dry_run: true })).text).toBe(
      'Dry run of fade: 21 messages would be sent; nothing was changed.',
    )
    expect(await text('ableton_fade', { track: 0, to_value: 0.5 })).toEqual({
      error: true,
      text: 'Invalid argument: a volume fade takes to_db/from_db, not to_value/from_value.\nto_db/from_db are for volumes (dB); to_value/from_value for pan, sends and parameters.',
    })
  })

  it('writes a snapshot file through the Node helpers chunk', async () => {
    const file = join(dir, 'set.json')
    expect((await text('ableton_snapshot', { action: 'save', name: 'now', file, notes: false })).text).toMatch(
      new RegExp(`^Saved snapshot "now": 5 tracks, 8 scenes, 128 BPM; written to ${file.replaceAll('/', '\\/')}\\.$`),
    )
    const saved = JSON.parse(await readFile(file, 'utf8'))
    expect([saved.format, saved.captured]).toEqual(['live-snapshot', { notes: false, parameters: true }])
  })
})
