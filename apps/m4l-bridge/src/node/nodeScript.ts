import { createReassembler, toParts } from '../bytes.js'
import { createUdpRelay, type UdpRelay } from './udpRelay.js'

/** The parts of the `max-api` module the script uses (https://docs.cycling74.com/nodeformax/api/). */
export interface MaxApi {
  /** Sends a message out of node.script's left outlet. */
  outlet(...args: unknown[]): Promise<void> | void
  /** Calls `handler` for every message `selector` Max sends node.script. */
  addHandler(selector: string, handler: (...args: never[]) => unknown): void
}

/** Options of {@link startNodeScript}. */
export interface NodeScriptOptions {
  /** Interface to bind. @default '127.0.0.1' */
  host?: string | undefined
  /** Datagrams held while the socket is not bound yet; beyond it the oldest go. @default 1024 */
  maxPending?: number | undefined
}

/**
 * The Node-for-Max half of the device. Max's messages to a node.script that has not loaded its script yet are
 * lost (its lifecycle reports `loadend` on the right outlet when loading is done,
 * https://docs.cycling74.com/max8/vignettes/08_n4m_lifecycle), so the script binds nothing by itself: it
 * registers its handlers, then says `ready`, and the `v8` object answers with `listen <port>` (the Port
 * parameter's value) and only then sends datagrams. Datagrams to send before the socket is bound wait.
 * Messages: in `listen <port>`, `send <host> <port> <bytes…>` (after `part <host> <port> <bytes…>` for a long
 * one); out `ready`, `status listening <host> <port>`, `status error <text>`, `datagram <host> <port> <bytes…>`
 * (after `part …`).
 *
 * @example
 * import maxApi from 'max-api'
 * startNodeScript(maxApi)
 */
export function startNodeScript(maxApi: MaxApi, options: NodeScriptOptions = {}): { close(): Promise<void> } {
  const maxPending = options.maxPending ?? 1024
  let relay: UdpRelay | undefined
  let binding: Promise<void> = Promise.resolve()
  const pending: [string, number, Uint8Array][] = []
  const outgoing = createReassembler()

  const transmit = (address: string, port: number, bytes: Uint8Array) => {
    if (relay !== undefined) relay.send({ address, port }, bytes)
    else {
      pending.push([address, port, bytes])
      if (pending.length > maxPending) pending.shift()
    }
  }

  async function listen(port: number): Promise<void> {
    if (relay !== undefined && relay.port === port) {
      await maxApi.outlet('status', 'listening', '127.0.0.1', relay.port)
      return
    }
    await relay?.close()
    relay = undefined
    try {
      relay = await createUdpRelay({
        host: options.host,
        port,
        onDatagram(from, bytes) {
          const parts = toParts(bytes)
          for (let i = 0; i < parts.length; i++) {
            void maxApi.outlet(i === parts.length - 1 ? 'datagram' : 'part', from.address, from.port, ...parts[i]!)
          }
        },
        onError: (error) => void maxApi.outlet('status', 'error', error.message),
      })
      await maxApi.outlet('status', 'listening', '127.0.0.1', relay.port)
      for (const [address, to, bytes] of pending.splice(0)) relay.send({ address, port: to }, bytes)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const text =
        code === 'EADDRINUSE'
          ? `UDP port ${port} is in use (AbletonOSC uses 11000): choose another port in the device`
          : `cannot listen on UDP port ${port}: ${String(error)}`
      await maxApi.outlet('status', 'error', text)
    }
  }

  maxApi.addHandler('part', (address: string, port: number, ...bytes: number[]) => {
    outgoing.part(`${address}:${port}`, bytes)
  })
  maxApi.addHandler('send', (address: string, port: number, ...bytes: number[]) => {
    let datagram: Uint8Array
    try {
      datagram = outgoing.finish(`${address}:${port}`, bytes)
    } catch (error) {
      void maxApi.outlet('status', 'error', `dropped a datagram to ${address}:${port}: ${String(error)}`)
      return
    }
    transmit(String(address), Number(port), datagram)
  })
  maxApi.addHandler('listen', (port: number) => {
    binding = binding.then(() => listen(Number(port)))
  })
  void maxApi.outlet('ready')
  return {
    async close() {
      await binding
      await relay?.close()
    },
  }
}
