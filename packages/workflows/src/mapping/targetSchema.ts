import { CHAIN_PATH } from '@live/client'
import { z } from 'zod'

const index = z.number().int().min(0).max(999)
const strict = <S extends z.ZodRawShape>(shape: S) => z.object(shape).strict()
/** A track, or (bridge only) a return track or the master track. */
const owner = {
  /** A track index (follows the bank). */
  track: index.optional(),
  /** A return track index (bridge only). */
  return: index.optional(),
  /** The master track (bridge only). */
  master: z.literal(true).optional(),
}

/** Song properties a button switches on and off, by target kind. */
export const SONG_SWITCHES = {
  metronome: 'metronome',
  loop: 'loop',
  record: 'recordMode',
  'session-record': 'sessionRecord',
  overdub: 'arrangementOverdub',
  'punch-in': 'punchIn',
  'punch-out': 'punchOut',
} as const

/** Song calls a button fires, by target kind. */
export const SONG_CALLS = {
  play: 'startPlaying',
  stop: 'stopPlaying',
  continue: 'continuePlaying',
  'tap-tempo': 'tapTempo',
  undo: 'undo',
  redo: 'redo',
  'stop-all-clips': 'stopAllClips',
  'next-cue': 'jumpToNextCue',
  'previous-cue': 'jumpToPrevCue',
  'capture-midi': 'captureMidi',
} as const

const songSwitch = (kind: keyof typeof SONG_SWITCHES) => strict({ kind: z.literal(kind) })
const songCall = (kind: keyof typeof SONG_CALLS) => strict({ kind: z.literal(kind) })

/**
 * What a control moves or fires in Live. Track and scene indices count from 0 and follow the bank; `return` and
 * `master` (and chain paths like `'0/1/2'`) need the Max for Live bridge.
 */
export const targetSchema = z.discriminatedUnion('kind', [
  strict({ kind: z.literal('volume'), ...owner }),
  strict({ kind: z.literal('panning'), ...owner }),
  strict({ kind: z.literal('send'), track: index.optional(), return: index.optional(), send: index }),
  strict({
    kind: z.literal('parameter'),
    ...owner,
    /** A device index, or (bridge only) a chain path into racks: `'0/1/2'`. */
    device: z.union([index, z.string().regex(CHAIN_PATH, "expected a device index or a chain path like '0/1/2'")]),
    /** The parameter's name as Live shows it (`Filter Freq`), or its index. */
    parameter: z.union([index, z.string().min(1)]),
  }),
  strict({ kind: z.literal('tempo') }),
  strict({ kind: z.literal('crossfader') }),
  strict({ kind: z.literal('mute'), track: index.optional(), return: index.optional() }),
  strict({ kind: z.literal('solo'), track: index.optional(), return: index.optional() }),
  strict({ kind: z.literal('arm'), track: index }),
  songSwitch('metronome'),
  songSwitch('loop'),
  songSwitch('record'),
  songSwitch('session-record'),
  songSwitch('overdub'),
  songSwitch('punch-in'),
  songSwitch('punch-out'),
  songCall('play'),
  songCall('stop'),
  songCall('continue'),
  songCall('tap-tempo'),
  songCall('undo'),
  songCall('redo'),
  songCall('stop-all-clips'),
  songCall('next-cue'),
  songCall('previous-cue'),
  songCall('capture-midi'),
  /** Start when stopped, stop when playing. */
  strict({ kind: z.literal('play-stop') }),
  strict({ kind: z.literal('clip'), track: index, scene: index }),
  strict({ kind: z.literal('stop-clips'), track: index }),
  strict({ kind: z.literal('scene'), scene: index }),
  /** Select a track, or move the selection by `step` tracks. */
  strict({ kind: z.literal('select-track'), track: index.optional(), step: z.number().int().optional() }),
  /** Select a scene, or move the selection by `step` scenes. */
  strict({ kind: z.literal('select-scene'), scene: index.optional(), step: z.number().int().optional() }),
  /** Move the bank by whole banks: `tracks: 1` is the next bank of tracks. */
  strict({ kind: z.literal('bank'), tracks: z.number().int().optional(), scenes: z.number().int().optional() }),
  /** Go to a page, or move by `step` pages (wrapping). */
  strict({
    kind: z.literal('page'),
    page: z.number().int().min(0).max(15).optional(),
    step: z.number().int().optional(),
  }),
  /** Any catalogue address: a setter gets the control's value appended, a call is fired. */
  strict({
    kind: z.literal('osc'),
    address: z.string().regex(/^\/live\//, 'expected an address from the catalogue, like /live/song/set/groove_amount'),
    args: z.array(z.union([z.number(), z.string(), z.boolean()])).optional(),
  }),
])

/** A mapping target. */
export type Target = z.infer<typeof targetSchema>

/** Every target kind. */
export type TargetKind = Target['kind']
