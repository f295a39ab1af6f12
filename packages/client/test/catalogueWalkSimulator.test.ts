import {
  type CatalogueEntry,
  type CatalogueParam,
  catalogue,
  findEntry,
  isLiveError,
  type OscValue,
  rangeOf,
} from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INDEX_COUNT, namespaces, namespaceTable } from '../src/api/namespaceTable.js'
import type { LiveClient } from '../src/clientTypes.js'
import { PROBE_ADDRESSES } from '../src/detect/detectServer.js'
import { startLiveServer } from './liveServer.js'
import { recordSends } from './recordSends.js'

/** A valid value for a param on the demo set: its range's minimum, else a plain value of its type. */
function sample(address: string, param: CatalogueParam): OscValue {
  const range = rangeOf(address, param.name)
  if (range !== undefined) return range.min
  return { int: 1, float: 0.5, bool: true, string: 'Intro', any: 1 }[param.type]
}

function sampleArgs(entry: CatalogueEntry, skip: number): OscValue[] {
  return entry.params
    .slice(skip)
    .filter((p) => p.optional !== true)
    .map((p) => sample(entry.address, p))
}

type Handle = {
  get?: () => Promise<unknown>
  set?: (v: unknown) => Promise<void>
  watch?: (w: { onValue: () => void; onError: () => void }) => () => void
}

/** One step of the walk: what it calls, and whether that call waits for a reply. */
interface Step {
  readonly address: string
  readonly replies: boolean
  readonly run: () => Promise<unknown>
}

/** Every property and call of every namespace, as steps on object 0 (0/0), through the typed API. */
function steps(live: LiveClient, withExtensions: boolean): Step[] {
  const root = live as unknown as Record<string, unknown>
  const aliases: Record<string, string> = { return: 'returnTrack', master: 'masterTrack', clip_slot: 'clipSlot' }
  const out: Step[] = []
  for (const namespace of namespaces()) {
    const table = namespaceTable(namespace)
    const object = () => {
      const member = root[aliases[namespace] ?? namespace]
      const n = INDEX_COUNT[namespace] ?? 0
      return (n === 0 ? member : (member as (...i: number[]) => unknown)(...[0, 0].slice(0, n))) as Record<
        string,
        unknown
      >
    }
    for (const [name, spec] of table.properties) {
      const handle = (): Handle => {
        const extra = sampleArgs((spec.get ?? spec.start)!, table.indexCount)
        const member = object()[name]
        return (spec.extraIndices > 0 ? (member as (...a: unknown[]) => unknown)(...extra) : member) as Handle
      }
      if (namespace === 'clip' && name === 'notes') {
        const notes = () =>
          object().notes as { get(): Promise<unknown>; add(n: unknown[]): Promise<void>; remove(): Promise<void> }
        out.push(
          { address: '/live/clip/get/notes', replies: true, run: () => notes().get() },
          {
            address: '/live/clip/add/notes',
            replies: false,
            run: () => notes().add([{ pitch: 60, start: 0, duration: 1, velocity: 100, mute: false }]),
          },
          { address: '/live/clip/remove/notes', replies: false, run: () => notes().remove() },
        )
        continue
      }
      if (spec.get !== undefined) out.push({ address: spec.get.address, replies: true, run: () => handle().get!() })
      if (spec.set !== undefined) {
        const values = sampleArgs(spec.set, table.indexCount + spec.extraIndices)
        const value = values.length === 1 ? values[0] : values
        out.push({ address: spec.set.address, replies: false, run: () => handle().set!(value) })
      }
      if (spec.start !== undefined) {
        out.push({
          address: spec.start.address,
          replies: false,
          run: async () => {
            let settle = () => {}
            const first = new Promise<void>((resolve) => {
              settle = resolve
            })
            const unwatch = handle().watch!({ onValue: () => settle(), onError: () => settle() })
            // Beat and some listeners send nothing at start: the wait is bounded.
            await Promise.race([first, new Promise((resolve) => setTimeout(resolve, 30))])
            unwatch()
          },
        })
      }
    }
    for (const [name, entry] of table.calls) {
      const args = sampleArgs(entry, table.indexCount)
      const call = () => (object()[name] as (...a: unknown[]) => Promise<unknown>)(...args)
      out.push({ address: entry.address, replies: entry.reply !== null, run: call })
    }
  }
  out.push({ address: '/live/test', replies: true, run: () => live.ping() })
  // A reload re-registers every handler: last, so nothing after it races the re-registration.
  return out
    .filter((step) => withExtensions || findEntry(step.address)?.extension !== true)
    .sort((a, b) => Number(a.address === '/live/api/reload') - Number(b.address === '/live/api/reload'))
}

describe.each([
  ['bridge', true],
  ['abletonosc', false],
] as const)('the catalogue walk against the %s simulator (demo set, UDP)', (flavour, withExtensions) => {
  let close: () => Promise<void>
  let live: LiveClient
  let sent: { address: string }[]
  beforeAll(async () => {
    let recorded: ReturnType<typeof recordSends> | undefined
    const server = await startLiveServer(flavour, 'demo', {
      timeout: 1000,
      retries: 0,
      wrap: (transport) => {
        recorded = recordSends(transport)
        return recorded.transport
      },
    })
    sent = recorded!.sent
    live = server.live
    close = () => server.close()
  })
  afterAll(() => close?.())

  it('reaches every address through the typed API, each answered or refused by Live, none timed out', async () => {
    const unexpected: string[] = []
    const refusedSends: string[] = []
    live.on('error', (error) => refusedSends.push(error.shortMessage))
    const outcomes = new Map<string, string>()
    for (const step of steps(live, withExtensions)) {
      if (process.env.WALK_TRACE) console.log(step.address)
      try {
        await step.run()
        outcomes.set(step.address, step.replies ? 'reply' : 'sent')
        // Fire-and-forget: a round trip after it means the server has handled it, so a /live/error it
        // caused cannot be blamed on the next request.
        if (!step.replies) await live.ping()
      } catch (error) {
        const code = isLiveError(error) ? error.code : String(error)
        outcomes.set(step.address, code)
        // Refused by Live, or found missing (an empty slot, an index past the end): both say so, neither times out.
        if (code !== 'LIVE_REJECTED' && code !== 'NOT_FOUND') unexpected.push(`${step.address}: ${code}`)
      }
    }
    const reached = new Set(sent.map((m) => m.address))
    const expected = catalogue.filter(
      (e) => e.pseudo !== true && e.kind !== 'event' && (withExtensions || e.extension !== true),
    )
    expect(unexpected).toEqual([])
    expect(expected.filter((e) => !reached.has(e.address)).map((e) => e.address)).toEqual([])
    // Besides the catalogue, only detection's probes (the simulator's is in no catalogue: no server of the protocol has it).
    expect([...reached].filter((a) => !expected.some((e) => e.address === a) && !PROBE_ADDRESSES.includes(a))).toEqual(
      [],
    )
    expect(expected.length).toBe(
      withExtensions ? catalogue.filter((e) => e.pseudo !== true && e.kind !== 'event').length : 494,
    )
    const replied = [...outcomes.values()].filter((o) => o === 'reply').length
    expect(replied).toBeGreaterThan(100)
    expect(refusedSends.every((text) => text.startsWith('Live'))).toBe(true)
  }, 60_000)
})
