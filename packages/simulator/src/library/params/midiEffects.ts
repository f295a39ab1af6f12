import type { ParameterData } from '../../model/schema.js'
import { int, ms, num, on, pct, q, SYNC_RATES, st, sw } from '../paramKit.js'

/*
 * MIDI effects. Names: Live 12.1's bank definitions (chiakibeats/AbletonLive12.1_MIDIRemoteScripts,
 * ableton/v3/control_surface/default_bank_definitions.py: "Tranpose Key" is Live's own spelling) and
 * ClyphX's Live 10.1.30 instant-mapping doc; ranges and defaults are [guess] unless obvious (MIDI 0..127).
 */

const NOTES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']

/** Arpeggiator (class MidiArpeggiator). */
export const arpeggiator = (): ParameterData[] => [
  on(),
  q('Style', [
    'Up',
    'Down',
    'UpDown',
    'DownUp',
    'Up & Down',
    'Down & Up',
    'Converge',
    'Diverge',
    'Con & Diverge',
    'Pinky Up',
    'Pinky UpDown',
    'Thumb Up',
    'Thumb UpDown',
    'Play Order',
    'Chord Trigger',
    'Random',
    'Random Other',
    'Random Once',
  ]),
  q('Groove', ['None', 'Swing 8', 'Swing 16', 'Swing 32']),
  sw('Hold On'),
  int('Offset', 0, 0, 24),
  sw('Sync On', true),
  q('Synced Rate', ['1/1', '1/2', '1/3', '1/4', '1/6', '1/8', '1/12', '1/16', '1/24', '1/32', '1/48', '1/64'], 7),
  num('Free Rate', 8, 0.1, 200),
  pct('Gate', 0.5, 200),
  q('Retrigger Mode', ['Off', 'Note', 'Beat']),
  int('Ret. Interval', 0, 0, 15),
  int('Repeats', 9, 1, 9), // 9 shows as "inf" in Live [guess]
  q('Tranpose Mode', ['Shift', 'Major', 'Minor']),
  q('Tranpose Key', NOTES),
  int('Transp. Steps', 0, 0, 8),
  st('Transp. Dist.', 0, -12, 12),
  sw('Velocity On'),
  sw('Vel. Retrigger'),
  ms('Velocity Decay', 0, 0, 1000),
  num('Velocity Target', 0, 0, 127),
]

/** Chord (class MidiChord): six shifts and their velocities. */
export const chord = (): ParameterData[] => [
  on(),
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [st(`Shift${n}`, 0, -36, 36), pct(`Velocity${n}`, 1, 200)]),
]

/** Scale (class MidiScale). */
export const scale = (): ParameterData[] => [
  on(),
  q('Base', NOTES),
  st('Transpose', 0, -36, 36),
  int('Range', 127, 1, 127),
  int('Lowest', 0, 0, 127),
  sw('Fold'),
]

/** Note Length (class MidiNoteLength). */
export const noteLength = (): ParameterData[] => [
  on(),
  q('Trigger Source', ['Note On', 'Note Off']),
  sw('Sync On', true),
  q('Synced Length', [...SYNC_RATES], 3),
  ms('Time Length', 0.4, 1, 10000),
  pct('Gate', 0.5, 200),
  pct('On/Off-Balance', 0.5),
  ms('Decay Time', 0, 1, 60000),
  pct('Decay Key Scale', 0.5),
  pct('Release Velocity', 0.5), // [guess] name ("Rel Vel" in the bank)
  sw('Latch'),
]

/** Velocity (class MidiVelocity). */
export const velocity = (): ParameterData[] => [
  on(),
  q('Mode', ['Clip', 'Gate', 'Fixed']),
  num('Drive', 0, -64, 64),
  num('Compand', 0, -100, 100),
  num('Random', 0, 0, 64),
  int('Out Hi', 127, 1, 127),
  int('Out Low', 1, 1, 127),
  int('Range', 127, 1, 127),
  int('Lowest', 0, 0, 127),
  q('Operation', ['Velocity', 'Rel. Vel.', 'Both']),
]
