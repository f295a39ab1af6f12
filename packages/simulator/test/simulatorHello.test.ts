import { type OscTestClient, openOscTestClient } from '@live/compliance'
import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator, SIMULATOR_HELLO } from '../src/server/createSimulator.js'
import { type AbletonOscRig, startAbletonOscRig, waitUntil } from './udpHarness.js'

const opened: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close()
})

const summary = (client: OscTestClient) => client.inbox.map((m) => [m.address, m.types, ...m.args])

describe('/simulator/hello', () => {
  it('is outside AbletonOSC’s /live/... space', () => {
    expect(SIMULATOR_HELLO).toBe('/simulator/hello')
  })

  it('answers in the abletonosc flavour, on its tick and to the reply port, like any reply', async () => {
    const rig: AbletonOscRig = await startAbletonOscRig()
    opened.push(rig)
    await waitUntil(() => rig.client.inbox.length >= 2, 'the startup messages')
    rig.client.clear()
    rig.client.send({ address: SIMULATOR_HELLO, args: [] })
    // AbletonOSC's own answers are unchanged around it.
    rig.client.send({ address: '/live/test', args: [] })
    rig.client.send({ address: '/live/bridge/hello', args: [] })
    await rig.tick(3)
    await waitUntil(() => rig.client.inbox.length >= 3, 'three replies')
    expect(summary(rig.client)).toEqual([
      ['/simulator/hello', 'sss', 'live-simulator', '0.0.0', 'abletonosc'],
      ['/live/test', 's', 'ok'],
      ['/live/error', 's', 'Unknown OSC address: /live/bridge/hello'],
    ])
  })

  it('answers in the bridge flavour, on arrival and to the source port', async () => {
    const sim = await createSimulator({ port: 0, flavour: 'bridge' })
    opened.push(sim)
    const client = await openOscTestClient({ host: '127.0.0.1', port: sim.port })
    opened.push(client)
    client.send({ address: SIMULATOR_HELLO, args: [] })
    client.send({ address: '/live/bridge/hello', args: [] })
    await waitUntil(() => client.inbox.length >= 2, 'two replies')
    expect(summary(client)).toEqual([
      ['/simulator/hello', 'sss', 'live-simulator', '0.0.0', 'bridge'],
      ['/live/bridge/hello', 'ss', 'live-bridge', '0.0.0'],
    ])
  })
})
