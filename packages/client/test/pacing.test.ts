import { startSimulatorLink } from '@live/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../src/createClient.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function start(flavour: 'abletonosc' | 'bridge') {
  const { sim, transport } = await startSimulatorLink(flavour)
  // Observe what the client tells the transport (the transport itself is unchanged).
  const told: string[] = []
  const paceFor = transport.paceFor.bind(transport)
  transport.paceFor = (server) => {
    told.push(server)
    return paceFor(server)
  }
  const live = createClient({ transport })
  cleanups.push(
    () => sim.close(),
    () => live.close(),
  )
  return { sim, live, told }
}

describe('pacing follows the server the client detected', () => {
  it.each(['abletonosc', 'bridge'] as const)(
    'on the %s simulator, detected in the background on open',
    async (flavour) => {
      const { live, told } = await start(flavour)
      expect(await live.song.tempo.get()).toBe(120)
      await expect.poll(() => told).toEqual([flavour])
    },
  )

  it('on the bridge, a burst of setters goes in windows acknowledged by replies, and every one arrives', async () => {
    const { sim, live, told } = await start('bridge')
    await live.open()
    await expect.poll(() => told).toEqual(['bridge'])
    let barriers = 0
    live.on('message', (message) => {
      if (message.address === '/live/bridge/hello') barriers++
    })
    const before = sim.receivedDatagrams
    const names = Array.from({ length: 300 }, (_, i) => live.track(i % 4).name.set(`n${i}`))
    await Promise.all(names)
    expect(await live.track(3).name.get()).toBe('n299')
    // 300 setters in windows of 64, each window closed by one barrier (a hello the bridge answers itself).
    expect(barriers).toBe(4)
    expect(sim.receivedDatagrams - before).toBe(300 + barriers + 1)
  })
})
