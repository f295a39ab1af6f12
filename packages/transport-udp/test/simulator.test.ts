import { createSimulator, type Simulator } from '@live/simulator'
import { waitFor } from '@live/transport-compliance'
import { afterEach, describe, expect, it } from 'vitest'
import { type UdpTransport, udp } from '../src/index.js'
import { freePort } from './freePort.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function simulator(flavour: 'abletonosc' | 'bridge', replyPort: number): Promise<Simulator> {
  const sim = await createSimulator({ flavour, port: 0, replyPort })
  cleanups.push(() => sim.close())
  return sim
}

function client(sim: Simulator, replyPort: number | 'source'): UdpTransport & { messages: string[] } {
  const transport = udp({ host: '127.0.0.1', port: sim.port, replyPort, bindAddress: '127.0.0.1', env: {} })
  const messages: string[] = []
  transport.onMessage((message) => messages.push(`${message.address} ${message.args.join(' ')}`))
  cleanups.push(() => transport.close())
  return Object.assign(transport, { messages })
}

describe('udp() against the simulator', () => {
  it('shares the abletonosc flavour reply port between two transports, each getting its own replies', async () => {
    const replyPort = await freePort()
    const sim = await simulator('abletonosc', replyPort)
    const hub = client(sim, replyPort)
    const member = client(sim, replyPort)
    await hub.open()
    await member.open()
    expect([hub.replyRole, member.replyRole]).toEqual(['hub', 'member'])
    await hub.send({ address: '/live/song/get/tempo', args: [] })
    await member.send({ address: '/live/track/get/name', args: [0] })
    await waitFor(
      () => hub.messages.length >= 1 && member.messages.length >= 1,
      'both replies from the simulator',
      () => [hub.messages, member.messages],
    )
    expect(hub.messages).toEqual(['/live/song/get/tempo 120'])
    expect(member.messages).toEqual(['/live/track/get/name 0 1-MIDI'])
  })

  it("receives the bridge flavour's replies on the source port", async () => {
    const sim = await simulator('bridge', await freePort())
    const transport = client(sim, 'source')
    await transport.open()
    await transport.send({ address: '/live/song/get/tempo', args: [] })
    await waitFor(
      () => transport.messages.length >= 1,
      'the reply on the source port',
      () => transport.messages,
    )
    expect(transport.messages).toEqual(['/live/song/get/tempo 120'])
  })
})
