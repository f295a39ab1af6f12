import { defineComplianceSuite } from '@live/compliance'
import { startRig } from './deviceRig.js'

// The same suite the simulator's bridge flavour passes, against the device's patch and script in the Max stand-in.
defineComplianceSuite({
  name: 'm4l-bridge',
  flavour: 'bridge',
  async start() {
    const rig = await startRig()
    return {
      host: '127.0.0.1',
      port: rig.port,
      reset: () => rig.reset(),
      close: () => rig.close(),
    }
  },
})
