import { describe, expectTypeOf, it } from 'vitest'
import type { Address, AddressArgs, AddressReply, CatalogueEntry } from './catalogue.js'
import { catalogue, decodeReply, findEntry, validateArgs } from './catalogue.js'
import type { ExtensionEntry, ParamsTuple, ReplyTuple } from './types.js'

type AnyArg = number | string | boolean | null

describe('AddressArgs and AddressReply', () => {
  it('types a setter and its getter', () => {
    expectTypeOf<AddressArgs<'/live/track/set/volume'>>().toEqualTypeOf<[trackId: number, volume: number]>()
    expectTypeOf<AddressReply<'/live/track/set/volume'>>().toEqualTypeOf<undefined>()
    expectTypeOf<AddressArgs<'/live/track/get/volume'>>().toEqualTypeOf<[trackId: number]>()
    expectTypeOf<AddressReply<'/live/track/get/volume'>>().toEqualTypeOf<[trackId: number, volume: number]>()
  })

  it('types booleans, strings, nil and optional params', () => {
    expectTypeOf<AddressArgs<'/live/track/set/mute'>>().toEqualTypeOf<[trackId: number, mute: boolean]>()
    expectTypeOf<AddressArgs<'/live/track/set/name'>>().toEqualTypeOf<[trackId: number, name: string]>()
    expectTypeOf<AddressReply<'/live/clip/get/file_path'>>().toEqualTypeOf<
      [trackId: number, clipId: number, filePath: string | null]
    >()
    expectTypeOf<AddressArgs<'/live/scene/fire'>>().toEqualTypeOf<
      [sceneId: number, forceLegato?: boolean, canSelectSceneOnLaunch?: boolean]
    >()
  })

  it('types repeated params as rests and groups as a rest of their union', () => {
    expectTypeOf<AddressArgs<'/live/clip/add/notes'>>().toEqualTypeOf<
      [trackId: number, clipId: number, ...note: (number | boolean)[]]
    >()
    expectTypeOf<AddressReply<'/live/track/get/clips/name'>>().toEqualTypeOf<
      [trackId: number, ...name: (string | null)[]]
    >()
    expectTypeOf<AddressReply<'/live/song/get/cue_points'>>().toEqualTypeOf<(string | number)[]>()
    expectTypeOf<AddressArgs<'/live/song/get/can_redo'>>().toEqualTypeOf<AnyArg[]>()
    expectTypeOf<AddressReply<'/live/song/start_listen/is_playing'>>().toEqualTypeOf<[...AnyArg[], boolean]>()
  })

  it('types an optional group as all or nothing', () => {
    expectTypeOf<AddressArgs<'/live/clip/get/notes'>>().toEqualTypeOf<
      [number, number] | [number, number, number, number, number, number]
    >()
  })

  it('types events and leaves the pseudo-entry out of Address', () => {
    expectTypeOf<AddressReply<'/live/error'>>().toEqualTypeOf<[message: string]>()
    expectTypeOf<AddressReply<'/live/startup'>>().toEqualTypeOf<[]>()
    expectTypeOf<'/live/song/get/beat'>().toExtend<Address>()
    expectTypeOf<'#bundle'>().not.toExtend<Address>()
    expectTypeOf<'/live/nope'>().not.toExtend<Address>()
  })
})

describe('extension addresses (built by the helpers of extensionEntry.ts)', () => {
  it('keep the literal argument and reply tuples of a property', () => {
    expectTypeOf<AddressArgs<'/live/return/set/volume'>>().toEqualTypeOf<[number, number]>()
    expectTypeOf<AddressReply<'/live/return/get/mute'>>().toEqualTypeOf<[number, boolean]>()
    expectTypeOf<AddressArgs<'/live/return/start_listen/name'>>().toEqualTypeOf<[number]>()
    expectTypeOf<AddressReply<'/live/return/start_listen/name'>>().toEqualTypeOf<[number, string]>()
    expectTypeOf<AddressReply<'/live/return/stop_listen/solo'>>().toEqualTypeOf<undefined>()
    expectTypeOf<AddressArgs<'/live/master/set/crossfader'>>().toEqualTypeOf<[number]>()
    expectTypeOf<AddressReply<'/live/master/get/name'>>().toEqualTypeOf<[string]>()
  })

  it('leave out what a property does not offer', () => {
    expectTypeOf<'/live/master/get/output_meter_left'>().toExtend<Address>()
    expectTypeOf<'/live/master/set/output_meter_left'>().not.toExtend<Address>()
    expectTypeOf<'/live/master/set/name'>().not.toExtend<Address>()
  })

  it('type getters, setters and entries written in full', () => {
    expectTypeOf<AddressArgs<'/live/return/get/send'>>().toEqualTypeOf<[number, number]>()
    expectTypeOf<AddressArgs<'/live/return/set/send'>>().toEqualTypeOf<[number, number, number]>()
    expectTypeOf<AddressReply<'/live/return/get/devices/name'>>().toEqualTypeOf<[number, ...string[]]>()
    expectTypeOf<AddressArgs<'/live/device/get/chain/devices/name'>>().toEqualTypeOf<[AnyArg, AnyArg, number]>()
    expectTypeOf<AddressReply<'/live/query/track/devices'>>().toEqualTypeOf<[number, number, ...string[]]>()
    expectTypeOf<AddressArgs<'/live/bridge/export/start'>>().toEqualTypeOf<[string, string?, number?]>()
  })
})

describe('runtime functions', () => {
  it('return the catalogue types', () => {
    expectTypeOf(catalogue).toEqualTypeOf<readonly CatalogueEntry[]>()
    expectTypeOf(findEntry).returns.toEqualTypeOf<CatalogueEntry | undefined>()
    expectTypeOf(validateArgs('/live/track/set/volume', [0, 1])).toEqualTypeOf<[trackId: number, volume: number]>()
    expectTypeOf(decodeReply('/live/track/get/volume', [0, 1])).toEqualTypeOf<[trackId: number, volume: number]>()
    expectTypeOf(validateArgs('/live/some/unknown', [])).toEqualTypeOf<unknown[]>()
  })
})

describe('ParamsTuple (how extension entries are typed)', () => {
  const sample = {
    address: '/live/return_track/get/volume',
    object: 'return_track',
    kind: 'get',
    params: [
      { name: 'return_id', type: 'int' },
      { name: 'quantized', type: 'bool', optional: true },
    ],
    reply: [
      { name: 'return_id', type: 'int' },
      { name: 'name', type: 'string', nullable: true },
      { name: 'pitch', type: 'int', variadic: true, group: 'note' },
      { name: 'mute', type: 'bool', variadic: true, group: 'note' },
    ],
    notes: '',
    source: 'bridge',
    inReadme: false,
    extension: true,
  } as const satisfies ExtensionEntry

  it('derives argument and reply tuples from params written as const', () => {
    expectTypeOf<ParamsTuple<typeof sample.params>>().toEqualTypeOf<[number, boolean?]>()
    expectTypeOf<ReplyTuple<typeof sample.reply>>().toEqualTypeOf<[number, string | null, ...(number | boolean)[]]>()
    expectTypeOf<ReplyTuple<null>>().toEqualTypeOf<undefined>()
    expectTypeOf<
      ParamsTuple<readonly [{ name: 'x'; type: 'any'; variadic: true }, { name: 'v'; type: 'float' }]>
    >().toEqualTypeOf<[...AnyArg[], number]>()
  })
})
