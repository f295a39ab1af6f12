import { describe, expect, it } from 'vitest'
import { resolveUdpConfig } from './resolveUdpConfig.js'

describe('resolveUdpConfig', () => {
  it('defaults to AbletonOSC on this machine', () => {
    expect(resolveUdpConfig({ env: {} })).toEqual({
      host: '127.0.0.1',
      port: 11000,
      replyPort: 11001,
      replySharing: 'auto',
      bindAddress: '0.0.0.0',
      pacing: 'auto',
      handoverTimeoutMs: 1500,
      recvBufferSize: 4194304,
    })
  })

  it('reads ABLETON_OSC_HOST, ABLETON_OSC_PORT and ABLETON_OSC_REPLY_PORT, and options win', () => {
    const env = { ABLETON_OSC_HOST: '10.0.0.5', ABLETON_OSC_PORT: '12000', ABLETON_OSC_REPLY_PORT: '12001' }
    expect(resolveUdpConfig({ env })).toMatchObject({ host: '10.0.0.5', port: 12000, replyPort: 12001 })
    expect(resolveUdpConfig({ env, port: 13000, replyPort: 'source' })).toMatchObject({
      port: 13000,
      replyPort: 'source',
    })
    expect(resolveUdpConfig({ env: { ABLETON_OSC_REPLY_PORT: 'source' } }).replyPort).toBe('source')
  })

  it('rejects a port that is not one', () => {
    expect(() => resolveUdpConfig({ env: { ABLETON_OSC_PORT: 'eleven' } })).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: ABLETON_OSC_PORT="eleven" is not a port (1..65535)
        Set ABLETON_OSC_PORT to a whole number between 1 and 65535, or unset it for the default.]
    `)
    expect(() => resolveUdpConfig({ env: {}, replyPort: 70000 })).toThrowErrorMatchingInlineSnapshot(`
      [LiveError: INVALID_ARGUMENTS: udp() replyPort 70000 is not a port (1..65535)
        Pass a whole number between 1 and 65535.]
    `)
  })
})
