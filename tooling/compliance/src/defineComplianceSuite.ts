import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import { registerExtensionTests } from './extensionTests.js'
import { registerFlavourTests } from './flavourTests.js'
import { registerModelTests } from './modelTests.js'
import { type OscTestClient, openOscTestClient } from './oscTestClient.js'

/** A running server of the protocol, as the suite sees it. */
export interface ComplianceServer {
  /** Where it listens. */
  readonly host: string
  /** Its UDP port. */
  readonly port: number
  /** abletonosc flavour: the port it replies to (the suite binds it). @default 11001 */
  readonly replyPort?: number | undefined
  /** Restores the default set and drops every listener. */
  reset(): Promise<void>
  /** Moves a virtual-clock server on by `ms` and lets socket I/O happen; absent on real time. */
  advance?: ((ms: number) => Promise<void>) | undefined
  /** Stops the server. */
  close(): Promise<void>
}

/** What {@link defineComplianceSuite} needs. */
export interface ComplianceSuiteOptions {
  /** Label of the describe block, e.g. `simulator`. */
  name: string
  /** abletonosc: replies to the reply port, one default remote; bridge: replies to each source port, per-client listeners. */
  flavour: 'abletonosc' | 'bridge'
  /** Starts a server serving the default set (Live's blank set: 4 tracks, 8 scenes, 120 BPM). */
  start: () => Promise<ComplianceServer>
}

/** What each group of tests receives: the server and a client bound as the flavour requires. */
export interface ComplianceContext {
  /** The flavour under test. */
  readonly flavour: 'abletonosc' | 'bridge'
  /** The server under test. */
  server(): ComplianceServer
  /** The main client (abletonosc: bound to the reply port). */
  client(): OscTestClient
  /** Opens another client on an ephemeral port; closed after the test. */
  extraClient(): Promise<OscTestClient>
}

/**
 * Registers vitest `describe`/`it` blocks checking what any server of the protocol must do.
 *
 * @example
 * defineComplianceSuite({ name: 'simulator', flavour: 'bridge', start: async () => { const sim = await createSimulator({ port: 0, flavour: 'bridge' }); return { host: sim.host, port: sim.port, reset: sim.reset, close: sim.close } } })
 */
export function defineComplianceSuite(options: ComplianceSuiteOptions): void {
  describe(`${options.name}: protocol compliance (${options.flavour})`, () => {
    let server: ComplianceServer | undefined
    let client: OscTestClient | undefined
    const extras: OscTestClient[] = []

    beforeAll(async () => {
      server = await options.start()
      client = await openOscTestClient({
        host: server.host,
        port: server.port,
        bindPort: options.flavour === 'abletonosc' ? (server.replyPort ?? 11001) : 0,
        advance: server.advance,
      })
    })
    afterAll(async () => {
      await client?.close()
      await server?.close()
    })
    beforeEach(async () => {
      await server!.reset()
      // Whatever was in flight before the reset is flushed by one round trip.
      await client!.sync()
      client!.clear()
      return async () => {
        for (const extra of extras.splice(0)) await extra.close()
      }
    })

    const context: ComplianceContext = {
      flavour: options.flavour,
      server: () => server!,
      client: () => client!,
      async extraClient() {
        const extra = await openOscTestClient({ host: server!.host, port: server!.port, advance: server!.advance })
        extras.push(extra)
        return extra
      },
    }
    registerModelTests(context)
    registerFlavourTests(context)
    registerExtensionTests(context)
  })
}
