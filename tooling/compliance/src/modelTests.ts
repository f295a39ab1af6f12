import { expect, it } from 'vitest'
import { ask, askError, tell } from './ask.js'
import { registerBulkTests } from './bulkTests.js'
import type { ComplianceContext } from './defineComplianceSuite.js'

/** Registers what both flavours must do on the default set: getters, typing, setters, errors, listeners. */
export function registerModelTests(context: ComplianceContext): void {
  const client = () => context.client()

  it('answers /live/test with "ok"', async () => {
    const reply = await ask(client(), '/live/test')
    expect({ types: reply.types, args: reply.args }).toEqual({ types: 's', args: ['ok'] })
  })

  it('answers a song getter on its own address, extra arguments echoed after the value', async () => {
    const plain = await ask(client(), '/live/song/get/tempo')
    expect({ types: plain.types, args: plain.args }).toEqual({ types: 'f', args: [120] })
    const extra = await ask(client(), '/live/song/get/tempo', ['tag'])
    expect({ types: extra.types, args: extra.args }).toEqual({ types: 'fs', args: [120, 'tag'] })
  })

  it('echoes the int-converted track id before the value', async () => {
    const byInt = await ask(client(), '/live/track/get/name', [1], 'i')
    expect({ types: byInt.types, args: byInt.args }).toEqual({ types: 'is', args: [1, '2-MIDI'] })
    const byFloat = await ask(client(), '/live/track/get/name', [2.9], 'f')
    expect({ types: byFloat.types, args: byFloat.args }).toEqual({ types: 'is', args: [2, '3-Audio'] })
  })

  it('echoes track and clip ids on clip slot getters, and the scene id on scene getters', async () => {
    const slot = await ask(client(), '/live/clip_slot/get/has_clip', [3, 7], 'ii')
    expect({ types: slot.types, args: slot.args }).toEqual({ types: 'iiF', args: [3, 7, false] })
    const scene = await ask(client(), '/live/scene/get/is_empty', [5], 'i')
    expect({ types: scene.types, args: scene.args }).toEqual({ types: 'iT', args: [5, true] })
  })

  it('echoes int-converted track and clip ids on clip getters', async () => {
    expect(await tell(client(), '/live/clip_slot/create_clip', [1, 3, 4], 'iif')).toEqual([])
    const length = await ask(client(), '/live/clip/get/length', [1, 3.7], 'if')
    expect({ types: length.types, args: length.args }).toEqual({ types: 'iif', args: [1, 3, 4] })
    const midi = await ask(client(), '/live/clip/get/is_midi_clip', [1, 3], 'ii')
    expect({ types: midi.types, args: midi.args }).toEqual({ types: 'iiT', args: [1, 3, true] })
  })

  it('types booleans as T/F, "does not apply" as N and floats as f', async () => {
    const playing = await ask(client(), '/live/song/get/is_playing')
    expect({ types: playing.types, args: playing.args }).toEqual({ types: 'F', args: [false] })
    const fold = await ask(client(), '/live/track/get/fold_state', [0], 'i')
    expect({ types: fold.types, args: fold.args }).toEqual({ types: 'iN', args: [0, null] })
    const volume = await ask(client(), '/live/track/get/volume', [0], 'i')
    expect(volume.types).toBe('if')
    expect(volume.args[1]).toBeCloseTo(0.85, 6)
  })

  it('keeps setters silent and reads values back with the property type', async () => {
    expect(await tell(client(), '/live/song/set/tempo', [130], 'i')).toEqual([])
    const tempo = await ask(client(), '/live/song/get/tempo')
    expect({ types: tempo.types, args: tempo.args }).toEqual({ types: 'f', args: [130] })

    expect(await tell(client(), '/live/track/set/volume', [0, 0.5], 'if')).toEqual([])
    const volume = await ask(client(), '/live/track/get/volume', [0], 'i')
    expect({ types: volume.types, args: volume.args }).toEqual({ types: 'if', args: [0, 0.5] })

    expect(await tell(client(), '/live/track/set/mute', [2, 1], 'ii')).toEqual([])
    const mute = await ask(client(), '/live/track/get/mute', [2], 'i')
    expect({ types: mute.types, args: mute.args }).toEqual({ types: 'iT', args: [2, true] })

    expect(await tell(client(), '/live/track/set/name', [3, 'Drums'], 'is')).toEqual([])
    const name = await ask(client(), '/live/track/get/name', [3], 'i')
    expect({ types: name.types, args: name.args }).toEqual({ types: 'is', args: [3, 'Drums'] })
    const names = await ask(client(), '/live/song/get/track_names')
    expect(names.args).toEqual(['1-MIDI', '2-MIDI', '3-Audio', 'Drums'])
  })

  it('reset restores the default set', async () => {
    // beforeEach reset: the previous test's tempo 130 and track name are gone.
    const tempo = await ask(client(), '/live/song/get/tempo')
    expect(tempo.args).toEqual([120])
    const names = await ask(client(), '/live/song/get/track_names')
    expect(names.args).toEqual(['1-MIDI', '2-MIDI', '3-Audio', '4-Audio'])
  })

  it('answers an unknown address with /live/error "Unknown OSC address: …"', async () => {
    expect(await askError(client(), '/live/foo/bar')).toBe('Unknown OSC address: /live/foo/bar')
  })

  it('answers an out-of-range index with /live/error "Error handling OSC message: …"', async () => {
    const text = await askError(client(), '/live/clip_slot/get/has_clip', [0, 99], 'ii')
    expect(text).toBe('Error handling OSC message: Index out of range')
  })

  it('sends a listener value at once, then on each change, and stops on stop_listen', async () => {
    expect(await tell(client(), '/live/song/start_listen/tempo')).toEqual([
      { address: '/live/song/get/tempo', types: 'f', args: [120] },
    ])
    client().send({ address: '/live/song/set/tempo', types: 'f', args: [125] })
    const [update] = await client().waitFor('/live/song/get/tempo', { what: 'the tempo listener update' })
    expect({ types: update!.types, args: update!.args }).toEqual({ types: 'f', args: [125] })

    expect(await tell(client(), '/live/song/stop_listen/tempo')).toEqual([])
    expect(await tell(client(), '/live/song/set/tempo', [126], 'f')).toEqual([])
  })

  it('echoes the track id in track listener values', async () => {
    expect(await tell(client(), '/live/track/start_listen/mute', [1], 'i')).toEqual([
      { address: '/live/track/get/mute', types: 'iF', args: [1, false] },
    ])
    expect(await tell(client(), '/live/track/set/mute', [1, true], 'iT')).toEqual([
      { address: '/live/track/get/mute', types: 'iT', args: [1, true] },
    ])
    expect(await tell(client(), '/live/track/stop_listen/mute', [1], 'i')).toEqual([])
  })

  registerBulkTests(context)
}
