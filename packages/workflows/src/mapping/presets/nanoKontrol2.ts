import type { MidiMapInput } from '../midiMapSchema.js'

const strips = [0, 1, 2, 3, 4, 5, 6, 7]

/**
 * Korg nanoKONTROL2 in CC mode (SET + CYCLE at power-up), MIDI channel 1: a mixer for 8 tracks, banked by the
 * TRACK buttons, with the transport.
 */
export const nanoKontrol2: MidiMapInput = {
  format: 'live-midi-map',
  version: 1,
  name: 'nanoKONTROL2: mixer',
  controller: 'Korg nanoKONTROL2',
  source: [
    'Korg, nanoKONTROL2 MIDI Implementation, revision 1.00 (2010-12-14): CC for the panel controls, on the global channel',
    'CC numbers of the factory scene (CC mode): faders 0-7, knobs 16-23, S 32-39, M 48-55, R 64-71, PLAY 41, STOP 42, REW 43, FF 44, REC 45, CYCLE 46, TRACK < > 58/59, MARKER SET < > 60-62, as listed in the public header nanoKontrol2.h of github.com/kripton/jukuzregie and the chart at notes.zatvia.com (korg-nano2-notes)',
  ],
  notes: [
    'Assumed: the factory scene in CC mode on channel 1 (hold SET and CYCLE while plugging it in).',
    'The buttons light only with LED Mode "External", set in KORG KONTROL Editor; with "Internal" they light themselves and feedback is ignored.',
    'Its faders are not motorised: they pick the value up (soft takeover) before they move it.',
  ],
  channel: 1,
  takeover: 'pickup',
  banks: { tracks: 8 },
  mappings: [
    ...strips.map((t) => ({
      name: `Fader ${t + 1}`,
      control: { cc: t },
      target: { kind: 'volume' as const, track: t },
    })),
    ...strips.map((t) => ({
      name: `Knob ${t + 1}`,
      control: { cc: 16 + t },
      target: { kind: 'panning' as const, track: t },
    })),
    ...strips.map((t) => ({
      name: `S ${t + 1}`,
      control: { cc: 32 + t },
      target: { kind: 'solo' as const, track: t },
    })),
    ...strips.map((t) => ({
      name: `M ${t + 1}`,
      control: { cc: 48 + t },
      target: { kind: 'mute' as const, track: t },
    })),
    ...strips.map((t) => ({ name: `R ${t + 1}`, control: { cc: 64 + t }, target: { kind: 'arm' as const, track: t } })),
    { name: 'Play', control: { cc: 41 }, target: { kind: 'play' } },
    { name: 'Stop', control: { cc: 42 }, target: { kind: 'stop' } },
    { name: 'Rewind', control: { cc: 43 }, target: { kind: 'osc', address: '/live/song/jump_by', args: [-4] } },
    { name: 'Forward', control: { cc: 44 }, target: { kind: 'osc', address: '/live/song/jump_by', args: [4] } },
    { name: 'Record', control: { cc: 45 }, target: { kind: 'record' } },
    { name: 'Cycle', control: { cc: 46 }, target: { kind: 'loop' } },
    { name: 'Track <', control: { cc: 58 }, target: { kind: 'bank', tracks: -1 } },
    { name: 'Track >', control: { cc: 59 }, target: { kind: 'bank', tracks: 1 } },
    { name: 'Marker set', control: { cc: 60 }, target: { kind: 'osc', address: '/live/song/set_or_delete_cue' } },
    { name: 'Marker <', control: { cc: 61 }, target: { kind: 'previous-cue' } },
    { name: 'Marker >', control: { cc: 62 }, target: { kind: 'next-cue' } },
  ],
}
