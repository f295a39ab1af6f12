import { createDispatcher, createMemoryLink, type Transport } from '@live/protocol'
import { createLiveSet } from '@live/simulator'

/** The simulator's model and dispatcher behind an in-memory link, with no sockets and no ticks. */
export interface MemorySimulator {
  /** The client end of the link. */
  readonly transport: Transport
  close(): void
}

/** Serves a built-in set over `createMemoryLink()`, as the bridge flavour would (on arrival). */
export function memorySimulator(set: 'default' | 'demo'): MemorySimulator {
  const { client, server } = createMemoryLink({ name: 'simulator' })
  const model = createLiveSet({ set })
  const dispatcher = createDispatcher({ model, flavour: 'bridge', send: (message) => void server.send(message) })
  const from = { address: 'memory', port: 0 }
  server.onMessage((message) => dispatcher.handle(message, from))
  return {
    transport: client,
    close() {
      dispatcher.dispose()
      model.dispose()
    },
  }
}
