import type { Received } from '@live/compliance'
import type { CatalogueEntry, OscValue } from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexArgs } from './catalogueArgs.js'
import { type CatalogueRig, entriesOf, f32, startCatalogueRig } from './catalogueRig.js'
import { getterArgs, getterOf, setValue } from './catalogueValues.js'

const round = (values: readonly OscValue[]) => values.map((v) => (typeof v === 'number' ? f32(v) : v))

/** What the getter should answer after the set: the getter's echo, then the value (some getters have their own layout). */
function expected(entry: CatalogueEntry, value: readonly OscValue[]): OscValue[] {
  const echo = getterArgs(entry)
  if (entry.address === '/live/song/cue_point/set/name') return ['Start', 0, 'Drop', 64]
  if (entry.address.startsWith('/live/view/')) return [...value]
  if (entry.address.startsWith('/live/song/') || entry.address.startsWith('/live/api/')) return [...value]
  if (entry.address === '/live/device/set/parameters/value') return [0, 1, ...value]
  if (entry.address === '/live/device/set/parameter/value') return [...echo, ...value]
  return [...echo, ...value]
}

for (const flavour of ['abletonosc', 'bridge'] as const) {
  describe(`every set address round-trips through its getter (${flavour}, demo set)`, () => {
    let rig: CatalogueRig
    const entries = entriesOf(flavour, 'set')
    const sent = new Map<string, readonly OscValue[]>()
    const readBack = new Map<string, Received>()
    let errors: Received[] = []

    beforeAll(async () => {
      rig = await startCatalogueRig(flavour)
      const current = await rig.exchange(entries.map((e) => ({ address: getterOf(e), args: getterArgs(e) })))
      const now = new Map(current.map((m) => [m.address, m.args.at(-1)]))
      // Each set is followed at once by its getter, so later sets (view selection) do not disturb it.
      const batch = entries.flatMap((e) => {
        let value: readonly OscValue[]
        if (e.address === '/live/device/set/parameters/value') {
          // All parameters of device 1 (EQ Eight) in order, the second one changed.
          const values = current.find((m) => m.address === '/live/device/get/parameters/value')?.args.slice(2) ?? []
          value = values.map((v, i) => (i === 1 ? (v === 1 ? 0 : 1) : (v as number)))
        } else value = setValue(e, now.get(getterOf(e)))
        sent.set(e.address, value)
        const args = e.address === '/live/device/set/parameters/value' ? [0, 1, ...value] : [...indexArgs(e), ...value]
        return [
          { address: e.address, args },
          { address: getterOf(e), args: getterArgs(e) },
        ]
      })
      const got = await rig.exchange(batch)
      errors = got.filter((m) => m.address === '/live/error')
      const setAddresses = new Set(entries.map((e) => e.address))
      const gets = got.filter((m) => !setAddresses.has(m.address) && m.address !== '/live/error')
      entries.forEach((e, i) => {
        if (gets[i] !== undefined) readBack.set(e.address, gets[i])
      })
    })
    afterAll(() => rig.close())

    it('refuses none of the values', () => {
      expect(errors.map((m) => m.args[0])).toEqual([])
    })

    for (const entry of entries) {
      it(`${entry.address} then ${getterOf(entry)} reads back the value`, () => {
        const value = sent.get(entry.address)!
        const reply = readBack.get(entry.address)
        expect(reply?.address).toBe(getterOf(entry))
        expect(round(reply!.args)).toEqual(round(expected(entry, value)))
      })
    }
  })
}
