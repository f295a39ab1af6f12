import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
// @ts-expect-error build.mjs is plain JavaScript without types
import { build } from '../build.mjs'
import { installDevice } from '../src/install/installDevice.js'
import { installPlan } from '../src/install/installPlan.js'

const here = join(import.meta.dirname, '..')

describe('where the installer puts the device', () => {
  it('uses Live’s default User Library and Max’s Library on macOS and Windows', () => {
    expect(installPlan({ platform: 'darwin', home: '/Users/me' })).toEqual([
      {
        file: 'LiveBridge.amxd',
        to: '/Users/me/Music/Ableton/User Library/Presets/Audio Effects/Max Audio Effect/LiveBridge.amxd',
      },
      {
        file: 'live-bridge.js',
        to: '/Users/me/Music/Ableton/User Library/Presets/Audio Effects/Max Audio Effect/live-bridge.js',
      },
      {
        file: 'live-bridge-node.js',
        to: '/Users/me/Music/Ableton/User Library/Presets/Audio Effects/Max Audio Effect/live-bridge-node.js',
      },
      { file: 'live-bridge.js', to: '/Users/me/Documents/Max 9/Library/live-bridge/live-bridge.js' },
      { file: 'live-bridge-node.js', to: '/Users/me/Documents/Max 9/Library/live-bridge/live-bridge-node.js' },
    ])
    expect(installPlan({ platform: 'win32', home: 'C:\\Users\\me' }).map((c) => c.to)).toEqual([
      'C:\\Users\\me\\Documents\\Ableton\\User Library\\Presets\\Audio Effects\\Max Audio Effect\\LiveBridge.amxd',
      'C:\\Users\\me\\Documents\\Ableton\\User Library\\Presets\\Audio Effects\\Max Audio Effect\\live-bridge.js',
      'C:\\Users\\me\\Documents\\Ableton\\User Library\\Presets\\Audio Effects\\Max Audio Effect\\live-bridge-node.js',
      'C:\\Users\\me\\Documents\\Max 9\\Library\\live-bridge\\live-bridge.js',
      'C:\\Users\\me\\Documents\\Max 9\\Library\\live-bridge\\live-bridge-node.js',
    ])
  })

  it('refuses a platform Live does not run on unless told where', () => {
    expect(() => installPlan({ platform: 'linux', home: '/home/me' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: no default install folders on linux: Live runs on macOS and Windows. Pass --dest DIR (or --user-library and --max-library)]`,
    )
    expect(installPlan({ platform: 'linux', home: '/h', dest: '/x' }).map((c) => c.to)).toEqual([
      '/x/LiveBridge.amxd',
      '/x/live-bridge.js',
      '/x/live-bridge-node.js',
    ])
  })

  it('copies the built files, byte for byte; a dry run copies nothing and says what it would do', async () => {
    const from = await build(await mkdtemp(join(tmpdir(), 'm4l-built-')))
    const dest = await mkdtemp(join(tmpdir(), 'm4l-dest-'))
    const lines: string[] = []
    await installDevice({ from, platform: 'linux', home: '/h', dest, dryRun: true, log: (l) => lines.push(l) })
    expect(await readdir(dest)).toEqual([])
    expect(lines).toEqual([
      `would copy LiveBridge.amxd → ${join(dest, 'LiveBridge.amxd')}`,
      `would copy live-bridge.js → ${join(dest, 'live-bridge.js')}`,
      `would copy live-bridge-node.js → ${join(dest, 'live-bridge-node.js')}`,
      'dry run: nothing was copied',
    ])
    await installDevice({ from, platform: 'linux', home: '/h', dest, log: () => {} })
    expect((await readdir(dest)).sort()).toEqual(['LiveBridge.amxd', 'live-bridge-node.js', 'live-bridge.js'])
    for (const file of await readdir(dest)) {
      expect(await readFile(join(dest, file))).toEqual(await readFile(join(from, file)))
    }
  })

  // The second half checks the refusal on Linux, where Live does not run (and CI does).
  it.skipIf(process.platform !== 'linux')(
    'runs as one command (install.mjs), and exits 1 with the reason on Linux',
    async () => {
      const run = promisify(execFile)
      const dest = await mkdtemp(join(tmpdir(), 'm4l-cmd-'))
      const { stdout } = await run(process.execPath, ['install.mjs', '--dry-run', '--dest', dest], { cwd: here })
      expect(stdout.trim().split('\n').at(-1)).toBe('dry run: nothing was copied')
      const failed = await run(process.execPath, ['install.mjs', '--dry-run'], { cwd: here }).catch((error) => error)
      expect([failed.code, failed.stderr.trim()]).toEqual([
        1,
        'install-device: no default install folders on linux: Live runs on macOS and Windows. Pass --dest DIR (or --user-library and --max-library)',
      ])
    },
  )
})
