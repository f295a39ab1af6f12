import { describe, expect, it } from 'vitest'
import { createListenerLedger, createReplyRouter, listenerAddresses } from './replyRouter.js'

const at = 1_000

describe('createReplyRouter', () => {
  it('routes a reply to the member whose request it echoes, once', () => {
    const router = createReplyRouter()
    router.noteSent('a', [{ address: '/live/track/get/volume', args: [1] }], at)
    router.noteSent('b', [{ address: '/live/track/get/volume', args: [2] }], at)
    expect(router.route([{ address: '/live/track/get/volume', args: [2, 0.5] }], at)).toEqual(new Set(['b']))
    expect(router.route([{ address: '/live/track/get/volume', args: [1, 0.5] }], at)).toEqual(new Set(['a']))
    expect(router.route([{ address: '/live/track/get/volume', args: [1, 0.5] }], at)).toBe('all')
  })

  it('gives identical requests one reply each, oldest first', () => {
    const router = createReplyRouter()
    router.noteSent('a', [{ address: '/live/song/get/tempo', args: [] }], at)
    router.noteSent('b', [{ address: '/live/song/get/tempo', args: [] }], at)
    expect(router.route([{ address: '/live/song/get/tempo', args: [120] }], at)).toEqual(new Set(['a', 'b']))
    expect(router.route([{ address: '/live/song/get/tempo', args: [120] }], at)).toBe('all')
  })

  it('falls back to the address for replies that echo nothing', () => {
    const router = createReplyRouter()
    router.noteSent('a', [{ address: '/live/song/get/track_names', args: [0, 2] }], at)
    expect(router.route([{ address: '/live/song/get/track_names', args: ['Bass', 'Drums'] }], at)).toEqual(
      new Set(['a']),
    )
  })

  it('routes listener updates to the members that started them until they stop', () => {
    const router = createReplyRouter()
    router.noteSent('a', [{ address: '/live/track/start_listen/volume', args: [0] }], at)
    router.noteSent('b', [{ address: '/live/track/start_listen/volume', args: [0] }], at)
    router.noteSent('b', [{ address: '/live/device/start_listen/parameter/value', args: [0, 1, 2] }], at)
    const update = [{ address: '/live/track/get/volume', args: [0, 0.7] }]
    expect(router.route(update, at)).toEqual(new Set(['a', 'b']))
    expect(
      router.route([{ address: '/live/device/get/parameter/value_string', args: [0, 1, 2, '-6 dB'] }], at),
    ).toEqual(new Set(['b']))
    router.noteSent('a', [{ address: '/live/track/stop_listen/volume', args: [0] }], at)
    expect(router.route(update, at)).toEqual(new Set(['b']))
    router.removeMember('b')
    expect(router.route(update, at)).toBe('all')
  })

  it('does not let a claimed listener update eat a pending get of another track', () => {
    const router = createReplyRouter()
    router.noteSent('a', [{ address: '/live/track/start_listen/volume', args: [0] }], at)
    router.noteSent('b', [{ address: '/live/track/get/volume', args: [1] }], at)
    expect(router.route([{ address: '/live/track/get/volume', args: [0, 0.1] }], at)).toEqual(new Set(['a']))
    expect(router.route([{ address: '/live/track/get/volume', args: [1, 0.2] }], at)).toEqual(new Set(['b']))
  })

  it('keeps wildcard requests for every reply until they expire', () => {
    const router = createReplyRouter()
    router.noteSent('a', [{ address: '/live/track/get/*', args: [2] }], at)
    expect(router.route([{ address: '/live/track/get/mute', args: [2, false] }], at)).toEqual(new Set(['a']))
    expect(router.route([{ address: '/live/track/get/devices/name', args: [2, 'EQ'] }], at)).toEqual(new Set(['a']))
    expect(router.route([{ address: '/live/track/get/mute', args: [2, false] }], at + 60_000)).toBe('all')
  })

  it('sends errors and unsolicited messages to everyone', () => {
    const router = createReplyRouter()
    router.noteSent('a', [{ address: '/live/track/set/volume', args: [0, 0.5] }], at)
    expect(router.route([{ address: '/live/error', args: ['Index out of range'] }], at)).toBe('all')
    expect(router.route([{ address: '/live/track/set/volume', args: [0, 0.5] }], at)).toBe('all')
  })
})

describe('listenerAddresses', () => {
  it('maps start_listen and stop_listen to the getter address', () => {
    expect(listenerAddresses('/live/song/start_listen/beat')).toEqual({
      kind: 'start',
      addresses: ['/live/song/get/beat'],
    })
    expect(listenerAddresses('/live/clip/stop_listen/playing_position')).toEqual({
      kind: 'stop',
      addresses: ['/live/clip/get/playing_position'],
    })
    expect(listenerAddresses('/live/song/get/tempo')).toBe(undefined)
  })
})

describe('createListenerLedger', () => {
  it('remembers the listeners still started', () => {
    const ledger = createListenerLedger()
    ledger.note([
      { address: '/live/track/start_listen/volume', args: [0] },
      { address: '/live/track/start_listen/volume', args: [1] },
      { address: '/live/track/start_listen/volume', args: [0] },
      { address: '/live/track/stop_listen/volume', args: [1] },
      { address: '/live/song/get/tempo', args: [] },
    ])
    expect(ledger.messages()).toEqual([{ address: '/live/track/start_listen/volume', args: [0] }])
  })
})
