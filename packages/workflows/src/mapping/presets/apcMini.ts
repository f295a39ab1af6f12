import type { MidiMapInput } from '../midiMapSchema.js'

const eight = [0, 1, 2, 3, 4, 5, 6, 7]
/** mk1 LED velocities: 0 off, 1 green, 2 green blinking, 3 red, 4 red blinking, 5 yellow, 6 yellow blinking. */
const GREEN = 1
const GREEN_BLINK = 2
const YELLOW = 5

/**
 * Akai APC mini (the first model), MIDI channel 1: the 8 × 8 grid launches clips (yellow: a clip, green: playing,
 * blinking: about to launch), the scene buttons launch scenes, the faders are volume, pan, send A or send B as the
 * four right-hand track buttons choose (pages 0-3), and the four left-hand ones move the bank.
 */
export const apcMini: MidiMapInput = {
  format: 'live-midi-map',
  version: 1,
  name: 'APC mini: session',
  controller: 'Akai APC mini (mk1)',
  source: [
    'Akai Professional, APC mini: notes 0-63 for the grid (8 per row from the bottom), 64-71 for the track buttons (up, down, left, right, volume, pan, send, device), 82-89 for the scene buttons from the top, 98 for Shift, CC 48-56 for the faders, LED velocities 0-6, all on channel 1, as used by the public Pd driver github.com/agraef/apcmini (lib/apcmini.pd_lua)',
  ],
  notes: [
    'Assumed: the first APC mini; the mk2 numbers its track and scene buttons 100-107 and 112-119 and takes RGB velocities.',
    'Fader 9 is the master volume: it needs the Max for Live bridge (AbletonOSC cannot reach the master track).',
  ],
  channel: 1,
  takeover: 'pickup',
  banks: { tracks: 8, scenes: 8 },
  pages: 4,
  mappings: [
    ...eight.flatMap((scene) =>
      eight.map((track) => ({
        name: `Pad ${track + 1}/${scene + 1}`,
        control: { note: (7 - scene) * 8 + track },
        target: { kind: 'clip' as const, track, scene },
        feedback: { empty: 0, stopped: YELLOW, playing: GREEN, triggered: GREEN_BLINK },
      })),
    ),
    ...eight.map((scene) => ({
      name: `Scene ${scene + 1}`,
      control: { note: 82 + scene },
      target: { kind: 'scene' as const, scene },
      feedback: { on: GREEN_BLINK, off: 0 },
    })),
    ...(['volume', 'panning', 'send', 'send'] as const).flatMap((kind, page) =>
      eight.map((t) => ({
        name: `Fader ${t + 1}`,
        control: { cc: 48 + t },
        target: kind === 'send' ? { kind, track: t, send: page - 2 } : { kind, track: t },
        page,
        feedback: false,
      })),
    ),
    { name: 'Master', control: { cc: 56 }, target: { kind: 'volume', master: true }, bank: false, feedback: false },
    { name: '▲', control: { note: 64 }, target: { kind: 'bank', scenes: -1 }, feedback: false },
    { name: '▼', control: { note: 65 }, target: { kind: 'bank', scenes: 1 }, feedback: false },
    { name: '◀', control: { note: 66 }, target: { kind: 'bank', tracks: -1 }, feedback: false },
    { name: '▶', control: { note: 67 }, target: { kind: 'bank', tracks: 1 }, feedback: false },
    ...['Volume', 'Pan', 'Send A', 'Send B'].map((name, page) => ({
      name,
      control: { note: 68 + page },
      target: { kind: 'page' as const, page },
      feedback: { on: 1, off: 0 },
    })),
  ],
}
