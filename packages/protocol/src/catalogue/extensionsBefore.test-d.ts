import { expectTypeOf, it } from 'vitest'
import type { ExtensionArgsMap, ExtensionReplyMap } from './extensions.js'
import type { extensionEntriesBefore } from './extensionsBefore.js'
import type { ParamsTuple, ReplyTuple } from './types.js'

type Before = (typeof extensionEntriesBefore)[number]
type ArgsBefore = { [E in Before as E['address']]: ParamsTuple<E['params']> }
type ReplyBefore = { [E in Before as E['address']]: ReplyTuple<E['reply']> }

it('types every address as the hand-written entries did', () => {
  expectTypeOf<ExtensionArgsMap>().toEqualTypeOf<ArgsBefore>()
  expectTypeOf<ExtensionReplyMap>().toEqualTypeOf<ReplyBefore>()
  expectTypeOf<keyof ExtensionArgsMap>().toEqualTypeOf<keyof ArgsBefore>()
})
