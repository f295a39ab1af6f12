/**
 * @packageDocumentation
 * `@live/workflows/node`: the parts that need Node (MIDI ports, snapshot and mapping files).
 */

export { listMidiInputs, listMidiPorts, openMidiInput, openVirtualInput } from './midiInput.js'
export { loadMidiMapFile, saveMidiMapFile } from './midiMapFile.js'
export { listMidiOutputs, type MidiOutputPort, openMidiOutput, openVirtualOutput } from './midiOutput.js'
export { loadSnapshotFile, saveSnapshotFile } from './snapshotFile.js'
export { writeFileAtomic } from './writeFileAtomic.js'
