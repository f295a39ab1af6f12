import { describe, expect, it } from 'vitest'
import { catalogue, findEntry, oscTypesFor } from './catalogue.js'
import { extensionEntries } from './extensions.js'
import { abletonOscEntries } from './generated.js'
import { paramAt, paramLayout, signatureOf } from './paramLayout.js'
import { rangeOf, ranges } from './ranges.js'
import { catalogueEntrySchema } from './types.js'

const entry = (address: string) => {
  const found = findEntry(address)
  if (found === undefined) throw new Error(`no entry ${address}`)
  return found
}

describe('catalogue', () => {
  it('holds AbletonOSC: 494 handled addresses, 3 events and the #bundle pseudo-entry', () => {
    expect(abletonOscEntries.length).toBe(498)
    expect(catalogue.filter((e) => e.kind !== 'event' && e.pseudo !== true && e.extension !== true).length).toBe(494)
    expect(catalogue.filter((e) => e.kind === 'event').map((e) => e.address)).toEqual([
      '/live/error',
      '/live/startup',
      '/live/song/get/beat',
    ])
    expect(catalogue.filter((e) => e.pseudo === true).map((e) => e.address)).toEqual(['#bundle'])
    expect(catalogue.length).toBe(498 + extensionEntries.length)
  })

  it('counts entries by kind', () => {
    const kinds: Record<string, number> = {}
    for (const e of abletonOscEntries) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1
    expect(kinds).toEqual({ get: 149, set: 74, call: 52, start_listen: 110, stop_listen: 110, event: 3 })
  })

  it('has unique addresses and every entry fits the entry schema', () => {
    expect(new Set(catalogue.map((e) => e.address)).size).toBe(catalogue.length)
    for (const e of catalogue) expect(catalogueEntrySchema.safeParse(e).success, e.address).toBe(true)
  })

  it('marks every extension entry', () => {
    expect(catalogue.filter((e) => e.extension === true).length).toBe(extensionEntries.length)
  })

  it('finds an entry by address', () => {
    expect(findEntry('/live/track/set/volume')).toEqual({
      address: '/live/track/set/volume',
      object: 'track',
      kind: 'set',
      params: [
        { name: 'track_id', type: 'int', wildcard: '*' },
        { name: 'volume', type: 'float' },
      ],
      reply: null,
      notes: expect.stringContaining('0.0..1.0; out of range -> Live error'),
      source: 'abletonosc/track.py',
      inReadme: true,
    })
    expect(findEntry('/live/song/start_listen/tempo')?.replyAddress).toBe('/live/song/get/tempo')
    expect(findEntry('/live/track/start_listen/volume')?.listenable).toBe(true)
    expect(findEntry('/live/song/start_listen/can_redo')?.listenable).toBe(false)
    expect(findEntry('/live/track/get/volume')?.listenable).toBe(undefined)
    expect(findEntry('/live/device/start_listen/parameter/value')?.replyAddress).toEqual([
      '/live/device/get/parameter/value',
      '/live/device/get/parameter/value_string',
    ])
    expect(findEntry('/live/nope')).toBe(undefined)
    expect(findEntry('/live/track/set/volume')).toBe(catalogue.find((e) => e.address === '/live/track/set/volume'))
  })
})

