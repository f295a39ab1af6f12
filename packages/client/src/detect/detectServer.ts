import { isLiveError, type OscValue } from '@live/protocol'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore, ServerKind } from '../core/createCore.js'

/** Which server answers, and its versions. */
export interface ServerInfo {
  /**
   * `abletonosc` or `bridge`. The simulator answers as the server it imitates (its flavours are faithful, down
   * to the bridge's hello), so it reports one of those two; `simulator` is for a server whose hello names
   * itself a simulator, `unknown` before detection.
   */
  readonly kind: ServerKind
  /** A name for messages: `AbletonOSC`, `the Max for Live bridge 1.2.0`... */
  readonly name: string
  /** The server's own version, when it reports one (the bridge's hello). */
  readonly version: string | undefined
  /** Live's version from `/live/application/get/version`, as `major.minor`. */
  readonly liveVersion: string | undefined
}

/** The extension address only our servers answer (the bridge and the simulator's bridge flavour). */
export const HELLO_ADDRESS = '/live/bridge/hello'

function fromHello(args: readonly OscValue[]): Pick<ServerInfo, 'kind' | 'name' | 'version'> {
  const strings = args.filter((a): a is string => typeof a === 'string')
  const version = strings.find((s) => /^\d+\.\d+/.test(s))
  const simulator = strings.some((s) => /simulator/i.test(s))
  const kind = simulator ? 'simulator' : 'bridge'
  const label = simulator ? 'the simulator (bridge flavour)' : 'the Max for Live bridge'
  return { kind, name: version === undefined ? label : `${label} ${version}`, version }
}

/**
 * Asks the server who it is: `/live/bridge/hello` (answered only by our servers) and
 * `/live/application/get/version` in parallel. Updates the core's record (timeouts, extensions).
 *
 * @example
 * const { kind, liveVersion } = await detectServer(core) // { kind: 'abletonosc', liveVersion: '12.1', ... }
 */
export async function detectServer(core: ClientCore, options: CallOptions = {}): Promise<ServerInfo> {
  const hello = core.raw(HELLO_ADDRESS, [], options).then(
    (args) => fromHello(args),
    (error: unknown) => {
      if (isLiveError(error, 'LIVE_REJECTED') || isLiveError(error, 'TIMEOUT')) return undefined
      throw error
    },
  )
  const live = core
    .request('/live/application/get/version', [], options)
    .then((reply) => `${String(reply[0])}.${String(reply[1])}`)
  const [ours, liveVersion] = await Promise.all([hello, live])
  const info: ServerInfo =
    ours !== undefined
      ? { ...ours, liveVersion }
      : { kind: 'abletonosc', name: 'AbletonOSC', version: undefined, liveVersion }
  core.server = { kind: info.kind, name: info.name, version: info.version }
  return info
}
