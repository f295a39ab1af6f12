import { readFile, rename, writeFile } from 'node:fs/promises'
import { LiveError } from '@live/protocol'
import { parseLiveSet } from './parseLiveSet.js'
import type { LiveSetData } from './schema.js'

/**
 * Reads and validates a Live set JSON file; failures are `FILE_FAILED` (I/O, JSON) or `INVALID_ARGUMENTS` (schema).
 *
 * @example
 * const live = createLiveSet({ set: await loadLiveSetFile('my-set.json') })
 */
export async function loadLiveSetFile(path: string): Promise<LiveSetData> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new LiveError('FILE_FAILED', `cannot read ${path}`, {
      cause,
      metaMessages: ['Check the path and permissions.'],
    })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new LiveError('FILE_FAILED', `${path} is not valid JSON`, { cause, metaMessages: [(cause as Error).message] })
  }
  try {
    return parseLiveSet(json)
  } catch (error) {
    if (error instanceof LiveError) {
      throw new LiveError(error.code, `${path}: ${error.shortMessage}`, {
        metaMessages: error.metaMessages,
        details: error.details,
      })
    }
    throw error
  }
}

/**
 * Writes a Live set as JSON, through a temporary file and a rename so a crash never leaves half a file.
 *
 * @example
 * await saveLiveSetFile('my-set.json', live.toJSON())
 */
export async function saveLiveSetFile(path: string, data: LiveSetData): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`
  try {
    await writeFile(temp, `${JSON.stringify(data, null, 2)}\n`, 'utf8')
    await rename(temp, path)
  } catch (cause) {
    throw new LiveError('FILE_FAILED', `cannot write ${path}`, {
      cause,
      metaMessages: ['Check the directory exists and is writable.'],
    })
  }
}
