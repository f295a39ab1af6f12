import { join, win32 } from 'node:path'
import { SCRIPT_FILES } from '../device/livePatcher.js'

/** The device file the installer places in Live's User Library. */
export const DEVICE_FILE = 'LiveBridge.amxd'

/** Where Live's browser lists Max audio effects, inside the User Library. */
const PRESETS = ['Presets', 'Audio Effects', 'Max Audio Effect']

/** Options of {@link installPlan}. */
export interface InstallPlanOptions {
  /** `process.platform`. */
  platform: string
  /** The user's home folder. */
  home: string
  /** Put everything into this one folder instead (a custom User Library layout, or a staging folder). */
  dest?: string | undefined
  /** Live's User Library, when moved in Live's Preferences > Library. @default the platform's default */
  userLibrary?: string | undefined
  /** Max's user Library folder. @default ~/Documents/Max 9/Library */
  maxLibrary?: string | undefined
}

/** One file to copy: its name in dist/ and where it goes. */
export interface InstallCopy {
  readonly file: string
  readonly to: string
}

/**
 * Where the device and its scripts go so that Live and Max find them. The device goes to the User Library's
 * Max Audio Effect presets (default User Library: `~/Music/Ableton/User Library` on macOS,
 * `\Users\<name>\Documents\Ableton\User Library` on Windows, https://help.ableton.com/hc/en-us/articles/209774085),
 * with both scripts beside it, as public devices ship theirs (alaarab/livemcp src/livemcp/max_bridge_device.py
 * copies its JS next to the .amxd). The scripts also go into Max's user Library (`~/Documents/Max 9/Library`), which
 * Max searches whatever folder a device was loaded from (public Max projects install there for that reason), because
 * whether a device loaded from Live's browser has its own folder in Max's search path is reported both ways.
 *
 * @example
 * installPlan({ platform: 'darwin', home: '/Users/me' })[0] // { file: 'LiveBridge.amxd', to: '/Users/me/Music/Ableton/User Library/Presets/Audio Effects/Max Audio Effect/LiveBridge.amxd' }
 */
export function installPlan(options: InstallPlanOptions): InstallCopy[] {
  const scripts = Object.values(SCRIPT_FILES)
  if (options.dest !== undefined) {
    return [DEVICE_FILE, ...scripts].map((file) => ({ file, to: join(options.dest!, file) }))
  }
  const path = options.platform === 'win32' ? win32.join : join
  let userLibrary = options.userLibrary
  if (userLibrary === undefined) {
    if (options.platform === 'darwin') userLibrary = path(options.home, 'Music', 'Ableton', 'User Library')
    else if (options.platform === 'win32') userLibrary = path(options.home, 'Documents', 'Ableton', 'User Library')
    else {
      throw new Error(
        `no default install folders on ${options.platform}: Live runs on macOS and Windows. Pass --dest DIR (or --user-library and --max-library)`,
      )
    }
  }
  const maxLibrary = options.maxLibrary ?? path(options.home, 'Documents', 'Max 9', 'Library')
  const presets = path(userLibrary, ...PRESETS)
  return [
    { file: DEVICE_FILE, to: path(presets, DEVICE_FILE) },
    ...scripts.map((file) => ({ file, to: path(presets, file) })),
    ...scripts.map((file) => ({ file, to: path(maxLibrary, 'live-bridge', file) })),
  ]
}
