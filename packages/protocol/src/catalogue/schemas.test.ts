import { describe, expect, it } from 'vitest'
import { catalogue, findEntry } from './catalogue.js'
import { paramLayout } from './paramLayout.js'
import { rangeOf } from './ranges.js'
import { argsSchema, replySchema, valueSchema } from './schemas.js'
import type { CatalogueEntry, CatalogueParam } from './types.js'

const entry = (address: string) => {
  const found = findEntry(address)
  if (found === undefined) throw new Error(`no entry ${address}`)
  return found
}

function sampleValue(param: CatalogueParam, address: string | undefined): unknown {
  const range = address === undefined ? undefined : rangeOf(address, param.name)
  if (param.type === 'int') return range?.min ?? 1
  if (param.type === 'float') return range?.min ?? 0.5
  if (param.type === 'bool') return true
  if (param.type === 'string') return 'x'
  return 1
}

/** One valid list: every optional param present, every repeating run once. */
function sample(params: readonly CatalogueParam[], address?: string): unknown[] {
  return params.map((param) => sampleValue(param, address))
}

const WRONG = { int: 'wrong', float: 'wrong', bool: 'wrong', string: 42, any: {} } as const

/** The sample with one value of the wrong type (the last when a list starts with its repeating run); `[1]` for an empty list. */
function wrong(params: readonly CatalogueParam[], address?: string): unknown[] {
  if (params.length === 0) return [1]
  const values = sample(params, address)
  const layout = paramLayout(params)
  const index = layout.head.length === 0 && layout.tail.length > 0 ? values.length - 1 : 0
  values[index] = WRONG[params[index]!.type]
  return values
}

describe('argsSchema', () => {
  it.each(catalogue.map((e) => [e.address, e] as [string, CatalogueEntry]))(
    '%s accepts a sample and rejects a wrong type',
    (_, e) => {
      const schema = argsSchema(e)
      expect(schema.safeParse(sample(e.params, e.address)).success).toBe(true)
      expect(schema.safeParse(wrong(e.params, e.address)).success).toBe(false)
    },
  )

  it('checks ints, finite floats and holes', () => {
    const schema = argsSchema(entry('/live/track/set/volume'))
    expect(schema.safeParse([1, 0.5]).success).toBe(true)
    expect(schema.safeParse([1.5, 0.5]).success).toBe(false)
    expect(schema.safeParse([1, Number.NaN]).success).toBe(false)
    expect(schema.safeParse([1, Number.POSITIVE_INFINITY]).success).toBe(false)
    expect(schema.safeParse([1]).success).toBe(false)
    expect(schema.safeParse([1, 0.5, 0]).success).toBe(false)
    expect(argsSchema(entry('/live/scene/fire')).safeParse([0, undefined, true]).success).toBe(false)
  })

  it('applies known ranges', () => {
    expect(argsSchema(entry('/live/track/set/volume')).safeParse([0, 1.01]).success).toBe(false)
    expect(argsSchema(entry('/live/track/set/panning')).safeParse([0, -1]).success).toBe(true)
    expect(argsSchema(entry('/live/song/set/tempo')).safeParse([19.9]).success).toBe(false)
    expect(argsSchema(entry('/live/song/set/tempo')).safeParse([999]).success).toBe(true)
  })

  it('accepts the * track wildcard only where the entry allows it', () => {
    expect(argsSchema(entry('/live/track/set/volume')).parse(['*', 0.5])).toEqual(['*', 0.5])
    expect(argsSchema(entry('/live/clip/fire')).safeParse(['*', 0]).success).toBe(false)
  })

  it('checks that notes come in whole groups of the group types', () => {
    const schema = argsSchema(entry('/live/clip/add/notes'))
    expect(schema.parse([0, 1])).toEqual([0, 1])
    expect(schema.parse([0, 1, 60, 0, 1, 100, false, 62, 1, 0.5, 90, true])).toEqual([
      0,
      1,
      60,
      0,
      1,
      100,
      false,
      62,
      1,
      0.5,
      90,
      true,
    ])
    expect(schema.safeParse([0, 1, 60, 0, 1, 100, false, 62]).success).toBe(false)
    expect(schema.safeParse([0, 1, 60, 0, 1, 100, 0]).success).toBe(false)
    expect(schema.safeParse([0, 1, 60.5, 0, 1, 100, false]).success).toBe(false)
    expect(schema.safeParse([0, 1, 128, 0, 1, 100, false]).success).toBe(false)
  })

  it('takes an optional group all or nothing', () => {
    const schema = argsSchema(entry('/live/clip/get/notes'))
    expect(schema.safeParse([0, 1]).success).toBe(true)
    expect(schema.safeParse([0, 1, 0, 127, 0, 16]).success).toBe(true)
    expect(schema.safeParse([0, 1, 0, 127]).success).toBe(false)
    expect(schema.safeParse([0, 1, 0]).success).toBe(false)
  })

  it('is cached per entry', () => {
    const e = entry('/live/song/set/tempo')
    expect(argsSchema(e)).toBe(argsSchema(e))
  })
})

