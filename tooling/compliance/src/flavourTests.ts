import { expect, it } from 'vitest'
import { ask, tell } from './ask.js'
import type { ComplianceContext } from './defineComplianceSuite.js'

/** Registers the routing rules that differ by flavour: reply port and default remote, or source ports and per-client listeners. */
export function registerFlavourTests(context: ComplianceContext): void {
  const client = () => context.client()

  if (context.flavour === 'abletonosc') {
    it('replies to the reply port whatever port the request came from', async () => {
      const other = await context.extraClient()
      other.send({ address: '/live/song/get/tempo', types: '', args: [] })
      const [reply] = await client().waitFor('/live/song/get/tempo', { what: 'the reply on the reply port' })
      expect(reply!.args).toEqual([120])
      await client().sync()
      expect(other.inbox).toEqual([])
    })

    it('sends listener updates to the default remote, whoever subscribed', async () => {
      const other = await context.extraClient()
      other.send({ address: '/live/song/start_listen/tempo', types: '', args: [] })
      const [first] = await client().waitFor('/live/song/get/tempo', { what: 'the immediate listener value' })
      expect(first!.args).toEqual([120])
      expect(await tell(client(), '/live/song/set/tempo', [99], 'f')).toEqual([
        { address: '/live/song/get/tempo', types: 'f', args: [99] },
      ])
      expect(other.inbox).toEqual([])
    })
    return
  }

  it('replies to each request source port, to several clients at once', async () => {
    const a = await context.extraClient()
    const b = await context.extraClient()
    a.send({ address: '/live/track/get/name', types: 'i', args: [0] })
    b.send({ address: '/live/track/get/name', types: 'i', args: [1] })
    const [fromA] = await a.waitFor('/live/track/get/name')
    const [fromB] = await b.waitFor('/live/track/get/name')
    expect(fromA!.args).toEqual([0, '1-MIDI'])
    expect(fromB!.args).toEqual([1, '2-MIDI'])
    await a.sync()
    await b.sync()
    expect([a.inbox, b.inbox, client().inbox]).toEqual([[], [], []])
  })

  it('keeps listeners per client: each gets updates until it stops', async () => {
    const a = await context.extraClient()
    const b = await context.extraClient()
    expect(await tell(a, '/live/song/start_listen/tempo')).toEqual([
      { address: '/live/song/get/tempo', types: 'f', args: [120] },
    ])
    expect(await tell(b, '/live/song/start_listen/tempo')).toEqual([
      { address: '/live/song/get/tempo', types: 'f', args: [120] },
    ])
    expect(await tell(client(), '/live/song/set/tempo', [100], 'f')).toEqual([])
    const [toA] = await a.waitFor('/live/song/get/tempo', { what: "a's update" })
    const [toB] = await b.waitFor('/live/song/get/tempo', { what: "b's update" })
    expect([toA!.args, toB!.args]).toEqual([[100], [100]])

    expect(await tell(a, '/live/song/stop_listen/tempo')).toEqual([])
    expect(await tell(client(), '/live/song/set/tempo', [101], 'f')).toEqual([])
    const [onlyB] = await b.waitFor('/live/song/get/tempo', { what: "b's second update" })
    expect(onlyB!.args).toEqual([101])
    await a.sync()
    expect(a.inbox).toEqual([])
    const tempo = await ask(client(), '/live/song/get/tempo')
    expect(tempo.args).toEqual([101])
  })
}
