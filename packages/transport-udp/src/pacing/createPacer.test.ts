import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPacer } from './createPacer.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('createPacer', () => {
  it('lets a burst of maxDatagrams through, then one per windowMs / maxDatagrams', async () => {
    vi.useFakeTimers()
    let clock = 0
    const pacer = createPacer({ maxDatagrams: 4, windowMs: 100 }, () => clock)
    const sent: number[] = []
    const takes = Array.from({ length: 6 }, (_, i) => i)
    const run = (async () => {
      for (const i of takes) {
        await pacer.take()
        sent.push(i)
      }
    })()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual([0, 1, 2, 3])
    clock = 25
    await vi.advanceTimersByTimeAsync(25)
    expect(sent).toEqual([0, 1, 2, 3, 4])
    clock = 50
    await vi.advanceTimersByTimeAsync(25)
    await run
    expect(sent).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('rejects the waiting take on cancel', async () => {
    const pacer = createPacer({ maxDatagrams: 1, windowMs: 60_000 }, () => 0)
    await pacer.take()
    const waiting = pacer.take()
    pacer.cancel(new Error('closed'))
    await expect(waiting).rejects.toThrow('closed')
  })

  it('lets the waiting take through at once on release, and keeps pacing afterwards', async () => {
    vi.useFakeTimers()
    const pacer = createPacer({ maxDatagrams: 1, windowMs: 60_000 }, () => 0)
    await pacer.take()
    let released = false
    const waiting = pacer.take().then(() => {
      released = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(released).toBe(false)
    pacer.release()
    await waiting
    expect(released).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    let next = false
    void pacer.take().then(() => {
      next = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(next).toBe(false)
    pacer.release()
  })

  it('does nothing when pacing is off', async () => {
    const pacer = createPacer(false)
    await Promise.all(Array.from({ length: 1000 }, () => pacer.take()))
    expect(typeof pacer.take).toBe('function')
  })

  it('refuses a bucket that could never send', () => {
    expect(() => createPacer({ maxDatagrams: 0 })).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: pacing needs maxDatagrams >= 1 and windowMs > 0, got 0 and 100
        Pass e.g. { maxDatagrams: 64, windowMs: 100 }, or pacing: false to send without pacing.]
    `)
  })
})
