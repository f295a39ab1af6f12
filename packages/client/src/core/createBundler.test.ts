import { decodePacket, encodePacket, isBundle, type OscPacket } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { createBundler, MAX_BUNDLE_BYTES, messageBytes } from './createBundler.js'
import { nextTurn } from './nextTurn.js'

interface Item {
  readonly message: { address: string; args: number[]; types: string }
  done: boolean
}

const item = (track: number): Item => ({
  message: { address: '/live/track/get/volume', args: [track], types: 'i' },
  done: false,
})
const turn = () => new Promise<void>((resolve) => nextTurn(resolve))

function harness(refuse = false) {
  const sent: OscPacket[] = []
  const failed: { items: readonly Item[]; error: unknown }[] = []
  const bundler = createBundler<Item>({
    message: (i) => i.message,
    live: (i) => !i.done,
    send: async (packet) => {
      sent.push(packet)
      if (refuse) throw new Error('socket closed')
    },
    onFailed: (items, error) => failed.push({ items, error }),
  })
  return { bundler, sent, failed }
}

describe('createBundler', () => {
  it('packs what is added in one turn into one bundle, in order, at the end of the turn', async () => {
    const { bundler, sent } = harness()
    for (const t of [0, 1, 2]) bundler.add(item(t))
    expect(bundler.pending).toBe(true)
    expect(sent).toEqual([])
    await turn()
    expect(bundler.pending).toBe(false)
    expect(sent).toHaveLength(1)
    const packet = sent[0]!
    expect(isBundle(packet) && packet.elements.map((m) => ('args' in m ? m.args[0] : undefined))).toEqual([0, 1, 2])
  })

  it('sends a lone message as a plain message, and leaves out the ones no longer needed', async () => {
    const { bundler, sent } = harness()
    const answered = item(0)
    bundler.add(answered)
    bundler.add(item(1))
    answered.done = true
    await turn()
    expect(sent).toEqual([{ address: '/live/track/get/volume', args: [1], types: 'i' }])
  })

  it('splits bundles before they pass MAX_BUNDLE_BYTES, and each bundle encodes within it', async () => {
    const { bundler, sent } = harness()
    const count = 200
    for (let t = 0; t < count; t++) bundler.add(item(t))
    await turn()
    const perBundle = Math.floor((MAX_BUNDLE_BYTES - 16) / messageBytes(item(0).message))
    expect(sent.map((p) => (isBundle(p) ? p.elements.length : 1))).toEqual([
      perBundle,
      perBundle,
      count - 2 * perBundle,
    ])
    for (const packet of sent) {
      const bytes = encodePacket(packet)
      expect(bytes.length).toBeLessThanOrEqual(MAX_BUNDLE_BYTES)
      expect(decodePacket(bytes)).toBeTruthy()
    }
  })

  it('flush() sends what waits at once, so an unbundled message after it keeps its place', () => {
    const { bundler, sent } = harness()
    bundler.add(item(0))
    bundler.add(item(1))
    bundler.flush()
    expect(sent).toHaveLength(1)
    expect(bundler.pending).toBe(false)
    bundler.flush() // nothing waits: nothing sent
    expect(sent).toHaveLength(1)
  })

  it('tells which items failed when the transport refuses a bundle', async () => {
    const { bundler, failed } = harness(true)
    const items = [item(0), item(1)]
    for (const i of items) bundler.add(i)
    await turn()
    await Promise.resolve()
    expect(failed).toHaveLength(1)
    expect(failed[0]!.items).toEqual(items)
    expect((failed[0]!.error as Error).message).toBe('socket closed')
  })

  it('bounds a message from above, UTF-8 and blobs included', () => {
    for (const message of [
      { address: '/live/track/set/name', args: [0, 'Bässe 🎹 Ω'], types: 'is' },
      { address: '/live/clip/add/notes', args: [0, 0, 60, 0, 1, 100, 0], types: 'iiiffff' },
      { address: '/x', args: [new Uint8Array(13)], types: 'b' },
    ] as const) {
      expect(messageBytes(message)).toBeGreaterThanOrEqual(encodePacket(message).length + 4)
    }
  })
})