describe('replySchema', () => {
  const withReply = catalogue.filter((e) => e.reply !== null)

  it.each(withReply.map((e) => [e.address, e] as [string, CatalogueEntry]))(
    '%s accepts a sample and rejects a wrong type',
    (_, e) => {
      const schema = replySchema(e)
      const reply = e.reply ?? []
      expect(schema?.safeParse(sample(reply)).success).toBe(true)
      expect(schema?.safeParse(wrong(reply)).success).toBe(false)
    },
  )

  it('is undefined when nothing is sent back, and cached', () => {
    expect(replySchema(entry('/live/track/set/volume'))).toBe(undefined)
    const e = entry('/live/track/get/volume')
    expect(replySchema(e)).toBe(replySchema(e))
  })

  it('accepts nil where the value may be nil', () => {
    expect(replySchema(entry('/live/clip/get/file_path'))?.parse([0, 1, null])).toEqual([0, 1, null])
    expect(replySchema(entry('/live/track/get/clips/name'))?.parse([0, 'a', null, 'b'])).toEqual([0, 'a', null, 'b'])
    expect(replySchema(entry('/live/clip/get/name'))?.safeParse([0, 1, null]).success).toBe(false)
  })

  it('reads song listener messages with the echoed extras before the value', () => {
    const schema = replySchema(entry('/live/song/start_listen/is_playing'))
    expect(schema?.parse([true])).toEqual([true])
    expect(schema?.parse(['tag', 7, true])).toEqual(['tag', 7, true])
    expect(schema?.safeParse([]).success).toBe(false)
    expect(schema?.safeParse(['tag', 1]).success).toBe(false)
  })

  it('does not apply request ranges to replies', () => {
    expect(replySchema(entry('/live/song/get/tempo'))?.parse([5])).toEqual([5])
  })

  it('checks cue points and notes in whole groups', () => {
    expect(replySchema(entry('/live/song/get/cue_points'))?.parse(['A', 0, 'B', 16])).toEqual(['A', 0, 'B', 16])
    expect(replySchema(entry('/live/song/get/cue_points'))?.safeParse(['A', 0, 'B']).success).toBe(false)
    expect(replySchema(entry('/live/clip/get/notes'))?.safeParse([0, 0, 60, 0, 1, 64, 'x']).success).toBe(false)
  })
})

describe('valueSchema', () => {
  it('accepts number, string, boolean and null for any, and nothing else', () => {
    const schema = valueSchema({ name: 'value', type: 'any' })
    for (const v of [1, 1.5, 'x', true, null]) expect(schema.safeParse(v).success).toBe(true)
    for (const v of [undefined, {}, [], new Uint8Array(1)]) expect(schema.safeParse(v).success).toBe(false)
  })
})
