import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { SONG_STRUCTURE_FILE, type SongStructure, songStructureJson } from '@live/protocol'

/** Where Python's `tempfile.gettempdir()` would look, and how to test a folder (injectable for tests). */
export interface TempDirEnvironment {
  /** Environment variables. @default process.env */
  env?: Readonly<Record<string, string | undefined>> | undefined
  /** The platform. @default process.platform */
  platform?: NodeJS.Platform | undefined
  /** Whether a folder exists and can be written. @default a stat and access(W_OK) check */
  writable?: ((dir: string) => boolean) | undefined
  /** The working directory, Python's last resort. @default process.cwd() */
  cwd?: string | undefined
}

const isWritableDir = (dir: string): boolean => {
  try {
    if (!statSync(dir).isDirectory()) return false
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The folder AbletonOSC's `/live/song/export/structure` writes to: Python's `tempfile.gettempdir()`
 * (the first writable of `$TMPDIR`, `$TEMP`, `$TMP`, then the platform's folders, then the working
 * directory), after AbletonOSC empties `TMPDIR` on macOS so the file lands in `/tmp` (BEHAVIOUR §11).
 *
 * @example
 * pythonTempDir({ env: { TMPDIR: '/var/folders/x' }, platform: 'darwin' }) // '/tmp'
 */
export function pythonTempDir(options: TempDirEnvironment = {}): string {
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  const writable = options.writable ?? isWritableDir
  const cwd = options.cwd ?? process.cwd()
  const candidates: string[] = []
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) {
    if (name === 'TMPDIR' && platform === 'darwin') continue // os.environ["TMPDIR"] = "" in AbletonOSC
    const value = env[name]
    if (value) candidates.push(value)
  }
  if (platform === 'win32') {
    candidates.push(join(env.USERPROFILE ?? homedir(), 'AppData', 'Local', 'Temp'))
    if (env.SYSTEMROOT) candidates.push(join(env.SYSTEMROOT, 'Temp'))
    candidates.push('c:\\temp', 'c:\\tmp', '\\temp', '\\tmp')
  } else {
    candidates.push('/tmp', '/var/tmp', '/usr/tmp')
  }
  candidates.push(cwd)
  const found = candidates.find((dir) => writable(dir)) ?? cwd
  return isAbsolute(found) ? found : resolve(cwd, found)
}

const ERRNO: Record<string, [number, string]> = {
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
}

/**
 * Writes the structure file as AbletonOSC does (`json.dump` into `<folder>/abletonosc-song-structure.json`),
 * but through a temporary file and a rename so a reader never sees half a file. A failure throws
 * Python's `OSError` text (`[Errno 13] Permission denied: '<path>'`), which becomes the handler's error.
 *
 * @example
 * writeSongStructureFile('/tmp', readSongStructure(model)) // '/tmp/abletonosc-song-structure.json'
 */
export function writeSongStructureFile(folder: string, structure: SongStructure): string {
  const target = join(folder, SONG_STRUCTURE_FILE)
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(temporary, songStructureJson(structure))
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    const code = (error as NodeJS.ErrnoException).code ?? ''
    const [errno, text] = ERRNO[code] ?? [5, error instanceof Error ? error.message : String(error)]
    throw new Error(`[Errno ${errno}] ${text}: '${target}'`)
  }
  return target
}
