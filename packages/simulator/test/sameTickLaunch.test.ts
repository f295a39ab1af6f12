import type { OscTestClient } from '@live/compliance'
import { afterEach, describe, expect, it } from 'vitest'
import { type AbletonOscRig, startAbletonOscRig, waitUntil } from './udpHarness.js'

let rig: AbletonOscRig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

const arrived = (client: OscTestClient, count: number) =>
  waitUntil(() => client.inbox.length >= count, `${count} message(s), have ${client.inbox.length}`)

/** Sends the messages in one tick and returns the replies (every message here answers once or not at all). */
async function inOneTick(
  r: AbletonOscRig,
  messages: { address: string; types: string; args: unknown[] }[],
  replies: number,
) {
  r.client.clear()
  for (const m of messages) r.client.send(m as Parameters<OscTestClient['send']>[0])
  await r.tick(messages.length)
  await arrived(r.client, replies)
  return r.client.inbox.map((m) => [m.address, ...m.args])
}

describe('two clips fired in one tick while the transport is stopped (AbletonOSC test_song_stop_all_clips)', () => {
  it('start together, even when the song was stopped off a boundary', async () => {
    rig = await startAbletonOscRig()
    await arrived(rig.client, 2)
    // A previous test left the transport stopped mid-bar (beat 5.5), as AbletonOSC's suite does.
    await inOneTick(
      rig,
      [
        { address: '/live/song/set/current_song_time', types: 'f', args: [5.5] },
        { address: '/live/clip_slot/create_clip', types: 'iif', args: [0, 0, 4] },
        { address: '/live/clip_slot/create_clip', types: 'iif', args: [1, 0, 4] },
        { address: '/live/clip/fire', types: 'ii', args: [0, 0] },
        { address: '/live/clip/fire', types: 'ii', args: [1, 0] },
      ],
      0,
    )
    const replies = await inOneTick(
      rig,
      [
        { address: '/live/clip/get/is_playing', types: 'ii', args: [0, 0] },
        { address: '/live/clip/get/is_playing', types: 'ii', args: [1, 0] },
        { address: '/live/song/get/is_playing', types: '', args: [] },
      ],
      3,
    )
    expect(replies).toEqual([
      ['/live/clip/get/is_playing', 0, 0, true],
      ['/live/clip/get/is_playing', 1, 0, true],
      ['/live/song/get/is_playing', true],
    ])
    const stopped = await inOneTick(
      rig,
      [
        { address: '/live/song/stop_playing', types: '', args: [] },
        { address: '/live/song/stop_all_clips', types: '', args: [] },
        { address: '/live/clip/get/is_playing', types: 'ii', args: [0, 0] },
        { address: '/live/clip/get/is_playing', types: 'ii', args: [1, 0] },
      ],
      2,
    )
    expect(stopped).toEqual([
      ['/live/clip/get/is_playing', 0, 0, false],
      ['/live/clip/get/is_playing', 1, 0, false],
    ])
  })

  it('a clip fired a tick after the transport started still waits for the next bar', async () => {
    rig = await startAbletonOscRig()
    await arrived(rig.client, 2)
    await inOneTick(
      rig,
      [
        { address: '/live/clip_slot/create_clip', types: 'iif', args: [0, 0, 4] },
        { address: '/live/clip_slot/create_clip', types: 'iif', args: [1, 0, 4] },
        { address: '/live/clip/fire', types: 'ii', args: [0, 0] },
      ],
      0,
    )
    const replies = await inOneTick(
      rig,
      [
        { address: '/live/clip/fire', types: 'ii', args: [1, 0] },
        { address: '/live/clip/get/is_playing', types: 'ii', args: [0, 0] },
        { address: '/live/clip/get/is_playing', types: 'ii', args: [1, 0] },
        { address: '/live/clip_slot/get/is_triggered', types: 'ii', args: [1, 0] },
      ],
      3,
    )
    expect(replies).toEqual([
      ['/live/clip/get/is_playing', 0, 0, true],
      ['/live/clip/get/is_playing', 1, 0, false],
      ['/live/clip_slot/get/is_triggered', 1, 0, true],
    ])
  })
})
