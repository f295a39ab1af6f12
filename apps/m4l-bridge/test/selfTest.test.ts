import { type LiveObjectModel, LomError, runSelfTest } from '@live/protocol'
import { createLiveSet, createVirtualClock } from '@live/simulator'
import { describe, expect, it } from 'vitest'

const host = { maxVersion: '9.0.7', os: 'macintosh', now: () => 0 }

/** The simulator's set with some of its calls replaced, as a Live that behaves otherwise would. */
function liveWith(overrides: Partial<LiveObjectModel>) {
  const set = createLiveSet({ clock: createVirtualClock() })
  const model: LiveObjectModel = {
    exists: (p) => set.exists(p),
    type: (p) => set.type(p),
    getCount: (p, c) => set.getCount(p, c),
    get: (p, q) => set.get(p, q),
    set: (p, q, v) => set.set(p, q, v),
    call: (p, m, a) => set.call(p, m, a),
    observe: (p, q, o) => set.observe(p, q, o),
    ...overrides,
  }
  return { set, model }
}

describe('runSelfTest', () => {
  it('reports a refused call with Live’s text and tests nothing that needed it', () => {
    const { set, model } = liveWith({
      call: (p, m, a) => {
        if (m === 'create_midi_track') throw new LomError('RuntimeError', 'Track limit reached')
        return set.call(p, m, a)
      },
    })
    const { rows } = runSelfTest(model, host)
    expect(rows.filter((r) => r.result === 'fail')).toEqual([
      { call: 'call live_set create_midi_track -1', result: 'fail', ms: 0, detail: 'Track limit reached' },
      { call: 'scratch track', result: 'fail', ms: 0, detail: 'track count 4 after create' },
    ])
    expect(rows.some((r) => r.call.startsWith('call live_set delete_track'))).toBe(false)
    set.dispose()
  })

  it('groups the edits in one undo step where Live has it, and skips a latency it cannot see', () => {
    const calls: string[] = []
    const { set, model } = liveWith({
      call: (p, m, a) => {
        calls.push(m)
        return m.endsWith('_undo_step') ? null : set.call(p, m, a)
      },
      // Live reporting the change later than the set that caused it.
      observe: (p, q, o) => set.observe(p, q, (v) => queueMicrotask(() => o(v))),
    })
    const { rows } = runSelfTest(model, host)
    expect(calls.filter((m) => m.endsWith('_undo_step'))).toEqual(['begin_undo_step', 'end_undo_step'])
    expect(calls.indexOf('begin_undo_step')).toBeLessThan(calls.indexOf('create_midi_track'))
    expect(calls.indexOf('end_undo_step')).toBeGreaterThan(calls.indexOf('delete_track'))
    expect(rows.find((r) => r.call.startsWith('listener latency'))).toEqual({
      call: 'listener latency (set name → observer)',
      result: 'skip',
      ms: 0,
      detail: 'the observer was not called before the self-test went on',
    })
    expect(rows.filter((r) => r.result === 'fail')).toEqual([])
    set.dispose()
  })
})
