import { defineComplianceSuite } from '@live/compliance'
import { startDevice } from './deviceHarness.js'

// The same suite the simulator's bridge flavour passes, against the device's script over Max's LiveAPI shape.
defineComplianceSuite({
  name: 'm4l-bridge',
  flavour: 'bridge',
  async start() {
    const harness = await startDevice()
    return {
      host: '127.0.0.1',
      port: harness.port,
      reset: async () => harness.reset(),
      close: () => harness.close(),
    }
  },
})
