import type { ClientAddress } from '@live/protocol'
import { createReassembler, toParts } from './bytes.js'
import { type Bridge, createBridge } from './createBridge.js'
import { DEVICE_PORT } from './device/livePatcher.js'
import type { MaxAtom, MaxHost, MaxLiveApiConstructor } from './maxGlobals.js'
import { createMaxLiveObjectModel } from './maxLiveObjectModel.js'

/** The `v8` object's outlets, left to right, as the patcher cords them. */
export const OUTLETS = { node: 0, recorder: 1, remote: 2, status: 3, port: 4 } as const

/** Datagrams kept while Node for Max is not ready or the Live API is not usable yet; beyond it the oldest go. */
export const MAX_WAITING = 1024

/** What the device script does with each message Max sends it (one function per message name). */
export interface MaxDevice {
  /** `init`: live.thisdevice banged; the Live API is ready. */
  init(): void
  /** `ready`: the Node for Max script has registered its handlers (messages sent before are lost). */
  ready(): void
  /** `port <n>`: the Port parameter's value (on load, when asked, and when the user changes it). */
  port(value: MaxAtom): void
  /** `part <host> <port> <bytes…>`: the first parts of a long datagram from Node for Max. */
  part(host: MaxAtom, port: MaxAtom, ...bytes: MaxAtom[]): void
  /** `datagram <host> <port> <bytes…>`: a datagram (or its last part) from Node for Max. */
  datagram(host: MaxAtom, port: MaxAtom, ...bytes: MaxAtom[]): void
  /** `exportfolder <path…>`: the folder typed into the device (its words re-joined; `bang` for an empty field). */
  exportfolder(...atoms: MaxAtom[]): void
  /** `exportstarted`: the start timepoint fired and sfrecord~ records. */
  exportstarted(): void
  /** `exportstopped`: the end timepoint fired and sfrecord~ closed the file. */
  exportstopped(): void
  /** `listening <port>` / `error <text…>`: Node for Max reports its socket. */
  status(...atoms: MaxAtom[]): void
  /** Any other message: reported in the Max window. */
  anything(name: string, atoms: MaxAtom[]): void
  /** The device is being removed: detach every listener. */
  dispose(): void
}

/** Options of {@link createMaxDevice}. */
export interface MaxDeviceOptions {
  /** Max's `LiveAPI` class, passed in by the script's footer (Max's `globalThis` is `jsthis`, not the global scope). */
  LiveAPI?: MaxLiveApiConstructor | undefined
  /** Reported by `/live/bridge/hello`. @default '0.0.0' */
  version?: string | undefined
  /** Max's version and OS for `/live/bridge/selftest` (`max.version`, `max.os`). @default unknown */
  max?: { version: string; os: string } | undefined
}

/**
 * The script inside the device's `v8` object: datagrams in from Node for Max, the bridge over the real LiveAPI,
 * datagrams back out, and the recording and live.remote~ chains driven through outlets. Two things must happen
 * before it serves: live.thisdevice's bang (`init`; the Live API is not usable in a script's global code,
 * https://docs.cycling74.com/apiref/js/liveapi) and Node for Max's `ready`. Until then datagrams wait on both
 * sides; on `ready` the device asks the Port box for its value and tells Node for Max to `listen` on it.
 *
 * @example
 * const device = createMaxDevice({ outlet, post }, { LiveAPI })
 * device.init()
 */
