import type { ClientAddress } from '@live/protocol'
import { fromBase64, toBase64 } from './base64.js'
import { type Bridge, createBridge } from './createBridge.js'
import type { MaxAtom, MaxHost, MaxLiveApiConstructor } from './maxGlobals.js'
import { createMaxLiveObjectModel } from './maxLiveObjectModel.js'

/** The `v8` object's outlets, left to right, as the patcher cords them. */
export const OUTLETS = { node: 0, recorder: 1, remote: 2, status: 3 } as const

/** What the device script does with each message Max sends it (one function per message name). */
export interface MaxDevice {
  /** `init`: live.thisdevice banged; the Live API is ready. */
  init(): void
  /** `datagram <host> <port> <base64>`: a datagram from Node for Max. */
  datagram(host: MaxAtom, port: MaxAtom, base64: MaxAtom): void
  /** `exportfolder <path…>`: the folder typed into the device (atoms re-joined: paths may hold spaces). */
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
  /** Max's `LiveAPI` class. @default the global `LiveAPI` */
  LiveAPI?: MaxLiveApiConstructor | undefined
  /** Reported by `/live/bridge/hello`. @default '0.0.0' */
  version?: string | undefined
}

/**
 * The script inside the device's `v8` object: datagrams in from Node for Max, the bridge over the
 * real LiveAPI, datagrams back out, and the recording and live.remote~ chains driven through outlets.
 * Datagrams that arrive before `init` (the Live API is not usable in a script's global code) wait.
 *
 * @example
 * const device = createMaxDevice({ outlet, post })
 * device.init()
 */
export function createMaxDevice(host: MaxHost, options: MaxDeviceOptions = {}): MaxDevice {
  let bridge: Bridge | undefined
  let folder: string | undefined
  const waiting: [Uint8Array, ClientAddress][] = []
  const post = (text: string) => host.post(`live-bridge: ${text}\n`)

  const receive = (bytes: Uint8Array, from: ClientAddress) => {
    if (bridge === undefined) waiting.push([bytes, from])
    else bridge.receive(bytes, from)
  }

  return {
    init() {
      if (bridge !== undefined) return
      bridge = createBridge({
        model: createMaxLiveObjectModel({ LiveAPI: options.LiveAPI }),
        transmit: (bytes, to) => host.outlet(OUTLETS.node, 'send', to.address, to.port, toBase64(bytes)),
        recorder: (...atoms) => host.outlet(OUTLETS.recorder, ...atoms),
        remote: (...atoms) => host.outlet(OUTLETS.remote, ...atoms),
        folder: () => folder,
        version: options.version,
        log: post,
      })
      bridge.startup()
      host.outlet(OUTLETS.status, 'set', 'ready')
      for (const [bytes, from] of waiting.splice(0)) bridge.receive(bytes, from)
    },
    datagram(address, port, base64) {
      let bytes: Uint8Array
      try {
        bytes = fromBase64(String(base64))
      } catch (error) {
        post(`dropped a datagram from ${String(address)}:${String(port)}: ${String(error)}`)
        return
      }
      receive(bytes, { address: String(address), port: Number(port) })
    },
    exportfolder(...atoms) {
      const text = atoms.map(String).join(' ').trim()
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
