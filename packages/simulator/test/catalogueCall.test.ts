import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OscValue } from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AT, type CatalogueRig, entriesOf, startCatalogueRig } from './catalogueRig.js'

/** One call and what Live does, checked in the model: `before` reads state, `after` asserts on it. */
interface CallCase {
  readonly address: string
  readonly args: readonly OscValue[]
  /** Engine time to let pass before checking (launches wait for quantisation). */
  readonly wait?: number | undefined
  check(rig: CatalogueRig, before: unknown): void
  before?(rig: CatalogueRig): unknown
  /** Only these flavours serve the address (the bridge's extensions). @default both */
  readonly flavours?: readonly ('abletonosc' | 'bridge')[] | undefined
}

const get = (rig: CatalogueRig, path: string, prop: string) => rig.sim.model.get(path, prop)
const count = (rig: CatalogueRig, path: string, list: string) => rig.sim.model.getCount(path, list)
const notes = (rig: CatalogueRig, path: string) =>
  (JSON.parse(String(rig.sim.model.call(path, 'get_notes_extended', [0, 128, -8192, 16384]))) as { notes: unknown[] })
    .notes.length

/** Calls whose effect is out of the model's reach (no status bar, no MIDI map, no Link), and why. */
const NO_EFFECT: Record<string, string> = {
  '/live/api/reload': 'reloading is covered by the protocol tests (listeners dropped, /live/startup resent)',
  '/live/api/show_message': "Live's status bar is not modelled",
  '/live/song/force_link_beat_time': 'Link is not modelled',
  '/live/song/re_enable_automation': 'automation is not modelled',
  '/live/midimap/map_cc': 'covered with /simulator/midi in simulatorMidi.test.ts (the bridge has no MIDI map)',
  '/live/clip/remove_notes_by_id': 'AbletonOSC passes each id as its own argument, which Live refuses (§10)',
  '/live/song/capture_midi': 'needs recently played MIDI input, which is not simulated',
  '/live/song/capture_and_insert_scene': 'checked through /live/song/get/num_scenes below',
}

