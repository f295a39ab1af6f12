import { createMemoryLink } from '@live/protocol'
import { defineTransportComplianceSuite } from './defineTransportComplianceSuite.js'

defineTransportComplianceSuite({
  name: 'memory()',
  makePair: async () => {
    const { client, server } = createMemoryLink()
    return { transport: client, peer: { ...server, close: async () => {} } }
  },
})
