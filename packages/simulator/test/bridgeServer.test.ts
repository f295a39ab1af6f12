import { type OscTestClient, openOscTestClient } from '@live/compliance'
import { isLiveError } from '@live/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator, type Simulator } from '../src/server/createSimulator.js'

const opened: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close()
})

async function start(options: Parameters<typeof createSimulator>[0] = {}): Promise<Simulator> {
  const sim = await createSimulator({ port: 0, ...options })
  opened.push(sim)
  return sim
}

async function client(sim: Simulator): Promise<OscTestClient> {
  const c = await openOscTestClient({ host: '127.0.0.1', port: sim.port })
  opened.push(c)
  return c
}

describe('createSimulator, bridge flavour', () => {
  it('handles on arrival and replies to each source port, for two clients at once', async () => {
    const sim = await start({ flavour: 'bridge' })
    const [a, b] = [await client(sim), await client(sim)]
    a.send({ address: '/live/song/get/tempo', types: 's', args: ['from a'] })
    b.send({ address: '/live/song/get/tempo', types: 's', args: ['from b'] })
    const [toA] = await a.waitFor('/live/song/get/tempo')
    const [toB] = await b.waitFor('/live/song/get/tempo')
    expect([toA?.args, toB?.args]).toEqual([
      [120, 'from a'],
      [120, 'from b'],
    ])
    await a.sync()
    await b.sync()
    expect([a.inbox, b.inbox]).toEqual([[], []])
  })

  it('answers errors to the client that caused them', async () => {
    const sim = await start({ flavour: 'bridge' })
    const [a, b] = [await client(sim), await client(sim)]
    a.send({ address: '/live/nope', args: [] })
    const [error] = await a.waitFor('/live/error')
    expect(error?.args).toEqual(['Unknown OSC address: /live/nope'])
    await b.sync()
    expect(b.inbox).toEqual([])
  })
})

describe('createSimulator, ports', () => {
  it('rejects with PORT_IN_USE when the port is taken, naming the port and what to do', async () => {
    const first = await start({ flavour: 'bridge' })
    const failure = await createSimulator({ port: first.port, flavour: 'bridge' }).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(isLiveError(failure, 'PORT_IN_USE')).toBe(true)
    expect(String((failure as Error).message).replace(String(first.port), '<port>')).toMatchInlineSnapshot(`
      "PORT_IN_USE: UDP port <port> on 127.0.0.1 is already in use
        Another AbletonOSC (Live with AbletonOSC selected) or another simulator is listening there.
        Stop it, or choose another port with --port (and point your client at it)."
    `)
  })

  it('reports the port it bound when asked for port 0, and closes idempotently', async () => {
    const sim = await createSimulator({ port: 0, flavour: 'bridge' })
    expect(sim.port).toBeGreaterThan(0)
    expect(sim.host).toBe('127.0.0.1')
    await sim.close()
    await sim.close()
    // The port is free again.
    const again = await start({ port: sim.port, flavour: 'bridge' })
    expect(again.port).toBe(sim.port)
  })
})