export function createMaxDevice(host: MaxHost, options: MaxDeviceOptions = {}): MaxDevice {
  let bridge: Bridge | undefined
  let folder: string | undefined
  let nodeReady = false
  let listeningOn: number | undefined
  let port: number | undefined
  const incoming: [Uint8Array, ClientAddress][] = []
  const outgoing: [Uint8Array, ClientAddress][] = []
  const reassembler = createReassembler()
  const post = (text: string) => host.post(`live-bridge: ${text}\n`)

  const keep = <T>(queue: T[], item: T) => {
    queue.push(item)
    if (queue.length > MAX_WAITING) queue.shift()
  }
  const toNode = (bytes: Uint8Array, to: ClientAddress) => {
    if (!nodeReady) return keep(outgoing, [bytes, to])
    const parts = toParts(bytes)
    parts.forEach((part, i) => {
      host.outlet(OUTLETS.node, i === parts.length - 1 ? 'send' : 'part', to.address, to.port, ...part)
    })
  }
  const listen = (value: number) => {
    if (!nodeReady || value === listeningOn) return
    listeningOn = value
    host.outlet(OUTLETS.node, 'listen', value)
  }
  const receive = (bytes: Uint8Array, from: ClientAddress) => {
    if (bridge === undefined) keep(incoming, [bytes, from])
    else bridge.receive(bytes, from)
  }
  const collect = (kind: 'part' | 'datagram', address: MaxAtom, senderPort: MaxAtom, atoms: MaxAtom[]) => {
    const from = { address: String(address), port: Number(senderPort) }
    const key = `${from.address}:${from.port}`
    try {
      if (kind === 'part') {
        if (!reassembler.part(key, atoms as number[])) post(`dropped a datagram from ${key}: over 65535 bytes`)
        return
      }
      receive(reassembler.finish(key, atoms), from)
    } catch (error) {
      post(`dropped a datagram from ${key}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  return {
    init() {
      if (bridge !== undefined) return
      bridge = createBridge({
        model: createMaxLiveObjectModel({ LiveAPI: options.LiveAPI }),
        transmit: toNode,
        recorder: (...atoms) => host.outlet(OUTLETS.recorder, ...atoms),
        remote: (...atoms) => host.outlet(OUTLETS.remote, ...atoms),
        folder: () => folder,
        version: options.version,
        log: post,
        max: options.max,
      })
      bridge.startup()
      host.outlet(OUTLETS.status, 'set', 'ready')
      for (const [bytes, from] of incoming.splice(0)) bridge.receive(bytes, from)
    },
    ready() {
      nodeReady = true
      listeningOn = undefined
      // live.numbox outputs its value on bang (https://docs.cycling74.com/max5/refpages/m4l-ref/live.numbox.html):
      // the answer comes back at once as `port <n>`; without one, the default port.
      host.outlet(OUTLETS.port, 'bang')
      listen(port ?? DEVICE_PORT)
      for (const [bytes, to] of outgoing.splice(0)) toNode(bytes, to)
    },
    port(value) {
      const n = Math.round(Number(value))
      if (!Number.isInteger(n) || n < 1024 || n > 65535) {
        post(`ignored port ${String(value)}: choose 1024 to 65535`)
        return
      }
      port = n
      listen(n)
    },
    part: (address, senderPort, ...bytes) => collect('part', address, senderPort, bytes),
    datagram: (address, senderPort, ...bytes) => collect('datagram', address, senderPort, bytes),
    exportfolder(...atoms) {
      // An empty textedit reaches `[route text]` as a bare `text`, which route outputs as `bang` (Producer Pal,
      // adamjmurray/producer-pal src/live-api-adapter/live-api-adapter.ts: "textedit … routes bang for empty string").
      const text = atoms.length === 1 && atoms[0] === 'bang' ? '' : atoms.map(String).join(' ').trim()
      folder = text === '' ? undefined : text
      post(folder === undefined ? 'export folder cleared: exports are refused' : `export folder: ${folder}`)
    },
    exportstarted: () => bridge?.exportStarted(),
    exportstopped: () => bridge?.exportStopped(),
    status(...atoms) {
      const [kind, ...rest] = atoms
      if (kind === 'listening') host.outlet(OUTLETS.status, 'set', `listening on UDP ${rest.map(String).join(':')}`)
      else {
        const text = `${String(kind)} ${rest.map(String).join(' ')}`.trim()
        host.outlet(OUTLETS.status, 'set', text)
        post(text)
      }
    },
    anything(name, atoms) {
      post(`unknown message ${[name, ...atoms].map(String).join(' ')}`)
    },
    dispose() {
      bridge?.dispose()
      bridge = undefined
    },
  }
}
