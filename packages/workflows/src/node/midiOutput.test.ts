import { isLiveError, type LiveError } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { listMidiOutputs, openMidiOutput } from './midiOutput.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

describe('MIDI output ports', () => {
  it('names the available ports when the requested one is missing, or says MIDI is unavailable', async () => {
    const error = await caught(openMidiOutput('no such port 7f3a'))
    expect(isLiveError(error)).toBe(true)
    if (error?.code === 'NOT_FOUND') {
      expect(error.shortMessage).toBe('no MIDI output port "no such port 7f3a"')
      expect(error.metaMessages[0]).toMatch(/^(Available ports: |There are no MIDI output ports)/)
    } else {
      expect(error?.code).toBe('UNSUPPORTED')
      expect(await caught(listMidiOutputs())).toMatchObject({ code: 'UNSUPPORTED' })
    }
  })
})
