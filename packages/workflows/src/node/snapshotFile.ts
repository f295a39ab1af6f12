import { readFile } from 'node:fs/promises'
import { LiveError } from '@live/protocol'
import { formatPath } from '../scheduler/parseOptions.js'
import { type Snapshot, snapshotSchema } from '../snapshot/snapshotSchema.js'
import { writeFileAtomic } from './writeFileAtomic.js'

function fileFailed(path: string, what: string, cause?: unknown, hints: readonly string[] = []): LiveError {
  return new LiveError('FILE_FAILED', `${path}: ${what}`, {
    metaMessages: hints,
    details: { path },
    ...(cause === undefined ? {} : { cause }),
  })
}

/**
 * Saves a snapshot as JSON, atomically: written to a temporary file in the same folder, flushed to disk,
 * then renamed over `path`, so a crash mid-write never leaves a half-written snapshot where a good one was.
 *
 * @example
 * await saveSnapshotFile('verse.live-snapshot.json', await takeSnapshot(live))
 */
export async function saveSnapshotFile(path: string, snapshot: Snapshot): Promise<void> {
  const checked = snapshotSchema.safeParse(snapshot)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    throw fileFailed(path, `not saved: field ${formatPath(issue.path) || '(root)'} is invalid: ${issue.message}`)
  }
  try {
    await writeFileAtomic(path, `${JSON.stringify(checked.data, null, 2)}\n`)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw fileFailed(path, `could not be written: ${reason}`, error, ['Check that the folder exists and is writable.'])
  }
}

/**
 * Loads a snapshot saved by {@link saveSnapshotFile}; rejects with FILE_FAILED naming the path and the failing field.
 *
 * @example
 * const snapshot = await loadSnapshotFile('verse.live-snapshot.json')
 * await restoreSnapshot(live, snapshot)
 */
export async function loadSnapshotFile(path: string): Promise<Snapshot> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw fileFailed(path, `could not be read: ${reason}`, error)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw fileFailed(path, `is not JSON: ${reason}`, error, [
      'Was it written by saveSnapshotFile or `live snapshot save`?',
    ])
  }
  const result = snapshotSchema.safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const field = formatPath(issue.path) || '(root)'
    throw fileFailed(path, `is not a valid snapshot: field ${field}: ${issue.message}`, result.error, [
      'The file may be damaged or written by another program; take a new snapshot.',
    ])
  }
  return result.data
}
