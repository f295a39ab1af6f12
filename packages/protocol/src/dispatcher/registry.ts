import { registerApi, registerApplication, registerMidimap } from './application.js'
import { registerClip } from './clip.js'
import { registerClipSlot } from './clipSlot.js'
import type { Registry } from './context.js'
import { registerDevice } from './device.js'
import { registerScene } from './scene.js'
import { registerSong } from './song.js'
import { registerTrack } from './track.js'
import { registerView } from './view.js'

/** AbletonOSC's 494 addresses, in its registration order (which `*` wildcards walk). */
export function abletonOscRegistry(): Registry {
  const reg: Registry = new Map()
  registerApi(reg)
  registerSong(reg)
  registerApplication(reg)
  registerClip(reg)
  registerClipSlot(reg)
  registerTrack(reg)
  registerDevice(reg)
  registerView(reg)
  registerScene(reg)
  registerMidimap(reg)
  return reg
}
