/**
 * @packageDocumentation
 * Value codecs: pure conversions between Live's values on the wire and what people read and write
 * (volume ⇄ dB, pan, booleans, colours, quantisation names, notes, positions, bulk reply layouts).
 */
export { beatsToPosition, positionToBeats } from './beatsToPosition.js'
export {
  CLIP_LAUNCH_QUANTISATION_NAMES,
  type ClipLaunchQuantisationName,
  formatClipLaunchQuantisation,
  parseClipLaunchQuantisation,
  resolveClipLaunchQuantisation,
} from './clipLaunchQuantisation.js'
export {
  CLIP_TRIGGER_QUANTISATION_NAMES,
  type ClipTriggerQuantisationName,
  formatClipTriggerQuantisation,
  parseClipTriggerQuantisation,
} from './clipTriggerQuantisation.js'
export { colorToHex, hexToColor } from './colorToHex.js'
export { type CuePoint, decodeCuePoints } from './decodeCuePoints.js'
export { type DecodeTrackDataOptions, decodeTrackData, type TrackData } from './decodeTrackData.js'
export { decodeTrackList, type TrackList } from './decodeTrackList.js'
export {
  formatMidiRecordingQuantisation,
  MIDI_RECORDING_QUANTISATION_NAMES,
  type MidiRecordingQuantisationName,
  parseMidiRecordingQuantisation,
} from './midiRecordingQuantisation.js'
export { noteName, parseNoteName } from './noteName.js'
export { argsToNotes, NOTE_ARGS, type Note, notesToArgs, sortNotes } from './notesToArgs.js'
export { panToString, parsePan } from './panToString.js'
export {
  barLengthBeats,
  checkSignature,
  formatSignature,
  parseSignature,
  type TimeSignature,
} from './parseSignature.js'
export { quantisationBeats } from './quantisationBeats.js'
export { fromOscBool, parseBool, toOscBool } from './toOscBool.js'
export {
  dbToVolume,
  formatDb,
  LIVE_VOLUME_READINGS,
  MAX_VOLUME_DB,
  MIN_VOLUME_DB,
  parseDb,
  volumeToDb,
  volumeToString,
} from './volumeToDb.js'
