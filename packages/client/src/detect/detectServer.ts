import { isLiveError, type OscValue } from '@live/protocol'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore, RequestFlags, ServerKind } from '../core/createCore.js'
import { HELLO_ADDRESS, SIMULATOR_HELLO_ADDRESS } from './probeAddresses.js'

export { HELLO_ADDRESS, PROBE_ADDRESSES, SIMULATOR_HELLO_ADDRESS } from './probeAddresses.js'

/** What the simulator says of itself when it is the server answering. */
export interface SimulatorInfo {
  /** The server it imitates: its replies are that server's, quirks included. */
  readonly flavour: 'abletonosc' | 'bridge'
  /** @live/simulator's version. */
  readonly version: string
}

/** Which server answers, and its versions. */
export interface ServerInfo {
  /**
   * The protocol the server speaks, which decides what the client may send: `abletonosc` (100 ms ticks,
   * no extensions) or `bridge` (extensions, answers on arrival); `unknown` before detection. The simulator
   * reports the flavour it imitates here, and itself in `simulator`.
   */
  readonly kind: ServerKind
  /** The protocol's name for messages: `AbletonOSC` or `the Max for Live bridge 1.2.0` (the simulator's flavours take the name of the server they imitate). */
  readonly name: string
  /** The bridge's version, from its hello (the simulator's bridge flavour reports the one it imitates). */
  readonly version: string | undefined
  /** Live's version from `/live/application/get/version`, as `major.minor`. */
  readonly liveVersion: string | undefined
  /** Set when the server is our simulator (it answers `/simulator/hello`, which nothing else does). */
  readonly simulator: SimulatorInfo | undefined
}

function fromHello(args: readonly OscValue[]): { version: string | undefined } {
  const version = args.find((a): a is string => typeof a === 'string' && /^\d+\.\d+/.test(a))
  return { version }
}

function fromSimulatorHello(args: readonly OscValue[]): SimulatorInfo | undefined {
  const [name, version, flavour] = args
  if (name !== 'live-simulator' || (flavour !== 'abletonosc' && flavour !== 'bridge')) return undefined
  return { flavour, version: typeof version === 'string' ? version : 'unknown' }
}

/** A probe the server refused or did not answer: undefined; anything else (closed, aborted) is thrown. */
function probe<T>(sent: Promise<readonly OscValue[]>, read: (args: readonly OscValue[]) => T): Promise<T | undefined> {
  return sent.then(read, (error: unknown) => {
    if (isLiveError(error, 'LIVE_REJECTED') || isLiveError(error, 'TIMEOUT')) return undefined
    throw error
  })
}

function nameOf(kind: 'abletonosc' | 'bridge', version: string | undefined) {
  if (kind === 'abletonosc') return 'AbletonOSC'
  return version === undefined ? 'the Max for Live bridge' : `the Max for Live bridge ${version}`
}

/**
 * Asks the server who it is, all in parallel (one round trip): `/live/bridge/hello` (answered only by the
 * bridge and the simulator's bridge flavour), `/simulator/hello` (only by the simulator) and
 * `/live/application/get/version`. Updates the core's record (timeouts, extensions) and the pacing.
 *
 * @example
 * const { kind, liveVersion, simulator } = await detectServer(core)
 * // { kind: 'abletonosc', liveVersion: '12.1', simulator: { flavour: 'abletonosc', version: '0.0.0' }, ... }
 */
export async function detectServer(
  core: ClientCore,
  options: CallOptions = {},
  flags: RequestFlags = {},
): Promise<ServerInfo> {
  const hello = probe(core.raw(HELLO_ADDRESS, [], options, flags), fromHello)
  const simulatorHello = probe(core.raw(SIMULATOR_HELLO_ADDRESS, [], options, flags), fromSimulatorHello)
  const live = core
    .request('/live/application/get/version', [], options, undefined, flags)
    .then((reply) => `${String(reply[0])}.${String(reply[1])}`)
  const [ours, simulator, liveVersion] = await Promise.all([hello, simulatorHello, live])
  // The simulator imitates a server: its flavour says which protocol it speaks (an abletonosc-flavour
  // simulator is AbletonOSC to the client: no extensions, ticks).
  const kind = simulator !== undefined ? simulator.flavour : ours !== undefined ? 'bridge' : 'abletonosc'
  const version = kind === 'bridge' ? ours?.version : undefined
  const info: ServerInfo = { kind, name: nameOf(kind, version), version, liveVersion, simulator }
  core.server = { kind: info.kind, name: info.name, version: info.version }
  core.adaptPacing()
  return info
}
