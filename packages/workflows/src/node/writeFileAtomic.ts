import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes a text file atomically: to a temporary file in the same folder, flushed to disk, then renamed over
 * `path`, so a crash mid-write never leaves half a file where a good one was. Rejects with the system's error.
 *
 * @example
 * await writeFileAtomic('map.json', JSON.stringify(map, null, 2))
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {})
    throw error
  }
  // Flush the rename itself; not every platform lets a folder be opened for this, and the data is already safe.
  try {
    const folder = await open(dirname(path), 'r')
    await folder.sync().finally(() => folder.close())
  } catch {}
}
