import { describe, expect, it } from 'vitest'
import { catalogue } from './catalogue.js'

/**
 * The verbs of an edit that changes the set's shape, read from the address's last word: this test's own
 * statement of the rule, so an entry added later (an extension's `insert_device`, a `move_...`) without
 * the flag fails here.
 */
const SHAPE_VERB = /(?:^|_)(?:create|delete|duplicate|insert|move|undo|redo|reload)(?:_|$)/

/** Addresses the verb rule gets wrong, and why. */
const NOT_BY_VERB: Record<string, boolean> = {
  // Doubles the loop inside one clip: no object appears, goes or moves.
  '/live/clip/duplicate_loop': false,
  // Inserts a new clip holding what was just played.
  '/live/song/capture_midi': true,
}

const lastWord = (address: string) => address.slice(address.lastIndexOf('/') + 1)

describe('structural: the addresses after which the set may have changed shape', () => {
  it('is carried by every call that creates, deletes, duplicates, inserts, moves, undoes or reloads, and by nothing else', () => {
    const expected = catalogue
      .filter((e) => NOT_BY_VERB[e.address] ?? (e.kind === 'call' && SHAPE_VERB.test(lastWord(e.address))))
      .map((e) => e.address)
    const flagged = catalogue.filter((e) => e.structural === true).map((e) => e.address)
    expect(flagged).toEqual(expected)
  })

  it('names these addresses today', () => {
    expect(catalogue.filter((e) => e.structural === true).map((e) => e.address)).toMatchInlineSnapshot(`
      [
        "/live/api/reload",
        "/live/song/capture_and_insert_scene",
        "/live/song/capture_midi",
        "/live/song/create_audio_track",
        "/live/song/create_midi_track",
        "/live/song/create_return_track",
        "/live/song/create_scene",
        "/live/song/delete_return_track",
        "/live/song/delete_scene",
        "/live/song/delete_track",
        "/live/song/duplicate_scene",
        "/live/song/duplicate_track",
        "/live/song/redo",
        "/live/song/set_or_delete_cue",
        "/live/song/undo",
        "/live/song/cue_point/add_or_delete",
        "/live/clip_slot/create_clip",
        "/live/clip_slot/delete_clip",
        "/live/clip_slot/duplicate_clip_to",
        "/live/track/delete_device",
        "/live/track/delete_clip",
      ]
    `)
  })

  it('lists only exceptions the catalogue has, each one the verb rule alone would get wrong', () => {
    for (const [address, structural] of Object.entries(NOT_BY_VERB)) {
      const entry = catalogue.find((e) => e.address === address)
      expect(entry?.kind, address).toBe('call')
      expect(SHAPE_VERB.test(lastWord(address)), address).toBe(!structural)
    }
  })
})
