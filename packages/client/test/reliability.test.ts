import { createMemoryLink, isLiveError, type LiveError, type Transport } from '@live/protocol'
import { createSimulator } from '@live/simulator'
import { udp } from '@live/transport-udp'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LiveClient } from '../src/clientTypes.js'
import { createClient } from '../src/createClient.js'
import type { LiveSet } from '../src/sync/liveSetSchema.js'
import { freeUdpPort, startLiveServer } from './liveServer.js'
import { createLossyRelay } from './lossyRelay.js'
import { memorySimulator } from './memorySimulator.js'
import { recordSends } from './recordSends.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

/** The demo set synced straight from a simulator of this flavour, without loss. */
async function referenceSync(flavour: 'abletonosc' | 'bridge'): Promise<LiveSet> {
  const server = await startLiveServer(flavour, 'demo')
  try {
    return await server.live.sync()
  } finally {
    await server.close()
  }
}

describe.each([
  ['bridge', 20240611],
  ['abletonosc', 7],
] as const)(
  'sync() through a lossy relay (a tenth dropped each way, some reordered) to the %s simulator',
  (flavour, seed) => {
    it('is complete and equal to a sync without loss', async () => {
      const reference = await referenceSync(flavour)
      const clientReplyPort = await freeUdpPort()
      const relay = await createLossyRelay({
        seed,
        dropRate: 0.1,
        reorderRate: 0.1,
        clientReplyPort: flavour === 'abletonosc' ? clientReplyPort : undefined,
      })
      const sim = await createSimulator({ flavour, port: 0, replyPort: relay.upstreamPort, set: 'demo', tickMs: 10 })
      relay.connect(sim.port)
      const live = createClient({
        transport: udp({
          host: '127.0.0.1',
          port: relay.port,
          replyPort: flavour === 'bridge' ? 'source' : clientReplyPort,
          replySharing: 'off',
          bindAddress: '127.0.0.1',
          env: {},
        }),
        timeout: 100,
      })
      try {
        const set = await live.sync({ retries: 12 }).catch((e) => {
          console.log('DETAILS', JSON.stringify(e.details), JSON.stringify(relay.stats))
          throw e
        })
        expect(set).toEqual(reference)
        expect(set.tracks.map((t) => t.name)).toEqual(['Drums', 'Bass', 'Keys', 'Pad', 'FX'])
        expect(relay.stats.dropped.up).toBeGreaterThan(0)
        expect(relay.stats.dropped.down).toBeGreaterThan(0)
        expect(relay.stats.reordered.up + relay.stats.reordered.down).toBeGreaterThan(0)
      } finally {
        await live.close()
        await sim.close()
        await relay.close()
      }
    }, 60_000)
  },
)

describe('the same sync over both transports', () => {
  it('memory() to the in-memory simulator equals udp() to the bridge simulator', async () => {
    const sim = memorySimulator('demo')
    const live = createClient({ transport: sim.transport })
    try {
      expect(await live.sync()).toEqual(await referenceSync('bridge'))
    } finally {
      await live.close()
      sim.close()
    }
  })
})

/** A transport to nobody: a free UDP port, or a memory link whose server end never answers. */
const nobody: Record<'udp' | 'memory', () => Promise<Transport>> = {
  async udp() {
    return udp({
      host: '127.0.0.1',
      port: await freeUdpPort(),
      replyPort: await freeUdpPort(),
      replySharing: 'off',
      bindAddress: '127.0.0.1',
      env: {},
    })
  },
  async memory() {
    return createMemoryLink({ name: 'nobody' }).client
  },
}

describe.each(['udp', 'memory'] as const)('with no server at all, over %s()', (kind) => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  let live: LiveClient
  let sent: { address: string }[]
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled)
    const recorded = recordSends(await nobody[kind]())
    sent = recorded.sent
    live = createClient({ transport: recorded.transport, timeout: 40, retries: 1 })
  })
  afterEach(() => {
    sent.length = 0
  })
  afterAll(async () => {
    await live.close()
    // Let any stray rejection surface before the listener goes.
    await new Promise((resolve) => setTimeout(resolve, 20))
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })

  it('fails every call with TIMEOUT naming the timeout used, and ends', async () => {
    const results = await Promise.all([
      caught(live.song.tempo.get()),
      caught(live.track(0).volume.get()),
      caught(live.clip(0, 0).notes.get()),
      caught(live.device(0, 0).parameter('Macro 1').get()),
      caught(live.request('/live/song/get/track_names', [])),
      caught(live.ping()),
      caught(live.detect()),
      caught(live.sync()),
      caught(live.song.tempo.get({ timeout: 25, retries: 0 })),
    ])
    expect(results.map((e) => isLiveError(e) && e.code)).toEqual(Array(9).fill('TIMEOUT'))
    expect(results.map((e) => e?.details.timeout)).toEqual([40, 40, 40, 40, 40, 40, 40, 40, 25])
    expect(results[0]?.details.attempts).toBe(2)
    expect(results[8]?.details.attempts).toBe(1)
    expect(results[0]?.shortMessage).toMatch(
      kind === 'udp'
        ? /^no reply to \/live\/song\/get\/tempo from 127\.0\.0\.1:\d+ within 40 ms$/
        : /^no reply to \/live\/song\/get\/tempo from memory nobody within 40 ms$/,
    )
    expect(sent.map((m) => m.address)).toContain('/live/song/get/tempo')
  })

  it('sends fire-and-forget calls without waiting for anything', async () => {
    await live.song.tempo.set(128)
    await live.clipSlot(0, 0).fire()
    expect(sent.map((m) => m.address)).toEqual(['/live/song/set/tempo', '/live/clip_slot/fire'])
  })

  it('never puts bad arguments on the wire', async () => {
    const results = await Promise.all([
      caught(live.track(0).volume.set(1.5)),
      caught(live.song.tempo.set('fast' as never)),
      caught(live.track(0).name.set(3 as never)),
      caught(live.song.tempo.set(1000)),
      caught(live.request('/live/track/get/volume', [] as never)),
      caught(live.clip(0, 0).notes.add([{ pitch: 128, start: 0, duration: 1, velocity: 100, mute: false }])),
    ])
    expect(results.map((e) => isLiveError(e) && e.code)).toEqual(Array(6).fill('INVALID_ARGUMENTS'))
    expect(sent).toEqual([])
  })
})
