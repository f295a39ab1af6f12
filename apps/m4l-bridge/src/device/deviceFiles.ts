import { toAmxd } from './amxd.js'
import { livePatcher } from './livePatcher.js'

/** The device's name in Live's browser (the file name without extension). */
export const DEVICE_NAME = 'LiveBridge'

/** The device files build.mjs writes next to the scripts: the patcher as `.maxpat` and as `.amxd`. */
export function deviceFiles(): Record<string, string | Uint8Array> {
  const json = JSON.stringify(livePatcher(), null, '\t')
  return { [`${DEVICE_NAME}.maxpat`]: json, [`${DEVICE_NAME}.amxd`]: toAmxd(json, 'audio') }
}
