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
})
