import { expect, it } from 'vitest'
import { ask, collect, tell } from './ask.js'
import type { ComplianceContext } from './defineComplianceSuite.js'

/** Registers the checks of address wildcards, the "*" track id, clip notes and track_data. */
export function registerBulkTests(context: ComplianceContext): void {
  const client = () => context.client()

  it('answers address wildcards once per matching getter (BEHAVIOUR §6 counts on the default set, plus the bridge extensions)', async () => {
    const count = async (address: string, args: readonly number[]) =>
      (await collect(client(), address, args, 'i'.repeat(args.length))).filter((m) => m.address !== '/live/error')
        .length
    // The bridge adds two extension getters to the song: num_return_tracks and return_track_names.
    expect(await count('/live/song/get/*', [])).toBe(context.flavour === 'bridge' ? 34 : 32)
    expect(await count('/live/track/get/*', [2])).toBe(42)
    expect(await count('/live/clip_slot/get/*', [0, 0])).toBe(8)
    expect(await count('/live/scene/get/*', [0])).toBe(10)
  })

  it('replies on the concrete address for a wildcard, and ignores a pattern with no match', async () => {
    const replies = await collect(client(), '/live/song/get/tem*')
    expect(replies).toEqual([{ address: '/live/song/get/tempo', types: 'f', args: [120] }])
    expect(await tell(client(), '/live/song/get/nothing*')).toEqual([])
  })

  it('applies "*" as track id to every track, but a getter answers for track 0 only', async () => {
    const names = await collect(client(), '/live/track/get/name', ['*'], 's')
    expect(names).toEqual([{ address: '/live/track/get/name', types: 'is', args: [0, '1-MIDI'] }])
    expect(await tell(client(), '/live/track/set/mute', ['*', 1], 'si')).toEqual([])
    for (const track of [0, 1, 2, 3]) {
      const mute = await ask(client(), '/live/track/get/mute', [track], 'i')
      expect(mute.args).toEqual([track, true])
    }
  })

  it('round-trips clip notes as pitch i, start f, duration f, velocity f, mute T/F', async () => {
    expect(await tell(client(), '/live/clip_slot/create_clip', [0, 1, 4], 'iif')).toEqual([])
    const notes = [60, 0, 1, 100, false, 64, 1, 0.5, 90, true]
    expect(await tell(client(), '/live/clip/add/notes', [0, 1, ...notes], 'iiifffFifffT')).toEqual([])
    const reply = await ask(client(), '/live/clip/get/notes', [0, 1], 'ii')
    expect({ types: reply.types, args: reply.args }).toEqual({ types: 'iiifffFifffT', args: [0, 1, ...notes] })

    expect(await tell(client(), '/live/clip/remove/notes', [0, 1], 'ii')).toEqual([])
    const empty = await ask(client(), '/live/clip/get/notes', [0, 1], 'ii')
    expect({ types: empty.types, args: empty.args }).toEqual({ types: 'ii', args: [0, 1] })
  })

  it('lays out track_data per track, then per property, with no index echo and nil for empty slots', async () => {
    expect(await tell(client(), '/live/clip_slot/create_clip', [1, 2, 4], 'iif')).toEqual([])
    expect(await tell(client(), '/live/clip/set/name', [1, 2, 'Hook'], 'iis')).toEqual([])
    const reply = await ask(
      client(),
      '/live/song/get/track_data',
      [0, 2, 'track.name', 'clip.name', 'clip_slot.has_clip'],
      'iisss',
    )
    const nils = (n: number) => Array.from({ length: n }, () => null)
    const falses = (n: number) => Array.from({ length: n }, () => false)
    expect(reply.args).toEqual([
      '1-MIDI',
      ...nils(8),
      ...falses(8),
      '2-MIDI',
      ...nils(2),
      'Hook',
      ...nils(5),
      ...falses(2),
      true,
      ...falses(5),
    ])
    expect(reply.types).toBe(`s${'N'.repeat(8)}${'F'.repeat(8)}sNNsNNNNNFFTFFFFF`)
  })
}
