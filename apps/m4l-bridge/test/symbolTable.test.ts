import { expect, it } from 'vitest'
import { startRig } from './deviceRig.js'
import { udpClient, until } from './udpClient.js'

// Max never frees a symbol: a datagram that crossed as a fresh symbol grew Max's memory with every message.
it('adds no symbol per datagram: the symbol table is the same size after 1,000 and after 100,000 datagrams', async () => {
  const rig = await startRig()
  const client = await udpClient(rig.port)
  let sent = 0
  const handled = () => rig.max.outlets[0]!.length // every /live/test is answered once
  const burst = async (count: number) => {
    for (let i = 0; i < count; i += 50) {
      const start = handled()
      for (let j = 0; j < 50; j++, sent++) {
        // Every datagram differs: a new tempo, then a /live/test that is answered (the count waited on).
        await client.send({ address: '/live/song/set/tempo', types: 'f', args: [60 + (sent % 90_000) / 1000] })
        await client.send({ address: '/live/test', types: 'i', args: [sent] })
      }
      await until(() => handled() >= start + 50)
    }
  }
  await burst(1000)
  const early = rig.symbols.size
  await burst(99_000)
  expect(sent).toBe(100_000)
  expect(rig.symbols.size).toBe(early)
  await client.close()
  await rig.close()
}, 120_000)