const CASES: CallCase[] = [
  { address: '/live/test', args: [], check: () => {} },
  {
    address: '/live/song/export/structure',
    args: [],
    check: (rig) => expect(existsSync(join(rig.structureFolder, 'abletonosc-song-structure.json'))).toBe(true),
  },
  {
    address: '/live/song/create_midi_track',
    args: [1],
    before: (rig) => count(rig, 'live_set', 'tracks'),
    check: (rig, n) => {
      expect(count(rig, 'live_set', 'tracks')).toBe((n as number) + 1)
      expect(get(rig, 'live_set tracks 1', 'has_midi_input')).toBe(true)
    },
  },
  {
    address: '/live/song/create_audio_track',
    args: [2],
    before: (rig) => count(rig, 'live_set', 'tracks'),
    check: (rig, n) => {
      expect(count(rig, 'live_set', 'tracks')).toBe((n as number) + 1)
      expect(get(rig, 'live_set tracks 2', 'has_audio_input')).toBe(true)
    },
  },
  {
    address: '/live/song/duplicate_track',
    args: [0],
    check: (rig) => expect(get(rig, 'live_set tracks 1', 'name')).toBe(get(rig, 'live_set tracks 0', 'name')),
  },
  {
    address: '/live/song/delete_track',
    args: [1],
    check: (rig) => expect(get(rig, 'live_set tracks 1', 'name')).not.toBe('Drums'),
  },
  { address: '/live/song/delete_track', args: [1], check: () => {} },
  {
    address: '/live/song/delete_track',
    args: [1],
    check: (rig) => expect(get(rig, 'live_set tracks 1', 'name')).toBe('Bass'),
  },
  {
    address: '/live/song/create_return_track',
    args: [],
    check: (rig) => expect(count(rig, 'live_set', 'return_tracks')).toBe(3),
  },
  {
    address: '/live/song/delete_return_track',
    args: [2],
    check: (rig) => expect(count(rig, 'live_set', 'return_tracks')).toBe(2),
  },
  { address: '/live/song/create_scene', args: [8], check: (rig) => expect(count(rig, 'live_set', 'scenes')).toBe(9) },
  {
    address: '/live/song/duplicate_scene',
    args: [1],
    check: (rig) => {
      expect(count(rig, 'live_set', 'scenes')).toBe(10)
      expect(get(rig, 'live_set scenes 2', 'name')).toBe('Verse')
    },
  },
  {
    address: '/live/song/delete_scene',
    args: [2],
    check: (rig) => expect(get(rig, 'live_set scenes 2', 'name')).toBe('Verse 2'),
  },
  { address: '/live/song/delete_scene', args: [8], check: (rig) => expect(count(rig, 'live_set', 'scenes')).toBe(8) },
  {
    address: '/live/song/capture_and_insert_scene',
    args: [],
    check: (rig) => expect(count(rig, 'live_set', 'scenes')).toBe(9),
  },
  { address: '/live/song/delete_scene', args: [1], check: (rig) => expect(count(rig, 'live_set', 'scenes')).toBe(8) },
  {
    address: '/live/song/undo',
    args: [],
    check: (rig) => expect(count(rig, 'live_set', 'scenes')).toBe(9),
  },
  { address: '/live/song/redo', args: [], check: (rig) => expect(count(rig, 'live_set', 'scenes')).toBe(8) },
  {
    address: '/live/song/start_playing',
    args: [],
    wait: 500,
    check: (rig) => expect(get(rig, 'live_set', 'is_playing')).toBe(true),
  },
  {
    address: '/live/song/stop_playing',
    args: [],
    check: (rig) => expect(get(rig, 'live_set', 'is_playing')).toBe(false),
  },
  {
    address: '/live/song/continue_playing',
    args: [],
    before: (rig) => get(rig, 'live_set', 'current_song_time'),
    check: (rig, t) => {
      expect(get(rig, 'live_set', 'is_playing')).toBe(true)
      // From where it stopped (not from the insert marker), less than a beat on after one tick.
      expect(Number(get(rig, 'live_set', 'current_song_time')) - (t as number)).toBeLessThan(1)
      expect(Number(get(rig, 'live_set', 'current_song_time'))).toBeGreaterThanOrEqual(t as number)
    },
  },
  { address: '/live/song/stop_playing', args: [], check: () => {} },
  { address: '/live/song/set/current_song_time', args: [10], check: () => {} },
  {
    address: '/live/song/jump_by',
    args: [4.0],
    check: (rig) => expect(get(rig, 'live_set', 'current_song_time')).toBe(14),
  },
  {
    address: '/live/song/jump_to_prev_cue',
    args: [],
    check: (rig) => expect(get(rig, 'live_set', 'current_song_time')).toBe(0),
  },
  {
    address: '/live/song/jump_to_next_cue',
    args: [],
    check: (rig) => expect(get(rig, 'live_set', 'current_song_time')).toBe(64),
  },
  {
    address: '/live/song/cue_point/jump',
    args: ['Intro'],
    check: (rig) => expect(get(rig, 'live_set', 'current_song_time')).toBe(0),
  },
  {
    address: '/live/song/cue_point/jump',
    args: [1],
    check: (rig) => expect(get(rig, 'live_set', 'current_song_time')).toBe(64),
  },
  { address: '/live/song/set/current_song_time', args: [32], check: () => {} },
  {
    address: '/live/song/set_or_delete_cue',
    args: [],
    check: (rig) => expect(count(rig, 'live_set', 'cue_points')).toBe(3),
  },
  {
    address: '/live/song/cue_point/add_or_delete',
    args: [],
    check: (rig) => expect(count(rig, 'live_set', 'cue_points')).toBe(2),
  },
  {
    address: '/live/song/tap_tempo',
    args: [],
    before: (rig) => get(rig, 'live_set', 'tempo'),
    check: (rig, tempo) => expect(get(rig, 'live_set', 'tempo')).toBe(tempo),
  },
  {
    address: '/live/song/trigger_session_record',
    args: [],
    check: (rig) => expect(get(rig, 'live_set', 'session_record')).toBe(true),
  },
  // Triggered again while recording: Live stops recording and plays the clip; the button state is Live's to decide.
  { address: '/live/song/trigger_session_record', args: [], check: () => {} },
  {
    address: '/live/song/set/session_record',
    args: [false],
    check: (rig) => expect(get(rig, 'live_set', 'session_record')).toBe(false),
  },
  { address: '/live/song/stop_playing', args: [], check: () => {} },
  {
    address: '/live/clip_slot/create_clip',
    args: [0, 0, 8],
    check: (rig) => expect(get(rig, 'live_set tracks 0 clip_slots 0 clip', 'length')).toBe(8),
  },
  {
    address: '/live/clip/add/notes',
    args: [0, 0, 60, 0, 1, 100, false, 64, 1, 1, 90, false],
    check: (rig) => expect(notes(rig, 'live_set tracks 0 clip_slots 0 clip')).toBe(2),
  },
  {
    address: '/live/clip/remove/notes',
    args: [0, 0, 64, 1, 0, 8],
    check: (rig) => expect(notes(rig, 'live_set tracks 0 clip_slots 0 clip')).toBe(1),
  },
  {
    address: '/live/clip/duplicate_loop',
    args: [0, 0],
    check: (rig) => expect(get(rig, 'live_set tracks 0 clip_slots 0 clip', 'loop_end')).toBe(16),
  },
  {
    address: '/live/clip_slot/duplicate_clip_to',
    args: [0, 0, 1, 0],
    check: (rig) => expect(get(rig, 'live_set tracks 1 clip_slots 0', 'has_clip')).toBe(true),
  },
  {
    address: '/live/track/delete_clip',
    args: [1, 0],
    check: (rig) => expect(get(rig, 'live_set tracks 1 clip_slots 0', 'has_clip')).toBe(false),
  },
  {
    address: '/live/clip_slot/delete_clip',
    args: [0, 0],
    check: (rig) => expect(get(rig, 'live_set tracks 0 clip_slots 0', 'has_clip')).toBe(false),
  },
  {
    address: '/live/clip/fire',
    args: [0, 1],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 0', 'playing_slot_index')).toBe(1),
  },
  {
    address: '/live/clip/stop',
    args: [0, 1],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 0', 'playing_slot_index')).toBe(-1),
  },
  {
    address: '/live/clip_slot/fire',
    args: [0, 2],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 0', 'playing_slot_index')).toBe(2),
  },
  {
    address: '/live/clip_slot/stop',
    args: [0, 2],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 0', 'playing_slot_index')).toBe(-1),
  },
  {
    address: '/live/scene/fire',
    args: [1],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 1', 'playing_slot_index')).toBe(1),
  },
  {
    address: '/live/track/stop_all_clips',
    args: [1],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 1', 'playing_slot_index')).toBe(-1),
  },
  {
    address: '/live/scene/fire_as_selected',
    args: [2],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 0', 'playing_slot_index')).toBe(2),
  },
  {
    address: '/live/song/stop_all_clips',
    args: [],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 0', 'playing_slot_index')).toBe(-1),
  },
  { address: '/live/view/set/selected_scene', args: [4], check: () => {} },
  {
    address: '/live/scene/fire_selected',
    args: [],
    wait: 2500,
    check: (rig) => expect(get(rig, 'live_set tracks 0', 'playing_slot_index')).toBe(4),
  },
  {
    address: '/live/clip/set/name',
    args: [2, 2, 'Stabs_A-C-E'],
    check: () => {},
  },
  {
    address: '/live/clips/filter',
    args: ['C', 'E'],
    check: (rig) => expect(get(rig, 'live_set tracks 2 clip_slots 2 clip', 'muted')).toBe(true),
  },
  {
    address: '/live/clips/unfilter',
    args: [],
    check: (rig) => expect(get(rig, 'live_set tracks 2 clip_slots 2 clip', 'muted')).toBe(false),
  },
  {
    address: '/live/track/delete_device',
    args: [0, 1],
    check: (rig) => expect(count(rig, 'live_set tracks 0', 'devices')).toBe(1),
  },
  {
    // live.remote~ in the device: the value changes and Live records no undo step for it.
    address: '/live/bridge/remote/parameter',
    args: [0, 0, 1, 64],
    flavours: ['bridge'],
    check: (rig) => {
      expect(get(rig, 'live_set tracks 0 devices 0 parameters 1', 'value')).toBe(64)
      rig.sim.model.call('live_set', 'undo', [])
      expect(get(rig, 'live_set tracks 0 devices 0 parameters 1', 'value')).toBe(64)
    },
  },
  {
    // Armed for the next bar: nothing is written until the export ends.
    address: '/live/bridge/export/start',
    args: ['catalogue/walk.wav', 'wav', 1],
    flavours: ['bridge'],
    check: (rig) => expect(existsSync(join(rig.exportFolder!, 'catalogue/walk.wav'))).toBe(false),
  },
  {
    // Ends it at once: the file is written, with what was recorded so far (a RIFF header at least).
    address: '/live/bridge/export/stop',
    args: [],
    flavours: ['bridge'],
    check: (rig) =>
      expect(readFileSync(join(rig.exportFolder!, 'catalogue/walk.wav')).toString('ascii', 0, 4)).toBe('RIFF'),
  },
  {
    address: '/live/bridge/remote/release',
    args: [0, 0, 1],
    flavours: ['bridge'],
    check: (rig) => expect(get(rig, 'live_set tracks 0 devices 0 parameters 1', 'value')).toBe(64),
  },
  {
    // The self-test's scratch track is gone again when it has answered.
    address: '/live/bridge/selftest',
    args: [],
    flavours: ['bridge'],
    before: (rig) => count(rig, 'live_set', 'tracks'),
    check: (rig, n) => expect(count(rig, 'live_set', 'tracks')).toBe(n),
  },
]

