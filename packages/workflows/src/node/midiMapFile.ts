import { readFile } from 'node:fs/promises'
import { LiveError } from '@live/protocol'
import type { MidiMap, MidiMapInput } from '../mapping/midiMapSchema.js'
import { checkMidiMap, parseMidiMap } from '../mapping/parseMidiMap.js'
import { writeFileAtomic } from './writeFileAtomic.js'

/**
 * Reads a mapping file; a problem in it is INVALID_ARGUMENTS naming the file, line, column and field, a file that
 * cannot be read is FILE_FAILED.
 *
 * @example
 * const map = await loadMidiMapFile('nano.json')
 */
export async function loadMidiMapFile(path: string): Promise<MidiMap> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new LiveError(
      'FILE_FAILED',
      `${path}: cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      {
        metaMessages: ['Check the path; `live map presets` lists the built-in mappings.'],
        details: { path },
        cause: error,
      },
    )
  }
  return parseMidiMap(text, { source: path })
}

/**
 * Writes a mapping file atomically (temporary file, then rename), after checking it.
 *
 * @example
 * await saveMidiMapFile('nano.json', map)
 */
export async function saveMidiMapFile(path: string, map: MidiMap | MidiMapInput): Promise<void> {
  const checked = checkMidiMap(map, path)
  const ordered = { format: 'live-midi-map', version: 1, ...checked }
  try {
    await writeFileAtomic(path, `${JSON.stringify(ordered, null, 2)}\n`)
  } catch (error) {
    throw new LiveError(
      'FILE_FAILED',
      `${path}: could not be written: ${error instanceof Error ? error.message : String(error)}`,
      {
        metaMessages: ['Check that the folder exists and is writable.'],
        details: { path },
        cause: error,
      },
    )
  }
}
