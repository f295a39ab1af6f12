import { describe, expect, it } from 'vitest'
import { isLiveError, LiveError } from './liveError.js'

describe('LiveError', () => {
  it('formats the code, the short message and the next steps', () => {
    const error = new LiveError('TIMEOUT', 'no reply to /live/song/get/tempo from 127.0.0.1:11000 within 500 ms', {
      metaMessages: [
        'Is Live running with AbletonOSC selected as a Control Surface (Preferences > Link, Tempo & MIDI)?',
        'Try `live doctor`.',
      ],
      details: { address: '/live/song/get/tempo', timeoutMs: 500 },
    })
    expect(error.message).toMatchInlineSnapshot(`
      "TIMEOUT: no reply to /live/song/get/tempo from 127.0.0.1:11000 within 500 ms
        Is Live running with AbletonOSC selected as a Control Surface (Preferences > Link, Tempo & MIDI)?
        Try \`live doctor\`."
    `)
    expect(error.code).toBe('TIMEOUT')
    expect(error.details).toEqual({ address: '/live/song/get/tempo', timeoutMs: 500 })
    expect(isLiveError(error, 'TIMEOUT')).toBe(true)
    expect(isLiveError(error, 'DECODE_FAILED')).toBe(false)
    expect(isLiveError(new Error('x'))).toBe(false)
  })

  it('serialises to JSON without the stack', () => {
    const cause = new Error('socket closed')
    const error = new LiveError('NOT_CONNECTED', 'the transport is closed', { cause })
    expect(error.cause).toBe(cause)
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'NOT_CONNECTED',
      message: 'the transport is closed',
      hints: [],
      details: {},
    })
  })

  it('recognises a LiveError made by another copy of the package', async () => {
    // A second instance of this very module, as a bundled command and a lazily loaded library would have.
    const copy = (await import(
      /* @vite-ignore */ `./liveError.js?copy=${Date.now()}`
    )) as typeof import('./liveError.js')
    expect(copy.LiveError).not.toBe(LiveError)
    const foreign = new copy.LiveError('TIMEOUT', 'no reply')
    expect(isLiveError(foreign)).toBe(true)
    expect(isLiveError(foreign, 'TIMEOUT')).toBe(true)
    expect(isLiveError(foreign, 'NOT_FOUND')).toBe(false)
    expect(foreign instanceof LiveError).toBe(true)
    expect(copy.isLiveError(new LiveError('ABORTED', 'stopped'))).toBe(true)
    expect(isLiveError(Object.assign(new Error('TIMEOUT: no reply'), { code: 'TIMEOUT' }))).toBe(false)
    expect(new Error('x') instanceof LiveError).toBe(false)
  })

  it('keeps instanceof exact for subclasses', () => {
    class ClipError extends LiveError {}
    expect(new ClipError('NOT_FOUND', 'no clip') instanceof LiveError).toBe(true)
    expect(new LiveError('NOT_FOUND', 'no clip') instanceof ClipError).toBe(false)
    expect(new ClipError('NOT_FOUND', 'no clip') instanceof ClipError).toBe(true)
  })
})
