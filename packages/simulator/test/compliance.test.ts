import { defineComplianceSuite } from '@live/compliance'
import { createVirtualClock } from '../src/clock/virtualClock.js'
import { createSimulator } from '../src/server/createSimulator.js'
import { freePort, settle } from './udpHarness.js'

defineComplianceSuite({
  name: 'simulator',
  flavour: 'abletonosc',
  async start() {
    const clock = createVirtualClock()
    // The suite binds the reply port itself; the simulator only needs its number.
    const sim = await createSimulator({ port: 0, replyPort: await freePort(), clock })
    return {
      host: sim.host,
      port: sim.port,
      replyPort: sim.replyPort,
      reset: () => sim.reset(),
      async advance(ms) {
        await settle()
        clock.advance(ms)
        await settle()
      },
      close: () => sim.close(),
    }
  },
})

defineComplianceSuite({
  name: 'simulator',
  flavour: 'bridge',
  async start() {
    const sim = await createSimulator({ port: 0, flavour: 'bridge', clock: createVirtualClock() })
    return { host: sim.host, port: sim.port, reset: () => sim.reset(), close: () => sim.close() }
  },
})
