import { expect, it } from 'vitest'
import { askError, tell } from './ask.js'
import type { ComplianceContext } from './defineComplianceSuite.js'

/**
 * Registers the bridge's extension addresses, one case per address family, as CONTRIBUTING.md's
 * "adding an address" asks: the bridge answers them in every object model, AbletonOSC knows none.
 */
export function registerExtensionTests(context: ComplianceContext): void {
  const client = () => context.client()

  if (context.flavour === 'abletonosc') {
    it('knows no extension address', async () => {
      expect(await askError(client(), '/live/return/get/crossfade_assign', [0], 'i')).toBe(
        'Unknown OSC address: /live/return/get/crossfade_assign',
      )
    })
    return
  }

  it('assigns a return track to a crossfader side, and tells its listener (/live/return/.../crossfade_assign)', async () => {
    // MixerDevice.crossfade_assign: 0 = A, 1 = none (a new track's), 2 = B.
    expect(await tell(client(), '/live/return/get/crossfade_assign', [1], 'i')).toEqual([
      { address: '/live/return/get/crossfade_assign', types: 'ii', args: [1, 1] },
    ])
    expect(await tell(client(), '/live/return/start_listen/crossfade_assign', [1], 'i')).toEqual([
      { address: '/live/return/get/crossfade_assign', types: 'ii', args: [1, 1] },
    ])
    expect(await tell(client(), '/live/return/set/crossfade_assign', [1, 2], 'ii')).toEqual([
      { address: '/live/return/get/crossfade_assign', types: 'ii', args: [1, 2] },
    ])
    expect(await tell(client(), '/live/return/stop_listen/crossfade_assign', [1], 'i')).toEqual([])
    expect(await tell(client(), '/live/return/set/crossfade_assign', [1, 0], 'ii')).toEqual([])
    expect(await tell(client(), '/live/return/get/crossfade_assign', [1], 'i')).toEqual([
      { address: '/live/return/get/crossfade_assign', types: 'ii', args: [1, 0] },
    ])
    expect(await askError(client(), '/live/return/get/crossfade_assign', [9], 'i')).toBe(
      'Error handling OSC message: Index out of range',
    )
  })
}
