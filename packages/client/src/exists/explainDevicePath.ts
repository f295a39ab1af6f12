import type { LiveError } from '@live/protocol'
import { CHAIN_PATH } from '../core/bridgeIds.js'
import { devicePathError } from './notFound.js'

/** Reads a reply's values, or undefined when the server refused or did not answer. */
export type Reader = (address: string, args: readonly (number | string)[]) => Promise<readonly unknown[] | undefined>

/** How many devices a track has, by the bridge's track ids (`'master'`, `'return/0'`) or an index. */
async function topDevices(read: Reader, track: number | string): Promise<number | undefined> {
  const reply =
    track === 'master'
      ? await read('/live/master/get/num_devices', [])
      : typeof track === 'string'
        ? await read('/live/return/get/num_devices', [Number(track.slice(7))])
        : await read('/live/track/get/num_devices', [track])
  const count = reply?.at(-1)
  return typeof count === 'number' ? count : undefined
}

/**
 * After the bridge refused a device message whose ids only it takes (`'master'`, `'return/0'`, a chain
 * path `'0/1/2'`): walks the path step by step (the track's devices, the rack's chains, the chain's
 * devices) and returns NOT_FOUND for the first step that does not exist, or undefined when every step
 * does (the refusal was about something else).
 *
 * @example
 * await explainDevicePath(read, 1, '0/5/0', refusal) // NOT_FOUND: device 0/5/0 does not exist on track 1: device 0 has chains 0–1
 */
export async function explainDevicePath(
  read: Reader,
  track: number | string,
  path: number | string,
  refusal: LiveError,
): Promise<LiveError | undefined> {
  const steps = typeof path === 'number' ? [path] : CHAIN_PATH.test(path) ? path.split('/').map(Number) : undefined
  if (steps === undefined) return undefined
  const extra = {
    address: refusal.details.address as string | undefined,
    text: refusal.details.text as string,
    cause: refusal,
  }
  const top = await topDevices(read, track)
  if (top === undefined) return undefined
  if (steps[0]! >= top) return devicePathError(track, path, 'it has', 'devices', top, extra)
  for (let i = 1; i < steps.length; i += 2) {
    const rack = steps.slice(0, i).join('/')
    const chains = await read('/live/device/get/chains/name', [track, rack.includes('/') ? rack : Number(rack)])
    if (chains === undefined) return undefined
    const chainCount = chains.length - 2
    if (steps[i]! >= chainCount) return devicePathError(track, path, `device ${rack} has`, 'chains', chainCount, extra)
    const devices = await read('/live/device/get/chain/devices/name', [
      track,
      rack.includes('/') ? rack : Number(rack),
      steps[i]!,
    ])
    if (devices === undefined) return undefined
    const deviceCount = devices.length - 3
    const next = steps[i + 1]
    if (next !== undefined && next >= deviceCount) {
      return devicePathError(track, path, `chain ${rack}/${steps[i]} has`, 'devices', deviceCount, extra)
    }
  }
  return undefined
}