for (const flavour of ['abletonosc', 'bridge'] as const) {
  describe(`every call does what Live does (${flavour}, demo set)`, () => {
    let rig: CatalogueRig
    beforeAll(async () => {
      rig = await startCatalogueRig(flavour)
    })
    afterAll(() => rig.close())

    it('has a case, or a reason for none, for every call address', () => {
      const covered = new Set([...CASES.map((c) => c.address), ...Object.keys(NO_EFFECT)])
      const missing = entriesOf(flavour, 'call')
        .map((e) => e.address)
        .filter((a) => !covered.has(a))
      expect(missing).toEqual([])
    })

    it('answers the calls that reply, and no call with /live/error', async () => {
      const replies = await rig.exchange([{ address: '/live/song/export/structure', args: [] }])
      const own = replies.filter((m) => m.address !== '/live/startup' && !m.address.startsWith('/live/application/'))
      expect(own.map((m) => [m.address, ...m.args])).toEqual([['/live/song/export/structure', 1]])
    })

    // In order: each case starts from the state the previous ones left.
    for (const [i, c] of CASES.entries()) {
      if (c.flavours !== undefined && !c.flavours.includes(flavour)) continue
      it(`${i + 1}. ${c.address} ${JSON.stringify(c.args)}`, async () => {
        const before = c.before?.(rig)
        const got = await rig.exchange([{ address: c.address, args: c.args }])
        expect(got.filter((m) => m.address === '/live/error')).toEqual([])
        if (c.wait !== undefined) await rig.advance(c.wait)
        c.check(rig, before)
      })
    }

    it('leaves the audio clip of the test set alone', () => {
      expect(get(rig, `live_set tracks ${AT.audioTrack} clip_slots ${AT.audioClip}`, 'has_clip')).toBe(true)
    })
  })
}