describe('oscTypesFor', () => {
  it('follows the declared type, not the JS value', () => {
    expect(oscTypesFor(entry('/live/song/set/tempo'), [120])).toBe('f')
    expect(oscTypesFor(entry('/live/track/set/volume'), [2, 1])).toBe('if')
    expect(oscTypesFor(entry('/live/track/set/mute'), [0, true])).toBe('iT')
    expect(oscTypesFor(entry('/live/track/set/mute'), [0, false])).toBe('iF')
    expect(oscTypesFor(entry('/live/track/set/name'), [0, 'Bass'])).toBe('is')
  })

  it('sends the * track wildcard as a string', () => {
    expect(oscTypesFor(entry('/live/track/set/volume'), ['*', 0.5])).toBe('sf')
  })

  it('repeats variadic params and groups', () => {
    const notes = [0, 1, 60, 0, 1, 100, false, 64, 1, 0.5, 90, true]
    expect(oscTypesFor(entry('/live/clip/add/notes'), notes)).toBe('iiifffFifffT')
    expect(oscTypesFor(entry('/live/song/get/track_data'), [0, -1, 'track.name', 'clip.name'])).toBe('iiss')
    expect(oscTypesFor(entry('/live/device/set/parameters/value'), [0, 1, 1, 0])).toBe('iiff')
  })

  it('infers any params and unexpected arguments from the value', () => {
    expect(oscTypesFor(entry('/live/song/get/can_redo'), [1, 1.5, 'x', null, true, false])).toBe('ifsNTF')
    expect(oscTypesFor(entry('/live/song/cue_point/jump'), ['verse'])).toBe('s')
    expect(oscTypesFor(entry('/live/song/cue_point/jump'), [2])).toBe('i')
    expect(oscTypesFor(entry('/live/test'), [3])).toBe('i')
    expect(oscTypesFor(entry('/live/clip/get/file_path'), [0, 0, null])).toBe('iiN')
  })

  it('refuses a value OSC cannot carry', () => {
    expect(() => oscTypesFor(entry('/live/song/cue_point/jump'), [{}])).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: ENCODE_FAILED: /live/song/cue_point/jump: argument 1 cannot be sent as OSC (object)
        Send numbers, strings, booleans or null.]
    `)
  })
})

describe('paramLayout', () => {
  it('splits a list around its repeating run', () => {
    const notes = paramLayout(entry('/live/clip/add/notes').params)
    expect(notes.head.map((p) => p.name)).toEqual(['track_id', 'clip_id'])
    expect(notes.variadic.map((p) => p.name)).toEqual(['pitch', 'start_time', 'duration', 'velocity', 'mute'])
    expect(notes.tail).toEqual([])
    expect([notes.minCount, notes.maxCount]).toEqual([2, Number.POSITIVE_INFINITY])
    const range = paramLayout(entry('/live/clip/get/notes').params)
    expect([range.minCount, range.maxCount]).toEqual([2, 6])
    const listener = paramLayout(entry('/live/song/start_listen/is_playing').reply ?? [])
    expect(listener.variadic.map((p) => p.name)).toEqual(['extra'])
    expect(listener.tail.map((p) => p.name)).toEqual(['is_playing'])
  })

  it('maps each argument position to its param', () => {
    const notes = paramLayout(entry('/live/clip/add/notes').params)
    expect([0, 2, 6, 7, 11].map((i) => paramAt(notes, i, 12)?.name)).toEqual([
      'track_id',
      'pitch',
      'mute',
      'pitch',
      'mute',
    ])
    const listener = paramLayout(entry('/live/song/start_listen/is_playing').reply ?? [])
    expect([0, 1, 2].map((i) => paramAt(listener, i, 3)?.name)).toEqual(['extra', 'extra', 'is_playing'])
    expect(paramAt(paramLayout(entry('/live/test').params), 0, 1)).toBe(undefined)
  })

  it('reads every list of the catalogue', () => {
    for (const e of catalogue) {
      expect(() => paramLayout(e.params), e.address).not.toThrow()
      if (e.reply !== null) expect(() => paramLayout(e.reply ?? []), e.address).not.toThrow()
    }
  })
})

describe('signatureOf', () => {
  it('writes name:type, [optional] and repeated groups', () => {
    expect(signatureOf(entry('/live/track/set/volume'))).toBe('/live/track/set/volume track_id:int volume:float')
    expect(signatureOf(entry('/live/test'))).toBe('/live/test')
    expect(signatureOf(entry('/live/clip/get/notes'))).toBe(
      '/live/clip/get/notes track_id:int clip_id:int [pitch_start:int pitch_span:int time_start:float time_span:float]',
    )
    expect(signatureOf(entry('/live/clip/add/notes'))).toBe(
      '/live/clip/add/notes track_id:int clip_id:int (pitch:int start_time:float duration:float velocity:float mute:bool)...',
    )
    expect(signatureOf(entry('/live/song/get/track_names'))).toBe(
      '/live/song/get/track_names [index_min:int] [index_max:int]',
    )
    expect(signatureOf(entry('/live/track/get/clips/name'), 'reply')).toBe(
      '/live/track/get/clips/name track_id:int name:string|nil...',
    )
  })
})

describe('ranges', () => {
  it('names ranges by address and param, only for params that exist and are numbers', () => {
    expect(rangeOf('/live/track/set/volume', 'volume')).toEqual({ min: 0, max: 1 })
    expect(rangeOf('/live/song/set/tempo', 'tempo')).toEqual({ min: 20, max: 999 })
    expect(rangeOf('/live/track/set/volume', 'constructor')).toBe(undefined)
    expect(rangeOf('/live/nope', 'volume')).toBe(undefined)
    for (const [address, byParam] of Object.entries(ranges)) {
      for (const name of Object.keys(byParam)) {
        const param = findEntry(address)?.params.find((p) => p.name === name)
        expect(param?.type === 'int' || param?.type === 'float', `${address} ${name}`).toBe(true)
      }
    }
  })
})
