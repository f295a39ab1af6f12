import { readFile } from 'node:fs/promises'
import { LomError } from '@live/protocol'
import { AudioFileError, type AudioFileInfo, parseAudioFileInfo } from './audioFileInfo.js'

/**
 * [guess] Live's texts when `create_audio_clip` gets a file it cannot use: Live's own wording is not
 * public (no capture from a real Live), so these say what is wrong and where.
 */
export const AUDIO_FILE_ERRORS = {
  notFound: (path: string) => `Audio file not found: '${path}'`,
  unreadable: (path: string, reason: string) => `Cannot read audio file '${path}': ${reason}`,
} as const

/**
 * Reads a WAV or AIFF file's header for `create_audio_clip`; a missing, unreadable or corrupt file is
 * a `RuntimeError` ({@link AUDIO_FILE_ERRORS}), as Live raises one.
 *
 * @example
 * const { frames, sampleRate } = await readAudioFileInfo('/samples/kick.wav')
 */
export async function readAudioFileInfo(path: string): Promise<AudioFileInfo> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new LomError('RuntimeError', AUDIO_FILE_ERRORS.notFound(path))
    throw new LomError('RuntimeError', AUDIO_FILE_ERRORS.unreadable(path, code ?? String(error)))
  }
  try {
    return parseAudioFileInfo(bytes)
  } catch (error) {
    if (error instanceof AudioFileError)
      throw new LomError('RuntimeError', AUDIO_FILE_ERRORS.unreadable(path, error.reason))
    throw error
  }
}
