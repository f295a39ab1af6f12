/**
 * Entry of `dist/live-bridge-node.mjs`, run by the device's `node.script` (Node for Max). It owns the
 * UDP socket: `datagram <host> <port> <base64>` out to the `v8` object for every datagram, and
 * `send <host> <port> <base64>` in from it. `listen <port>` rebinds; the first argument of the
 * node.script box is the initial port.
 */
import maxApi from 'max-api'
import { createUdpRelay, type UdpRelay } from './udpRelay.js'

/** The port the bridge listens on unless the device says otherwise (AbletonOSC keeps 11000). */
export const DEFAULT_PORT = 11002

let relay: UdpRelay | undefined

async function listen(port: number): Promise<void> {
  await relay?.close()
  relay = undefined
  try {
    relay = await createUdpRelay({
      port,
      onDatagram: (from, base64) => void maxApi.outlet('datagram', from.address, from.port, base64),
      onError: (error) => void maxApi.outlet('status', 'error', error.message),
    })
    await maxApi.outlet('status', 'listening', '127.0.0.1', relay.port)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const text =
      code === 'EADDRINUSE'
        ? `UDP port ${port} is in use (AbletonOSC uses 11000): choose another port in the device`
        : `cannot listen on UDP port ${port}: ${String(error)}`
    await maxApi.outlet('status', 'error', text)
  }
}

maxApi.addHandler('send', (address: string, port: number, base64: string) => {
  relay?.send({ address: String(address), port: Number(port) }, String(base64))
})
maxApi.addHandler('listen', (port: number) => void listen(Number(port)))

void listen(Number(process.argv[2]) || DEFAULT_PORT)
