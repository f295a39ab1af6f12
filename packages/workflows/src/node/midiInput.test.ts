import { isLiveError, type LiveError } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { listMidiInputs, listMidiPorts, openMidiInput, openVirtualInput } from './midiInput.js'

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: LiveError) => error,
  )

describe('MIDI input ports', () => {
  it('names the ports that exist when the requested one is missing, or says clearly why MIDI is unavailable', async () => {
    const error = await caught(openMidiInput('no such controller 7f3a'))
    expect(isLiveError(error)).toBe(true)
    if (error?.code === 'NOT_FOUND') {
      expect(error.shortMessage).toBe('no MIDI input port "no such controller 7f3a"')
      expect(error.metaMessages[0]).toMatch(/^(Available ports: |There are no MIDI input ports)/)
      return
    }
    // This machine (no ALSA sequencer, or no native package): every way in says UNSUPPORTED and what to do.
    expect(error?.code).toBe('UNSUPPORTED')
    expect(error?.shortMessage).toMatch(
      /^(MIDI input needs the optional package @julusian\/midi, which did not load|the system MIDI service is not available)$/,
    )
    expect(error?.metaMessages[0]).toMatch(/^(Install it: `npm install @julusian\/midi`|On Linux, ALSA)/)
    for (const attempt of [listMidiInputs(), listMidiPorts(), openVirtualInput('Live Map')]) {
      expect(await caught(attempt)).toMatchObject({ code: 'UNSUPPORTED' })
    }
  })
})
