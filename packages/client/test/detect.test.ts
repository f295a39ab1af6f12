import { SIMULATOR_HELLO } from '@live/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../src/createClient.js'
import { SIMULATOR_HELLO_ADDRESS } from '../src/detect/detectServer.js'
import { type LiveServer, startLiveServer } from './liveServer.js'
import { scriptedPeer } from './scriptedPeer.js'

describe.each(['abletonosc', 'bridge'] as const)('detect() on the %s simulator', (flavour) => {
  let server: LiveServer
  beforeAll(async () => {
    server = await startLiveServer(flavour)
  })
  afterAll(() => server?.close())

  it('names the simulator and the flavour it imitates, and takes the protocol of that flavour', async () => {
    const info = await server.live.detect()
    expect(info).toEqual({
      kind: flavour,
      name: flavour === 'bridge' ? 'the Max for Live bridge 0.0.0' : 'AbletonOSC',
      version: flavour === 'bridge' ? '0.0.0' : undefined,
      liveVersion: '12.1',
      simulator: { flavour, version: '0.0.0' },
    })
    // An abletonosc-flavour simulator is AbletonOSC to the client: no extensions.
    const master = await server.live.masterTrack.volume.get().then(
      (value) => value,
      (error: { code: string; shortMessage: string }) => error,
    )
    if (flavour === 'bridge') expect(typeof master).toBe('number')
    else
      expect(master).toMatchObject({
        code: 'UNSUPPORTED',
        shortMessage: 'the master track (/live/master/get/volume) needs the bridge; the server answering is AbletonOSC',
      })
  })

  it('is the address the simulator answers', () => {
    expect(SIMULATOR_HELLO_ADDRESS).toBe(SIMULATOR_HELLO)
  })
})

describe('detect() on servers that are not the simulator', () => {
  const unknown = (address: string) => ({ address: '/live/error', args: [`Unknown OSC address: ${address}`] })

  it('reports AbletonOSC when both hellos are refused, sending the three probes at once', async () => {
    let sentBeforeAnswer = 0
    const peer = scriptedPeer((message, reply) => {
      if (message.address === '/live/application/get/version') {
        sentBeforeAnswer = peer.sent.length
        reply({ address: message.address, args: [12, 1] })
      } else reply(unknown(message.address))
    })
    // Answers only once all three are out: a probe waiting for another would show as fewer sent.
    const hold = peer.script
    peer.script = (message, reply) => {
      if (message.address === '/live/application/get/version') queueMicrotask(() => hold(message, reply))
      else hold(message, reply)
    }
    const live = createClient({ transport: peer.transport })
    const info = await live.detect()
    expect(info).toEqual({
      kind: 'abletonosc',
      name: 'AbletonOSC',
      version: undefined,
      liveVersion: '12.1',
      simulator: undefined,
    })
    expect(peer.sent.map((m) => m.address).sort()).toEqual([
      '/live/application/get/version',
      '/live/bridge/hello',
      '/simulator/hello',
    ])
    expect(sentBeforeAnswer).toBe(3)
    await live.close()
  })

  it('reports the bridge when its hello answers and the simulator hello is refused', async () => {
    const peer = scriptedPeer((message, reply) => {
      if (message.address === '/live/bridge/hello') reply({ address: message.address, args: ['live-bridge', '1.2.0'] })
      else if (message.address === '/live/application/get/version') reply({ address: message.address, args: [12, 2] })
      else reply(unknown(message.address))
    })
    const live = createClient({ transport: peer.transport })
    expect(await live.detect()).toEqual({
      kind: 'bridge',
      name: 'the Max for Live bridge 1.2.0',
      version: '1.2.0',
      liveVersion: '12.2',
      simulator: undefined,
    })
    await live.close()
  })
})
