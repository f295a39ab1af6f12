import type { Received } from '@live/compliance'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getArgs, propOf } from './catalogueArgs.js'
import { type CatalogueRig, entriesOf, f32, replyProblems, startCatalogueRig } from './catalogueRig.js'

/** Where a get reads in the model, for the getters that are a plain LOM property of one object. */
function modelRead(rig: CatalogueRig, address: string, args: readonly unknown[]): unknown {
  const [object, verb, ...rest] = address.split('/').slice(2)
  const prop = rest.join('/')
  if (verb !== 'get' || prop.includes('/')) return undefined
  const live = rig.sim.model
  const tryRead = (path: string) => {
    try {
      return live.get(path, prop)
    } catch {
      return undefined
    }
  }
  if (object === 'song') return tryRead('live_set')
  if (object === 'track') return tryRead(`live_set tracks ${args[0]}`)
  if (object === 'clip') return tryRead(`live_set tracks ${args[0]} clip_slots ${args[1]} clip`)
  if (object === 'clip_slot') return tryRead(`live_set tracks ${args[0]} clip_slots ${args[1]}`)
  if (object === 'scene') return tryRead(`live_set scenes ${args[0]}`)
  if (object === 'device') return tryRead(`live_set tracks ${args[0]} devices ${args[1]}`)
  return undefined
}

/** Values as a reply carries them: floats through 32 bits, bools as they are. */
const wire = (value: unknown) => (typeof value === 'number' ? f32(value) : value)

for (const flavour of ['abletonosc', 'bridge'] as const) {
  describe(`every get address answers as the catalogue says (${flavour}, demo set)`, () => {
    let rig: CatalogueRig
    let replies: Map<string, Received[]>
    const entries = entriesOf(flavour, 'get')

    beforeAll(async () => {
      rig = await startCatalogueRig(flavour)
      // A device must be selected for /live/view/get/selected_device to answer.
      await rig.exchange([{ address: '/live/view/set/selected_device', args: [0, 0] }])
      const got = await rig.exchange(entries.map((e) => ({ address: e.address, args: getArgs(e) })))
      replies = new Map()
      for (const m of got) replies.set(m.address, [...(replies.get(m.address) ?? []), m])
    })
    afterAll(() => rig.close())

    it('answers no get with /live/error', () => {
      expect(replies.get('/live/error') ?? []).toEqual([])
    })

    for (const entry of entries) {
      it(`${entry.address} replies once on ${entry.replyAddress}, matching the reply schema`, () => {
        const args = getArgs(entry)
        const got = replies.get(String(entry.replyAddress)) ?? []
        expect(got.length, `replies on ${entry.replyAddress}`).toBe(1)
        const reply = got[0]!
        expect(replyProblems(entry.address, reply)).toEqual([])
        // Index arguments are echoed first (§5), except by the song bulk getters and view getters.
        const echoes = entry.reply?.[0]?.name === entry.params[0]?.name && args.length > 0
        if (echoes)
          expect(reply.args.slice(0, args.length)).toEqual(
            args.slice(0, entry.params.filter((p) => p.optional !== true).length),
          )
        const fromModel = modelRead(rig, entry.address, args)
        // Scalars only: notes, cue points and routings are JSON in the model and have their own layouts.
        const scalar =
          ['number', 'boolean'].includes(typeof fromModel) ||
          (typeof fromModel === 'string' && !fromModel.startsWith('{'))
        if (scalar && propOf(entry) !== 'playing_position') {
          expect(wire(reply.args[entry.object === 'song' ? 0 : reply.args.length - 1])).toEqual(wire(fromModel))
        }
      })
    }
  })
}
