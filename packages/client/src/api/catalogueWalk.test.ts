import { type CatalogueEntry, type CatalogueParam, catalogue, findEntry, type OscValue, rangeOf } from '@live/protocol'
import { expect, it } from 'vitest'
import { scriptedPeer } from '../../test/scriptedPeer.js'
import { createClient } from '../createClient.js'
import { SIMULATOR_HELLO_ADDRESS } from '../detect/detectServer.js'
import { INDEX_COUNT, namespaces, namespaceTable } from './namespaceTable.js'

/** A valid value for a param: 0 for an index, its range's minimum, else a plain value of its type. */
function sample(address: string, param: CatalogueParam): OscValue {
  // Indices point at the first object: the replies below describe a set with one of each.
  if (param.type === 'int' && /_(id|index)$/.test(param.name)) return 0
  const range = rangeOf(address, param.name)
  if (range !== undefined) return range.min
  return { int: 1, float: 0.5, bool: true, string: 'C', any: 1 }[param.type]
}

/** Arguments for the params past the object's indices: required ones, one of each variadic group. */
function sampleArgs(entry: CatalogueEntry, skip: number): OscValue[] {
  return entry.params
    .slice(skip)
    .filter((p) => p.optional !== true)
    .map((p) => sample(entry.address, p))
}

/** Plays a server that answers every request with a reply of the right layout, echoing what it should. */
const peer = scriptedPeer((message, reply) => {
  const entry = findEntry(message.address)
  if (entry?.reply == null || entry.kind === 'stop_listen') return
  const args = entry.reply.map((p, i) =>
    entry.params[i]?.name === p.name && p.variadic !== true ? message.args[i]! : sample('', p),
  )
  const fixed = args.filter((_, i) => entry.reply![i]!.variadic !== true)
  const address =
    typeof entry.replyAddress === 'string' ? entry.replyAddress : (entry.replyAddress?.[0] ?? entry.address)
  reply({ address, args: entry.kind === 'start_listen' && entry.object === 'song' ? fixed.slice(-1) : fixed })
})

it('reaches every catalogue address through the typed API (scripted peer on an in-memory transport)', async () => {
  const live = createClient({ transport: peer.transport, timeout: 200 })
  const errors: string[] = []
  live.on('error', (error) => errors.push(error.message))
  const root = live as unknown as Record<string, unknown>
  const objectOf = (namespace: string): Record<string, unknown> => {
    const aliases: Record<string, string> = { return: 'returnTrack', master: 'masterTrack', clip_slot: 'clipSlot' }
    const camel = aliases[namespace] ?? namespace
    const n = INDEX_COUNT[namespace] ?? 0
    const member = root[camel]
    return (n === 0 ? member : (member as (...i: number[]) => unknown)(...[0, 0].slice(0, n))) as Record<
      string,
      unknown
    >
  }
  for (const namespace of namespaces()) {
    const table = namespaceTable(namespace)
    const object = objectOf(namespace)
    for (const [name, spec] of table.properties) {
      const reference = (spec.get ?? spec.start)!
      const extra = sampleArgs(reference, table.indexCount)
      const handle = (
        spec.extraIndices > 0 ? (object[name] as (...a: unknown[]) => unknown)(...extra) : object[name]
      ) as {
        get?: () => Promise<unknown>
        set?: (v: unknown) => Promise<void>
        watch?: (fn: () => void) => () => void
      }
      if (namespace === 'clip' && name === 'notes') {
        const notes = object.notes as {
          get(): Promise<unknown>
          add(n: unknown[]): Promise<void>
          remove(): Promise<void>
        }
        expect(await notes.get()).toEqual(
          [{ pitch: 1, start: 0.5, duration: 0.5, velocity: 0.5, mute: true }].slice(0, 0),
        )
        await notes.add([{ pitch: 60, start: 0, duration: 1, velocity: 100, mute: false }])
        await notes.remove()
        continue
      }
      if (handle.get !== undefined) await handle.get()
      if (handle.set !== undefined) {
        const values = sampleArgs(spec.set!, table.indexCount + spec.extraIndices)
        await handle.set(values.length === 1 ? values[0] : values)
      }
      if (handle.watch !== undefined) {
        const unwatch = handle.watch(() => {})
        await new Promise((resolve) => setTimeout(resolve, 1))
        unwatch()
      }
    }
    for (const [name, entry] of table.calls) {
      const call = object[name] as (...a: unknown[]) => Promise<unknown>
      await call(...sampleArgs(entry, table.indexCount))
    }
  }
  await live.ping()
  await new Promise((resolve) => setTimeout(resolve, 5))
  const sent = new Set(peer.sent.map((m) => m.address))
  const reachable = catalogue.filter((e) => e.pseudo !== true && e.kind !== 'event')
  expect(reachable.filter((e) => !sent.has(e.address)).map((e) => e.address)).toEqual([])
  expect(reachable.length).toBeGreaterThanOrEqual(494)
  // Besides the catalogue, only detection's probe of the simulator (not a catalogue address: no server of the protocol has it).
  expect([...sent].filter((address) => findEntry(address) === undefined)).toEqual([SIMULATOR_HELLO_ADDRESS])
  expect(errors).toEqual([])
  await live.close()
})
