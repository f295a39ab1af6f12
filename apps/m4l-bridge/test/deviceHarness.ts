import { createLiveSet, createVirtualClock, type LiveSet } from '@live/simulator'
import { createMaxDevice, type MaxDevice } from '../src/maxDevice.js'
import { createUdpRelay, type UdpRelay } from '../src/node/udpRelay.js'
import { createFakeLiveApi, createMaxStandIns } from './fakeMaxLiveApi.js'

/** The device as it runs in Max, in Node: Node for Max's relay on a real UDP socket, the v8 script over a fake LiveAPI. */
export interface DeviceHarness {
  readonly port: number
  readonly set: LiveSet
  readonly device: MaxDevice
  readonly max: ReturnType<typeof createMaxStandIns>
  /** A fresh default set and device (no listeners), keeping the socket. */
  reset(): void
  close(): Promise<void>
}

/** Starts the relay on a free port and a device over a fresh simulated set, wired as the patcher wires them. */
export async function startDevice(folder?: string): Promise<DeviceHarness> {
  let set: LiveSet
  let device: MaxDevice
  let max: ReturnType<typeof createMaxStandIns>
  let relay: UdpRelay | undefined
  const fresh = () => {
    set = createLiveSet({ clock: createVirtualClock() })
    max = createMaxStandIns()
    device = createMaxDevice(
      {
        outlet(index, ...atoms) {
          max.outlet(index, ...atoms)
          // outlet 0 is corded to node.script: `send <host> <port> <base64>`.
          if (index === 0 && atoms[0] === 'send') {
            relay?.send({ address: String(atoms[1]), port: Number(atoms[2]) }, String(atoms[3]))
          }
        },
        post: max.post,
      },
      { LiveAPI: createFakeLiveApi(set), version: '0.0.0' },
    )
    if (folder !== undefined) device.exportfolder(folder)
    device.init()
  }
  fresh()
  relay = await createUdpRelay({
    port: 0,
    onDatagram: (from, base64) => device.datagram(from.address, from.port, base64),
    onError: (error) => {
      throw error
    },
  })
  const port = relay.port
  return {
    port,
    get set() {
      return set
    },
    get device() {
      return device
    },
    get max() {
      return max
    },
    reset() {
      device.dispose()
      set.dispose()
      fresh()
    },
    async close() {
      device.dispose()
      set.dispose()
      await relay?.close()
    },
  }
}
