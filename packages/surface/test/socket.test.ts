import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keys } from '../src/shared/keys.js'
import type { NoticeMessage } from '../src/shared/messages.js'
import { openSocket, startTestSurface, type TestSocket, type TestSurface } from './surfaceHarness.js'

describe('the surface socket', () => {
  let t: TestSurface
  let socket: TestSocket
  beforeAll(async () => {
    t = await startTestSurface('bridge')
    socket = await openSocket(t.surface.port)
  })
  afterAll(async () => {
    socket?.close()
    await t?.close()
  })

  const send = (action: unknown) => socket.ws.send(JSON.stringify(action))
  const noticeFor = async (id: number | null): Promise<NoticeMessage> => {
    await expect.poll(() => socket.messages.some((m) => m.type === 'notice' && m.id === id)).toBe(true)
    return socket.messages.find((m): m is NoticeMessage => m.type === 'notice' && m.id === id)!
  }

  it('sends the whole state first, with the connection, the server and the set', () => {
    const first = socket.messages[0]
    expect(first?.type).toBe('state')
    const entries = first?.type === 'state' ? first.entries : {}
    expect(entries[keys.live]).toBe('connected')
    expect(entries[keys.track(1, 'name')]).toBe('Bass')
    expect(entries[keys.clip(1, 1, 'name')]).toBe('Bass Offbeat')
    expect(entries[keys.returnTrack(1, 'name')]).toBe('B-Delay')
  })

  it('sets keys in Live and calls Live’s calls; the changes come back as patches', async () => {
    send({ type: 'set', id: 1, key: keys.track(0, 'volume'), value: 0.5 })
    send({ type: 'set', id: 2, key: keys.song('metronome'), value: true })
    send({ type: 'set', id: 3, key: keys.send(2, 1), value: 0.25 })
    send({ type: 'set', id: 4, key: keys.master('volume'), value: 0.7 })
    send({ type: 'call', id: 5, name: 'fireClip', args: [0, 1] })
    send({ type: 'call', id: 6, name: 'play', args: [] })
    await expect.poll(() => t.sim.model.get('live_set tracks 0 mixer_device volume', 'value')).toBe(0.5)
    await expect.poll(() => t.sim.model.get('live_set', 'metronome')).toBe(true)
    await expect.poll(() => t.sim.model.get('live_set tracks 2 mixer_device sends 1', 'value')).toBe(0.25)
    await expect.poll(() => t.sim.model.get('live_set master_track mixer_device volume', 'value')).toBeCloseTo(0.7, 5)
    await expect.poll(() => t.sim.model.get('live_set tracks 0', 'playing_slot_index')).toBe(1)
    await expect.poll(() => socket.state.get(keys.track(0, 'volume'))).toBe(0.5)
    await expect.poll(() => socket.state.get(keys.track(0, 'playing'))).toBe(1)
    await expect.poll(() => socket.state.get(keys.send(2, 1))).toBe(0.25)
    send({ type: 'call', id: 7, name: 'stop', args: [] })
    await expect.poll(() => socket.state.get(keys.song('playing'))).toBe(false)
  })

  it('refuses what Live would refuse, naming the value, the range and the next step', async () => {
    send({ type: 'set', id: 10, key: keys.song('tempo'), value: 2000 })
    expect(await noticeFor(10)).toMatchInlineSnapshot(`
      {
        "code": "INVALID_ARGUMENTS",
        "hints": [
          "Usage: /live/song/set/tempo tempo:float",
        ],
        "id": 10,
        "text": "/live/song/set/tempo: argument 1 (tempo) must be between 20 and 999, got 2000",
        "type": "notice",
      }
    `)
    send({ type: 'set', id: 11, key: keys.track(9, 'volume'), value: 0.5 })
    expect(await noticeFor(11)).toMatchInlineSnapshot(`
      {
        "code": "NOT_FOUND",
        "hints": [
          "The set may have changed shape: the page updates by itself.",
        ],
        "id": 11,
        "text": "track 9 does not exist: the set has tracks 0..4",
        "type": "notice",
      }
    `)
    send({ type: 'set', id: 12, key: keys.track(0, 'name'), value: 1 })
    expect(await noticeFor(12)).toMatchInlineSnapshot(`
      {
        "code": "INVALID_ARGUMENTS",
        "hints": [
          "Settable here: volume, panning, mute, solo, arm.",
        ],
        "id": 12,
        "text": "t.0.name cannot be set from the surface",
        "type": "notice",
      }
    `)
    send({ type: 'set', id: 13, key: keys.track(0, 'mute'), value: 0.5 })
    expect(await noticeFor(13)).toMatchInlineSnapshot(`
      {
        "code": "INVALID_ARGUMENTS",
        "hints": [
          "Send a boolean.",
        ],
        "id": 13,
        "text": "t.0.mute takes true or false, got 0.5",
        "type": "notice",
      }
    `)
    send({ type: 'call', id: 14, name: 'deleteTrack', args: [0] })
    expect(await noticeFor(14)).toMatchInlineSnapshot(`
      {
        "code": "INVALID_ARGUMENTS",
        "hints": [
          "Actions are { type: "set", id, key, value } or { type: "call", id, name, args }.",
        ],
        "id": 14,
        "text": "a message from the page is not an action: Invalid option: expected one of "fireClip"|"stopTrack"|"fireScene"|"stopAll"|"play"|"stop"|"continue"|"tapTempo"",
        "type": "notice",
      }
    `)
    send({ type: 'call', id: 15, name: 'fireClip', args: [0] })
    expect(await noticeFor(15)).toMatchInlineSnapshot(`
      {
        "code": "INVALID_ARGUMENTS",
        "hints": [
          "fireClip: [track, scene]; stopTrack: [track]; fireScene: [scene]; the others: [].",
        ],
        "id": 15,
        "text": "fireClip takes 2 indices, got 1",
        "type": "notice",
      }
    `)
    socket.ws.send('{ not json')
    expect(await noticeFor(null)).toMatchInlineSnapshot(`
      {
        "code": "INVALID_ARGUMENTS",
        "hints": [
          "Actions are { type: "set", id, key, value } or { type: "call", id, name, args }.",
        ],
        "id": null,
        "text": "a message from the page is not JSON",
        "type": "notice",
      }
    `)
    expect(t.sim.model.get('live_set', 'tempo')).toBe(124)
    expect(t.sim.model.get('live_set tracks 0', 'name')).toBe('Drums')
  })

  it('keeps every page on the same state', async () => {
    const other = await openSocket(t.surface.port)
    try {
      t.sim.model.set('live_set', 'tempo', 131)
      send({ type: 'set', id: 20, key: keys.track(3, 'solo'), value: true })
      await expect.poll(() => other.state.get(keys.song('tempo'))).toBe(131)
      await expect.poll(() => other.state.get(keys.track(3, 'solo'))).toBe(true)
      await expect.poll(() => socket.state.get(keys.track(3, 'solo'))).toBe(true)
      const settled = (s: TestSocket) =>
        JSON.stringify([...s.state].filter(([k]) => !k.endsWith('.meter') && k !== 'song.time').sort())
      await expect.poll(() => settled(other) === settled(socket)).toBe(true)
      expect(t.surface.pages).toBe(2)
    } finally {
      other.close()
    }
  })
})
