import { afterEach, describe, expect, it } from 'vitest'
import { type Child, spawnChild } from './childProcess.js'
import { freePort } from './freePort.js'
import { type ScriptedPeer, startScriptedPeer, volumeOf } from './scriptedPeer.js'

const tracks = { a: 1, b: 2, c: 3 } as const
const marker = '/live/startup '
let peer: ScriptedPeer | undefined
let children: Child[] = []

afterEach(async () => {
  await Promise.all(children.map((child) => child.stop()))
  children = []
  await peer?.close()
})

/** Messages since the last marker was seen by all, up to the next one; the marker goes to everyone. */
async function throughMarker(count: number): Promise<void> {
  await peer!.sendUnsolicited({ address: '/live/startup', args: [] })
  for (const child of children) {
    await child.next(
      () => child.messages().filter((m) => m === marker).length >= count,
      `marker #${count} (everything routed before it has arrived)`,
    )
  }
}

function since(child: Child, markerCount: number): string[] {
  const messages = child.messages()
  let seen = 0
  const start = markerCount === 0 ? 0 : messages.findIndex((m) => m === marker && ++seen === markerCount) + 1
  return messages.slice(start).filter((m) => m !== marker)
}

/** Replies lost during a hand-over are the client's retry business: ask again until one arrives. */
async function retryGet(child: Child, track: number): Promise<void> {
  const own = `/live/track/get/volume ${track} ${volumeOf(track)}`
  const count = () => since(child, 2).filter((m) => m === own).length
  for (let attempt = 1; attempt <= 50; attempt++) {
    await child.run('get')
    for (let poll = 0; poll < 20 && count() === 0; poll++) await new Promise((resolve) => setTimeout(resolve, 10))
    if (count() > 0) return
  }
  throw new Error(`${child.name} got no reply to /live/track/get/volume ${track} in 50 tries after the hand-over`)
}

describe('three processes sharing one reply port', () => {
  it('gives each its own replies and listener updates, and survives the hub being killed', async () => {
    const replyPort = await freePort()
    peer = await startScriptedPeer({ replyPort })
    const env = (track: number) => ({ PEER_PORT: `${peer!.port}`, REPLY_PORT: `${replyPort}`, TRACK: `${track}` })

    const a = spawnChild('a', env(tracks.a))
    children.push(a)
    expect(await a.next((e) => e.type === 'ready', 'ready')).toEqual({ type: 'ready', role: 'hub' })
    const b = spawnChild('b', env(tracks.b))
    const c = spawnChild('c', env(tracks.c))
    children.push(b, c)
    expect(await b.next((e) => e.type === 'ready', 'ready')).toEqual({ type: 'ready', role: 'member' })
    expect(await c.next((e) => e.type === 'ready', 'ready')).toEqual({ type: 'ready', role: 'member' })

    // Requests: each process gets the reply to its own get, and nothing else.
    await Promise.all([a.run('get'), b.run('get'), c.run('get')])
    await throughMarker(1)
    expect(since(a, 0).filter((m) => m !== marker)).toEqual([`/live/track/get/volume 1 ${volumeOf(1)}`])
    expect(since(b, 0).filter((m) => m !== marker)).toEqual([`/live/track/get/volume 2 ${volumeOf(2)}`])
    expect(since(c, 0).filter((m) => m !== marker)).toEqual([`/live/track/get/volume 3 ${volumeOf(3)}`])

    // Listeners: the immediate value and later updates go to the process that started each one.
    await a.run('listen')
    await b.run('listen')
    await c.run('listen')
    await peer.emitVolumes(0.25)
    await throughMarker(2)
    expect(since(a, 1)).toEqual([`/live/track/get/volume 1 ${volumeOf(1)}`, '/live/track/get/volume 1 0.25'])
    expect(since(b, 1)).toEqual([`/live/track/get/volume 2 ${volumeOf(2)}`, '/live/track/get/volume 2 0.25'])
    expect(since(c, 1)).toEqual([`/live/track/get/volume 3 ${volumeOf(3)}`, '/live/track/get/volume 3 0.25'])

    // Kill the hub: b or c takes the port over, the other re-registers with it.
    await a.kill()
    children = [b, c]
    await Promise.all([retryGet(b, tracks.b), retryGet(c, tracks.c)])
    const roles = [(await b.run('role')).role, (await c.run('role')).role].sort()
    expect(roles).toEqual(['hub', 'member'])

    await throughMarker(3)
    await peer.emitVolumes(0.75)
    await throughMarker(4)
    // Track 1's listener is an orphan now (its process died): nobody claims it, so everyone gets it.
    expect(since(b, 3)).toEqual(['/live/track/get/volume 1 0.75', '/live/track/get/volume 2 0.75'])
    expect(since(c, 3)).toEqual(['/live/track/get/volume 1 0.75', '/live/track/get/volume 3 0.75'])
    expect(b.events.filter((e) => e.type === 'error')).toEqual([])
    expect(c.events.filter((e) => e.type === 'error')).toEqual([])
  })
})
