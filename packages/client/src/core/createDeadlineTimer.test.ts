import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDeadlineTimer } from './createDeadlineTimer.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('createDeadlineTimer', () => {
  it('arms once for the earliest deadline and fires once, disarmed', () => {
    vi.useFakeTimers({ now: 1000 })
    const fired: number[] = []
    const timer = createDeadlineTimer(() => fired.push(Date.now()))
    timer.schedule(1500)
    timer.schedule(1800) // later: the armed timer covers it
    expect(vi.getTimerCount()).toBe(1)
    timer.schedule(1200) // sooner: re-armed for it
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(199)
    expect(fired).toEqual([])
    vi.advanceTimersByTime(1)
    expect(fired).toEqual([1200])
    // It does not re-arm itself: the caller schedules what is still due.
    vi.advanceTimersByTime(10_000)
    expect(fired).toEqual([1200])
  })

  it('lets its caller schedule the next deadline from the expiry', () => {
    vi.useFakeTimers({ now: 0 })
    const deadlines = [100, 250]
    const fired: number[] = []
    const timer = createDeadlineTimer(() => {
      fired.push(Date.now())
      const next = deadlines.shift()
      if (next !== undefined) timer.schedule(next)
    })
    timer.schedule(50)
    vi.advanceTimersByTime(1000)
    expect(fired).toEqual([50, 100, 250])
  })

  it('stops', () => {
    vi.useFakeTimers({ now: 0 })
    const fired: number[] = []
    const timer = createDeadlineTimer(() => fired.push(Date.now()))
    timer.schedule(10)
    timer.stop()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(100)
    expect(fired).toEqual([])
    timer.schedule(200) // armed afresh after a stop, whatever was armed before
    vi.advanceTimersByTime(200)
    expect(fired).toEqual([200])
  })

  it('keeps the process alive only while held', () => {
    const handles: NodeJS.Timeout[] = []
    const original = globalThis.setTimeout
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms: number) => {
      const handle = original(fn, ms)
      handles.push(handle)
      return handle
    }) as typeof setTimeout)
    try {
      const timer = createDeadlineTimer(() => {})
      timer.hold(true) // nothing armed: a no-op
      timer.schedule(Date.now() + 60_000)
      expect(handles).toHaveLength(1)
      expect(handles[0]!.hasRef()).toBe(true)
      timer.hold(false)
      expect(handles[0]!.hasRef()).toBe(false)
      timer.schedule(Date.now() + 120_000) // a later deadline reuses the armed timer, held again
      expect(handles).toHaveLength(1)
      expect(handles[0]!.hasRef()).toBe(true)
      timer.stop()
    } finally {
      spy.mockRestore()
    }
  })
})
