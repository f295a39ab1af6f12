import type { MidiMapInput } from '../midiMapSchema.js'

const strips = [0, 1, 2, 3, 4, 5, 6, 7]
/** The two button rows count 41-44 then 57-60, and 73-76 then 89-92. */
const focus = [41, 42, 43, 44, 57, 58, 59, 60]
const control = [73, 74, 75, 76, 89, 90, 91, 92]
/** LED velocity = 16 × green + red + 12 (Copy and Clear flags), each 0..3 (Programmer's Reference). */
const led = (green: number, red: number) => 16 * green + red + 12
const OFF = led(0, 0)

/**
 * Novation Launch Control XL, factory template 1 (MIDI channel 9): sends A and B, pan and volume for 8 tracks; the
 * Track Focus row selects tracks; the Track Control row mutes, solos or arms, as the Mute, Solo and Record Arm
 * buttons choose (pages 0, 1, 2); the track buttons move the bank, the send buttons the selected scene.
 */
export const launchControlXl: MidiMapInput = {
  format: 'live-midi-map',
  version: 1,
  name: 'Launch Control XL: mixer',
  controller: 'Novation Launch Control XL',
  source: [
    "Novation, Launch Control XL Programmer's Reference Guide (version 2): LED velocities (16 × green + red + flags), templates 0-7 user and 8-15 factory",
    'Factory template 1 on channel 9: knobs CC 13-20, 29-36, 49-56, faders CC 77-84, Send select up/down CC 104/105, Track select left/right CC 106/107, Track Focus notes 41-44 and 57-60, Track Control notes 73-76 and 89-92, Device/Mute/Solo/Record Arm notes 105-108, as in github.com/agraef/raptor7 data/launchcontrol_map.lua and the DrivenByMoss Launch Control XL documentation',
  ],
  notes: [
    'Assumed: factory template 1 (press Factory, then the first Track Control button); user templates send on channels 1-8.',
    'Track Control LEDs: mute red, solo green, arm red; the page buttons light for the page they choose.',
  ],
  channel: 9,
  takeover: 'pickup',
  banks: { tracks: 8 },
  pages: 3,
  mappings: [
    ...strips.map((t) => ({
      name: `Send A ${t + 1}`,
      control: { cc: 13 + t },
      target: { kind: 'send' as const, track: t, send: 0 },
      feedback: false,
    })),
    ...strips.map((t) => ({
      name: `Send B ${t + 1}`,
      control: { cc: 29 + t },
      target: { kind: 'send' as const, track: t, send: 1 },
      feedback: false,
    })),
    ...strips.map((t) => ({
      name: `Pan ${t + 1}`,
      control: { cc: 49 + t },
      target: { kind: 'panning' as const, track: t },
      feedback: false,
    })),
    ...strips.map((t) => ({
      name: `Fader ${t + 1}`,
      control: { cc: 77 + t },
      target: { kind: 'volume' as const, track: t },
      feedback: false,
    })),
    ...strips.map((t) => ({
      name: `Focus ${t + 1}`,
      control: { note: focus[t]! },
      target: { kind: 'select-track' as const, track: t },
      feedback: { on: led(3, 3), off: OFF },
    })),
    ...(['mute', 'solo', 'arm'] as const).flatMap((kind, page) =>
      strips.map((t) => ({
        name: `${kind} ${t + 1}`,
        control: { note: control[t]! },
        target: { kind, track: t },
        page,
        feedback: { on: kind === 'solo' ? led(3, 0) : led(0, 3), off: OFF },
      })),
    ),
    { name: 'Mute', control: { note: 106 }, target: { kind: 'page', page: 0 }, bank: false },
    { name: 'Solo', control: { note: 107 }, target: { kind: 'page', page: 1 }, bank: false },
    { name: 'Record Arm', control: { note: 108 }, target: { kind: 'page', page: 2 }, bank: false },
    { name: 'Send ▲', control: { cc: 104 }, target: { kind: 'select-scene', step: -1 } },
    { name: 'Send ▼', control: { cc: 105 }, target: { kind: 'select-scene', step: 1 } },
    { name: 'Track ◀', control: { cc: 106 }, target: { kind: 'bank', tracks: -1 } },
    { name: 'Track ▶', control: { cc: 107 }, target: { kind: 'bank', tracks: 1 } },
  ],
}
