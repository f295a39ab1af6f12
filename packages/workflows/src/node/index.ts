/**
 * @packageDocumentation
 * `@live/workflows/node`: the parts that need Node (MIDI ports, snapshot files).
 */
export { listMidiOutputs, type MidiOutputPort, openMidiOutput, openVirtualOutput } from './midiOutput.js'
export { loadSnapshotFile, saveSnapshotFile } from './snapshotFile.js'
