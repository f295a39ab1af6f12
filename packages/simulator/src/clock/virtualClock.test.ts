import { describe, expect, it } from 'vitest'
import { createVirtualClock } from './virtualClock.js'

describe('createVirtualClock', () => {
  it('runs due timers in time order, including ones they schedule', () => {
    const clock = createVirtualClock(100)
    const log: string[] = []
    clock.setTimer(() => log.push(`b@${clock.now()}`), 20)
    clock.setTimer(() => {
      log.push(`a@${clock.now()}`)
      clock.setTimer(() => log.push(`c@${clock.now()}`), 5)
    }, 10)
    clock.advance(30)
    expect(log).toEqual(['a@110', 'c@115', 'b@120'])
    expect(clock.now()).toBe(130)
  })

  it('cancels timers and keeps same-time timers in creation order', () => {
    const clock = createVirtualClock()
    const log: number[] = []
    const cancel = clock.setTimer(() => log.push(0), 5)
    clock.setTimer(() => log.push(1), 5)
    clock.setTimer(() => log.push(2), 5)
    cancel()
    clock.advance(4)
    expect(log).toEqual([])
    clock.advance(1)
    expect(log).toEqual([1, 2])
  })
})
