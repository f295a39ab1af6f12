import { describe, expectTypeOf, it } from 'vitest'
import type { AddressArgs, AddressReply } from './catalogue.js'

describe('/live/bridge/selftest', () => {
  it('types its reply: three versions, then call, result, ms, detail rows', () => {
    expectTypeOf<AddressArgs<'/live/bridge/selftest'>>().toEqualTypeOf<[]>()
    expectTypeOf<AddressReply<'/live/bridge/selftest'>>().toEqualTypeOf<
      [string, string, string, ...(string | number)[]]
    >()
  })
})
