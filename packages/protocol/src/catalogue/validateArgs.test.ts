import { describe, expect, it } from 'vitest'
import { isLiveError, LiveError } from '../errors/liveError.js'
import { decodeReply, validateArgs } from './validateArgs.js'

function caught(run: () => unknown): LiveError {
  try {
    run()
  } catch (error) {
    if (error instanceof LiveError) return error
    throw error
  }
  throw new Error('expected a LiveError')
}

describe('validateArgs', () => {
  it('returns the parsed arguments', () => {
    expect(validateArgs('/live/track/set/volume', [0, 0.8])).toEqual([0, 0.8])
    expect(validateArgs('/live/track/set/volume', ['*', 0.8])).toEqual(['*', 0.8])
    expect(validateArgs('/live/clip/get/notes', [0, 1, 0, 127, 0, 16])).toEqual([0, 1, 0, 127, 0, 16])
    expect(validateArgs('/live/song/get/can_redo', ['tag', 7])).toEqual(['tag', 7])
  })

  it('names the address, the argument, its position, the value and what it must be', () => {
    const error = caught(() => validateArgs('/live/track/set/volume', [0, 'loud']))
    expect(error.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: /live/track/set/volume: argument 2 (volume) must be a number, got "loud"
        Usage: /live/track/set/volume track_id:int volume:float"
    `)
    expect(error.code).toBe('INVALID_ARGUMENTS')
    expect(error.details).toEqual({
      address: '/live/track/set/volume',
      position: 2,
      argument: 'volume',
      value: 'loud',
      expected: 'float',
    })
  })

  it('names the valid range', () => {
    const error = caught(() => validateArgs('/live/track/set/volume', [0, 1.5]))
    expect(error.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: /live/track/set/volume: argument 2 (volume) must be between 0 and 1, got 1.5
        Usage: /live/track/set/volume track_id:int volume:float"
    `)
    expect(error.details).toMatchObject({ min: 0, max: 1, value: 1.5 })
    expect(caught(() => validateArgs('/live/song/set/tempo', [1000])).shortMessage).toMatchInlineSnapshot(
      `"/live/song/set/tempo: argument 1 (tempo) must be between 20 and 999, got 1000"`,
    )
  })

  it('says when an integer or the track wildcard was expected', () => {
    expect(caught(() => validateArgs('/live/track/set/volume', ['all', 0.5])).shortMessage).toMatchInlineSnapshot(
      `"/live/track/set/volume: argument 1 (track_id) must be an integer or "*", got "all""`,
    )
    expect(caught(() => validateArgs('/live/clip/fire', [0, 1.5])).shortMessage).toMatchInlineSnapshot(
      `"/live/clip/fire: argument 2 (clip_id) must be an integer, got 1.5"`,
    )
  })

  it('counts the arguments', () => {
    expect(caught(() => validateArgs('/live/track/set/volume', [0])).message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: /live/track/set/volume: expected 2 arguments, got 1
        Usage: /live/track/set/volume track_id:int volume:float"
    `)
    expect(caught(() => validateArgs('/live/test', [1])).shortMessage).toMatchInlineSnapshot(
      `"/live/test: expected 0 arguments, got 1"`,
    )
    expect(caught(() => validateArgs('/live/song/get/track_data', [0])).shortMessage).toMatchInlineSnapshot(
      `"/live/song/get/track_data: expected at least 2 arguments, got 1"`,
    )
    expect(caught(() => validateArgs('/live/scene/fire', [0, true, true, true])).shortMessage).toMatchInlineSnapshot(
      `"/live/scene/fire: expected 1 to 3 arguments, got 4"`,
    )
  })

  it('rejects a trailing partial note, and names a wrong value inside a note', () => {
    expect(
      caught(() => validateArgs('/live/clip/add/notes', [0, 0, 60, 0, 1, 100, false, 62, 1])).message,
    ).toMatchInlineSnapshot(`
        "INVALID_ARGUMENTS: /live/clip/add/notes: the note values must come in whole groups of 5 (pitch, start_time, duration, velocity, mute), got 7
          Usage: /live/clip/add/notes track_id:int clip_id:int (pitch:int start_time:float duration:float velocity:float mute:bool)..."
      `)
    expect(
      caught(() => validateArgs('/live/clip/add/notes', [0, 0, 60, 0, 1, 100, false, 62, 1, 1, 100, 'no']))
        .shortMessage,
    ).toMatchInlineSnapshot(`"/live/clip/add/notes: argument 12 (mute) must be a boolean, got "no""`)
    expect(
      caught(() => validateArgs('/live/clip/add/notes', [0, 0, 130, 0, 1, 100, false])).shortMessage,
    ).toMatchInlineSnapshot(`"/live/clip/add/notes: argument 3 (pitch) must be between 0 and 127, got 130"`)
  })

  it('wants an optional group all or nothing', () => {
    expect(caught(() => validateArgs('/live/clip/get/notes', [0, 0, 60, 12])).message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: /live/clip/get/notes: the range arguments (pitch_start, pitch_span, time_start, time_span) must be all present or all absent, got 2 of 4
        Usage: /live/clip/get/notes track_id:int clip_id:int [pitch_start:int pitch_span:int time_start:float time_span:float]"
    `)
  })

  it('rejects an address outside the catalogue', () => {
    const error = caught(() => validateArgs('/live/track/set/volumee', [0, 1]))
    expect(isLiveError(error, 'UNKNOWN_ADDRESS')).toBe(true)
    expect(error.message).toMatchInlineSnapshot(`
      "UNKNOWN_ADDRESS: /live/track/set/volumee is not an address of the catalogue
        Check the spelling: addresses are case-sensitive and start with /live/."
    `)
  })
})

describe('decodeReply', () => {
  it('returns a reply that matches the catalogue', () => {
    expect(decodeReply('/live/track/get/volume', [0, 0.8500000238418579])).toEqual([0, 0.8500000238418579])
    expect(decodeReply('/live/song/get/beat', [4])).toEqual([4])
    expect(decodeReply('/live/startup', [])).toEqual([])
    expect(decodeReply('/live/clip/get/notes', [0, 0, 60, 0, 1, 64, false])).toEqual([0, 0, 60, 0, 1, 64, false])
  })

  it('names the address when the reply does not match', () => {
    const error = caught(() => decodeReply('/live/track/get/volume', [0, 'x']))
    expect(error.code).toBe('DECODE_FAILED')
    expect(error.message).toMatchInlineSnapshot(`
      "DECODE_FAILED: reply on /live/track/get/volume does not match the catalogue: argument 2 (volume) must be a number, got "x"
        Expected: /live/track/get/volume track_id:int volume:float
        The server may run another AbletonOSC version than the catalogue describes (snapshot 0ca68214)."
    `)
    expect(caught(() => decodeReply('/live/song/get/cue_points', ['A', 0, 'B'])).shortMessage).toMatchInlineSnapshot(
      `"reply on /live/song/get/cue_points does not match the catalogue: the cue_point values must come in whole groups of 2 (name, time), got 3"`,
    )
    expect(caught(() => decodeReply('/live/track/get/volume', [0])).shortMessage).toMatchInlineSnapshot(
      `"reply on /live/track/get/volume does not match the catalogue: expected 2 arguments, got 1"`,
    )
  })

  it('refuses a message on an address that never replies', () => {
    expect(caught(() => decodeReply('/live/track/set/volume', [0, 1])).message).toMatchInlineSnapshot(`
      "DECODE_FAILED: got a message on /live/track/set/volume, which never replies
        Another program may be sending to this port."
    `)
  })
})
