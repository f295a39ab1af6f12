import { createSocket } from 'node:dgram'
import { createLiveSet, createVirtualClock, type LiveSet } from '@live/simulator'
import { livePatcher } from '../src/device/livePatcher.js'
import { createMaxDevice, type MaxDevice } from '../src/maxDevice.js'
import type { MaxAtom } from '../src/maxGlobals.js'
import { type MaxApi, startNodeScript } from '../src/node/nodeScript.js'
import { createFakeLiveApi, createMaxStandIns } from './fakeMaxLiveApi.js'
import { createSymbolTable, type Message, runPatch } from './maxPatch.js'

/** A free UDP port on 127.0.0.1 (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4')
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address()
      socket.close(() => resolve(port))
    })
  })
}

/**
 * `node.script` as Node for Max documents it: a separate process that only hears Max once its script has loaded
 * (messages before that are lost, https://docs.cycling74.com/max8/vignettes/08_n4m_lifecycle), talking through
 * `max-api`'s `addHandler` and `outlet`, both ways asynchronous (another process).
 */
export function createNodeScriptStandIn(toMax: (message: Message) => void) {
  const handlers = new Map<string, (...args: never[]) => unknown>()
  let script: { close(): Promise<void> } | undefined
  let lost = 0
  const maxApi: MaxApi = {
    outlet: (...args) => void setImmediate(() => toMax(args as Message)),
    addHandler: (selector, handler) => void handlers.set(selector, handler),
  }
  return {
    /** Max sends node.script a message. */
    receive(message: Message) {
      if (script === undefined) {
        lost++
        return
      }
      const [selector, ...args] = message
      setImmediate(() => (handlers.get(String(selector)) as ((...a: unknown[]) => unknown) | undefined)?.(...args))
    },
    /** The script starts (`@autostart 1`). */
    load() {
      script = startNodeScript(maxApi)
    },
    get lost() {
      return lost
    },
    close: () => script?.close() ?? Promise.resolve(),
  }
}

/** Options of {@link startRig}. */
export interface RigOptions {
  /** The export folder typed into the device. */
  folder?: string | undefined
  /** The set to serve. @default 'default' */
  set?: 'default' | 'demo' | undefined
  /** The Port value Live restores with the set. @default a free port */
  port?: number | undefined
  /** Whether a timepoint bangs at the transport's start position. @default false */
  timepointAtStart?: boolean | undefined
}

/**
 * The device as Max runs it, in Node: the patcher JSON interpreted by the Max stand-in, the v8 script over the
 * LiveAPI stand-in, Node for Max's script on a real UDP socket. Load order as in Live: parameters restored,
 * live.thisdevice bangs, then node.script's script loads (asynchronously).
 */
export async function startRig(options: RigOptions = {}) {
  const symbols = createSymbolTable()
  const port = options.port ?? (await freePort())
  let set: LiveSet
  let device: MaxDevice
  let LiveAPI: ReturnType<typeof createFakeLiveApi>
  let max: ReturnType<typeof createMaxStandIns>
  const node = createNodeScriptStandIn((message) => patch.fromNode(message))
  const toV8 = (message: Message) => {
    symbols.intern(message)
    const [selector, ...args] = message
    const name = String(selector)
    const fn = (device as unknown as Record<string, unknown>)[name]
    if (typeof fn === 'function' && name !== 'anything' && name !== 'dispose') {
      ;(fn as (...a: MaxAtom[]) => void)(...args)
    } else device.anything(name, args)
  }
  const patch = runPatch(livePatcher(), {
    get model() {
      return set
    },
    pathOfId: (id) => LiveAPI.pathOf(id),
    symbols,
    v8: toV8,
    node: (message) => node.receive(message),
    timepointAtStart: options.timepointAtStart,
  })
  const fresh = () => {
    set = createLiveSet({ set: options.set ?? 'default', clock: createVirtualClock() })
    LiveAPI = createFakeLiveApi(set, symbols)
    max = createMaxStandIns()
    device = createMaxDevice(
      {
        outlet(index, ...atoms) {
          max.outlet(index, ...atoms)
          patch.fromV8(index, atoms)
        },
        post: max.post,
      },
      { LiveAPI, version: '0.0.0', max: { version: '9.0.7', os: 'macintosh' } },
    )
  }
  fresh()
  patch.setPort(port)
  if (options.folder !== undefined) patch.typeFolder(options.folder)
  patch.loaded()
  node.load()
  const listening = `listening on UDP 127.0.0.1:${port}`
  const waitListening = async () => {
    for (let i = 0; i < 2000 && patch.status() !== listening; i++) await new Promise((r) => setImmediate(r))
    if (patch.status() !== listening) throw new Error(`the device did not listen: status "${patch.status()}"`)
  }
  await waitListening()
  return {
    port,
    patch,
    node,
    symbols,
    get set() {
      return set
    },
    get device() {
      return device
    },
    get max() {
      return max
    },
    get LiveAPI() {
      return LiveAPI
    },
    /** A fresh set and device (no listeners) behind the same socket. */
    async reset() {
      device.dispose()
      set.dispose()
      fresh()
      patch.setPort(port)
      if (options.folder !== undefined) patch.typeFolder(options.folder)
      patch.loaded()
      device.ready()
      await waitListening()
    },
    async close() {
      device.dispose()
      set.dispose()
      await node.close()
    },
  }
}
export type Rig = Awaited<ReturnType<typeof startRig>>
