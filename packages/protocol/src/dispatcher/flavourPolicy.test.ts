import { describe, expect, it } from 'vitest'
import { catalogue } from '../catalogue/catalogue.js'
import { EXPORT_ADDRESSES } from './audioExport.js'
import { abletonOscPolicy, bridgePolicy, flavourPolicies } from './flavourPolicy.js'

const handled = (entries: typeof catalogue) =>
  entries
    .filter((e) => e.kind !== 'event' && e.pseudo !== true)
    .map((e) => e.address)
    .sort()

describe('flavour policies', () => {
  it('register exactly the catalogue: AbletonOSC its own addresses, the bridge those and every extension', () => {
    expect([...abletonOscPolicy.registry().keys()].sort()).toEqual(
      handled(catalogue.filter((e) => e.extension !== true)),
    )
    // The export addresses are answered beside the dispatcher, by the server's audio exporter.
    const exported = new Set<string>(EXPORT_ADDRESSES)
    expect([...bridgePolicy.registry().keys()].sort()).toEqual(
      handled(catalogue.filter((e) => !exported.has(e.address))),
    )
  })

  it('differ where the servers differ', () => {
    const client = { address: '127.0.0.1', port: 50000 }
    expect(
      Object.values(flavourPolicies).map((p) => ({
        flavour: p.flavour,
        scope: p.scopeOf(client),
        replyTo: p.replyTo(client),
        alias: p.alias('/live/track/0/get/volume', [])?.address,
        afterError: p.afterError,
      })),
    ).toEqual([
      { flavour: 'abletonosc', scope: '', replyTo: 'remote', alias: undefined, afterError: 'abort' },
      {
        flavour: 'bridge',
        scope: '127.0.0.1:50000',
        replyTo: client,
        alias: '/live/track/get/volume',
        afterError: 'ok',
      },
    ])
  })
})
