import type { LiveError } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { rejectedError } from './clientErrors.js'
import { createErrorAttribution } from './createErrorAttribution.js'

interface Job {
  readonly address: string
}

function harness(sendWindow = 1000) {
  const rejected: { job: Job; error: LiveError }[] = []
  const reported: { message: string; candidates: readonly string[] }[] = []
  const attribution = createErrorAttribution<Job>({
    sendWindow,
    reject: (job, error) => {
      rejected.push({ job, error })
      attribution.settle(job, error) // as the requester's fail() does
    },
    onUnattributed: (error, candidates) => reported.push({ message: error.shortMessage, candidates }),
  })
  return { attribution, rejected, reported }
}

const tempo = { address: '/live/song/get/tempo' }
const name0 = { address: '/live/track/get/name' }
const name1 = { address: '/live/track/get/name' }

describe('createErrorAttribution', () => {
  it('pins an error on the first pending request its text names', () => {
    const { attribution, rejected, reported } = harness()
    attribution.handleError('Unknown OSC address: /live/track/get/name', new Set([tempo, name0, name1]), 0)
    expect(rejected.map((r) => r.job)).toEqual([name0])
    expect(rejected[0]!.error.message).toMatchInlineSnapshot(`
      "LIVE_REJECTED: Live refused /live/track/get/name: Unknown OSC address: /live/track/get/name
        Check the indices: the track, clip slot, scene or device may not exist."
    `)
    expect(reported).toEqual([])
  })

  it('does not take a longer address for the one named', () => {
    const { attribution, rejected, reported } = harness()
    const clips = { address: '/live/track/get/clips/name' }
    attribution.handleError('Unknown OSC address: /live/track/get/clips/name', new Set([name0, clips]), 0)
    expect(rejected.map((r) => r.job)).toEqual([clips])
    expect(reported).toEqual([])
  })

  it('pins an error naming no one on the only thing in flight', () => {
    const { attribution, rejected } = harness()
    attribution.handleError('Error handling OSC message: Index out of range', new Set([name0]), 0)
    expect(rejected.map((r) => r.job)).toEqual([name0])
  })

  it('blames a recent fire-and-forget message, and forgets it once a later request is answered', () => {
    const { attribution, rejected, reported } = harness()
    attribution.noteSend('/live/track/set/volume', 0, 1)
    attribution.handleError('Error handling OSC message: Index out of range', new Set([name0]), 5)
    // One request and one send in flight: nobody can be told apart, but the send is the only one sent.
    expect(rejected).toEqual([])
    expect(reported).toEqual([])
    attribution.settle(name0)
    expect(reported).toEqual([
      {
        message: 'Live: Error handling OSC message: Index out of range',
        candidates: ['/live/track/get/name', '/live/track/set/volume'],
      },
    ])

    const second = harness()
    second.attribution.noteSend('/live/track/set/volume', 0, 1)
    second.attribution.handleError('Error handling OSC message: Index out of range', new Set(), 5)
    expect(second.reported).toEqual([
      {
        message: 'Live refused /live/track/set/volume: Error handling OSC message: Index out of range',
        candidates: ['/live/track/set/volume'],
      },
    ])

    const third = harness()
    third.attribution.noteSend('/live/track/set/volume', 0, 1)
    third.attribution.noteAnswered(2) // a request sent after it was answered: it has been handled
    third.attribution.handleError('Error handling OSC message: Index out of range', new Set([name0]), 5)
    expect(third.rejected.map((r) => r.job)).toEqual([name0])
  })

  it('lets fire-and-forget messages age out of suspicion after sendWindow', () => {
    const { attribution, reported } = harness(100)
    attribution.noteSend('/live/track/set/volume', 0, 1)
    attribution.handleError('Error handling OSC message: Index out of range', new Set(), 101)
    expect(reported).toEqual([{ message: 'Live: Error handling OSC message: Index out of range', candidates: [] }])
  })

  it('holds an error naming no one until its suspects settle, then reports it once', () => {
    const { attribution, reported } = harness()
    attribution.handleError('Error handling OSC message: list index out of range', new Set([name0, name1]), 0)
    expect(attribution.holding).toBe(true)
    attribution.settle(name0)
    expect(reported).toEqual([])
    attribution.settle(name1)
    expect(attribution.holding).toBe(false)
    expect(reported).toEqual([
      {
        message: 'Live: Error handling OSC message: list index out of range',
        candidates: ['/live/track/get/name', '/live/track/get/name'],
      },
    ])
  })

  it('drops a held error when a suspect is refused with its text (the caller has had it)', () => {
    const { attribution, reported } = harness()
    const text = 'Error handling OSC message: Index out of range'
    attribution.handleError(text, new Set([name0, name1]), 0)
    attribution.settle(name1, rejectedError(name1.address, text))
    expect(attribution.holding).toBe(false)
    attribution.settle(name0)
    expect(reported).toEqual([])
  })

  it('reports the oldest held error when more than 64 wait', () => {
    const { attribution, reported } = harness()
    for (let i = 0; i <= 64; i++) attribution.handleError(`error ${i}`, new Set([name0, name1]), 0)
    expect(reported.map((r) => r.message)).toEqual(['Live: error 0'])
  })

  it('forgets everything on clear()', () => {
    const { attribution, reported } = harness()
    attribution.handleError('error', new Set([name0, name1]), 0)
    attribution.clear()
    expect(attribution.holding).toBe(false)
    attribution.settle(name0)
    attribution.settle(name1)
    expect(reported).toEqual([])
  })
})

describe('createErrorAttribution and other processes', () => {
  it('never pins "Unknown OSC address" of another address on the only request in flight', () => {
    const { attribution, rejected, reported } = harness()
    attribution.handleError('Unknown OSC address: /simulator/hello', new Set([tempo]), 0)
    expect(rejected).toEqual([])
    expect(reported).toEqual([{ message: 'Live: Unknown OSC address: /simulator/hello', candidates: [tempo.address] }])
    attribution.noteSend('/live/track/set/volume', 0, 1)
    attribution.handleError('Unknown OSC address: /live/bridge/hello', new Set(), 0)
    expect(reported.at(-1)).toEqual({
      message: 'Live: Unknown OSC address: /live/bridge/hello',
      candidates: ['/live/track/set/volume'],
    })
  })
})
