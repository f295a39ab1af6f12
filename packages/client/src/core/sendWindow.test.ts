import type { LiveError, OscMessage, OscPacket } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { createRequester } from './createRequester.js'
import { NO_ECHO } from './replyEcho.js'
import type { RequestInit } from './requesterTypes.js'

const BARRIER = '/live/bridge/hello'

/** Pending at close(): rejected with NOT_CONNECTED, which these tests do not look at. */
const quietly = (promise: Promise<unknown>) => {
  promise.catch(() => {})
}

function harness(maxInFlight = 4, barrierTimeout = 60_000) {
  const sent: OscMessage[] = []
  const timeouts: LiveError[] = []
  const requester = createRequester({
    send: async (packet: OscPacket) => {
      sent.push(packet as OscMessage)
    },
    description: 'test',
    maxInFlight,
    sendWindow: 1000,
    onUnattributed: () => {},
    onTimeout: (error) => timeouts.push(error),
    barrier: () => ({
      address: BARRIER,
      args: [],
      types: '',
      replyAddress: BARRIER,
      echo: NO_ECHO,
      minValues: 0,
      timeout: barrierTimeout,
      retries: 0,
      quiet: true,
    }),
  })
  const set = (i: number) => requester.send({ address: '/live/track/set/volume', args: [i, 0.5], types: 'if' })
  const get = (i: number): RequestInit => ({
    address: '/live/track/get/volume',
    args: [i],
    types: 'i',
    replyAddress: '/live/track/get/volume',
    echo: { prefix: [i], suffix: [] },
    minValues: 1,
    timeout: 60_000,
    retries: 0,
  })
  const addresses = () =>
    sent.map((m) => (m.address === BARRIER ? 'barrier' : `${m.address.split('/')[3]} ${m.args[0]}`))
  return { requester, sent, timeouts, set, get, addresses }
}

describe('the send window (a server that answers on arrival)', () => {
  it('is off by default: fire-and-forget messages go at once, whatever is in flight', () => {
    const { requester, set, get, sent } = harness(2)
    quietly(requester.request(get(0)))
    quietly(requester.request(get(1)))
    for (let i = 0; i < 10; i++) quietly(set(i))
    expect(sent).toHaveLength(12)
    requester.close()
  })

  it('holds fire-and-forget messages in the window until a reply shows the server got past them', async () => {
    const { requester, set, addresses } = harness(4)
    requester.windowSends(true)
    const sets = Array.from({ length: 10 }, (_, i) => set(i))
    // Four fill the window; nothing on its way would acknowledge them, so a barrier asks.
    expect(addresses()).toEqual(['set 0', 'set 1', 'set 2', 'set 3', 'barrier'])
    expect(requester.handleMessage({ address: BARRIER, args: ['live-bridge', '1.0.0'] })).toBe(true)
    expect(addresses().slice(5)).toEqual(['set 4', 'set 5', 'set 6', 'set 7', 'barrier'])
    requester.handleMessage({ address: BARRIER, args: ['live-bridge', '1.0.0'] })
    expect(addresses().slice(10)).toEqual(['set 8', 'set 9'])
    await Promise.all(sets)
    requester.close()
  })

  it('needs no barrier when a request sent after them will answer for them', () => {
    const { requester, set, get, addresses } = harness(4)
    requester.windowSends(true)
    quietly(set(0))
    quietly(set(1))
    quietly(requester.request(get(7)))
    quietly(set(2))
    quietly(set(3)) // the window is full: set 2 and 3 follow the request, so one barrier for them
    quietly(set(4))
    expect(addresses()).toEqual(['set 0', 'set 1', 'get 7', 'set 2', 'barrier'])
    requester.handleMessage({ address: '/live/track/get/volume', args: [7, 0.5] })
    // The reply acknowledges sets 0 and 1; the barrier is still out for set 2.
    expect(addresses().slice(5)).toEqual(['set 3', 'set 4'])
    requester.close()
  })

  it('stops waiting for a barrier that times out, quietly', async () => {
    const { requester, set, addresses, timeouts } = harness(2, 1)
    requester.windowSends(true)
    // Resolved once handed over, the last two after the barrier gave up.
    await Promise.all(Array.from({ length: 4 }, (_, i) => set(i)))
    expect(addresses()).toEqual(['set 0', 'set 1', 'barrier', 'set 2', 'set 3'])
    expect(timeouts).toEqual([])
    requester.close()
  })

  it('lets everything waiting go when it is turned off', () => {
    const { requester, set, sent } = harness(2)
    requester.windowSends(true)
    for (let i = 0; i < 6; i++) quietly(set(i))
    expect(sent).toHaveLength(3)
    requester.windowSends(false)
    expect(sent).toHaveLength(7)
    requester.close()
  })
})
