/** What a WAV or AIFF header says about its audio. */
export interface AudioFileInfo {
  /** The container: RIFF/RF64 WAVE, AIFF, or AIFF-C. */
  readonly format: 'wav' | 'aiff' | 'aifc'
  /** Frames per second. */
  readonly sampleRate: number
  readonly channels: number
  /** Bits per sample as the header states it (16, 24, 32...). */
  readonly bitsPerSample: number
  /** Sample frames (one sample per channel each). */
  readonly frames: number
  /** `frames / sampleRate`. */
  readonly durationSeconds: number
}

/** A header that cannot be read: `reason` says what is wrong with it. */
export class AudioFileError extends Error {
  override name = 'AudioFileError'
  constructor(readonly reason: string) {
    super(reason)
  }
}

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4))

/**
 * Reads a WAV (RIFF, RF64/BW64, WAVE_FORMAT_EXTENSIBLE) or AIFF/AIFF-C header from the file's bytes:
 * pure bytes in, no file system. Pass the whole file: a data chunk cut short counts only the frames present.
 *
 * @example
 * const info = parseAudioFileInfo(new Uint8Array(await readFile('kick.wav')))
 * info.durationSeconds // 0.5
 */
export function parseAudioFileInfo(bytes: Uint8Array): AudioFileInfo {
  if (bytes.length < 12) throw new AudioFileError(`the file is too short to be WAV or AIFF (${bytes.length} bytes)`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const magic = ascii(bytes, 0)
  if ((magic === 'RIFF' || magic === 'RF64' || magic === 'BW64') && ascii(bytes, 8) === 'WAVE')
    return parseWave(bytes, view)
  if (magic === 'FORM' && (ascii(bytes, 8) === 'AIFF' || ascii(bytes, 8) === 'AIFC')) return parseAiff(bytes, view)
  throw new AudioFileError('not a WAV or AIFF file (no RIFF/RF64 WAVE or FORM AIFF header)')
}

function parseWave(bytes: Uint8Array, view: DataView): AudioFileInfo {
  let fmt: { channels: number; sampleRate: number; blockAlign: number; bits: number } | undefined
  let dataBytes: number | undefined
  let ds64DataSize: number | undefined
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at)
    const size = view.getUint32(at + 4, true)
    const body = at + 8
    if (id === 'ds64' && body + 16 <= bytes.length) {
      ds64DataSize = Number(view.getBigUint64(body + 8, true))
    } else if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new AudioFileError(`the fmt chunk is cut short (${size} bytes)`)
      fmt = {
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      }
    } else if (id === 'data') {
      const declared = size === 0xffffffff && ds64DataSize !== undefined ? ds64DataSize : size
      dataBytes = Math.min(declared, bytes.length - body)
      break
    }
    at = body + size + (size % 2) // chunks are padded to an even length
  }
  if (!fmt) throw new AudioFileError('the WAV file has no fmt chunk')
  if (dataBytes === undefined) throw new AudioFileError('the WAV file has no data chunk')
  if (fmt.channels === 0 || fmt.blockAlign === 0 || fmt.sampleRate === 0) {
    throw new AudioFileError(
      `the fmt chunk is invalid (${fmt.channels} channels, ${fmt.sampleRate} Hz, block align ${fmt.blockAlign})`,
    )
  }
  const frames = Math.floor(dataBytes / fmt.blockAlign)
  return info('wav', fmt.sampleRate, fmt.channels, fmt.bits, frames)
}

function parseAiff(bytes: Uint8Array, view: DataView): AudioFileInfo {
  const format = ascii(bytes, 8) === 'AIFC' ? 'aifc' : 'aiff'
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at)
    const size = view.getUint32(at + 4, false)
    const body = at + 8
    if (id === 'COMM') {
      if (size < 18 || body + 18 > bytes.length) throw new AudioFileError(`the COMM chunk is cut short (${size} bytes)`)
      const channels = view.getInt16(body, false)
      const frames = view.getUint32(body + 2, false)
      const bits = view.getInt16(body + 6, false)
      const sampleRate = extended80(view, body + 8)
      if (channels <= 0 || !(sampleRate > 0)) {
        throw new AudioFileError(`the COMM chunk is invalid (${channels} channels, ${sampleRate} Hz)`)
      }
      return info(format, sampleRate, channels, bits, frames)
    }
    at = body + size + (size % 2)
  }
  throw new AudioFileError('the AIFF file has no COMM chunk')
}

/** An 80-bit IEEE 754 extended float (big-endian), AIFF's sample rate. */
function extended80(view: DataView, at: number): number {
  const signAndExponent = view.getUint16(at, false)
  const hi = view.getUint32(at + 2, false)
  const lo = view.getUint32(at + 6, false)
  const exponent = signAndExponent & 0x7fff
  if (exponent === 0 && hi === 0 && lo === 0) return 0
  if (exponent === 0x7fff) return Number.NaN
  const mantissa = hi * 2 ** 32 + lo
  const value = mantissa * 2 ** (exponent - 16383 - 63)
  return signAndExponent & 0x8000 ? -value : value
}

function info(format: AudioFileInfo['format'], sampleRate: number, channels: number, bits: number, frames: number) {
  return { format, sampleRate, channels, bitsPerSample: bits, frames, durationSeconds: frames / sampleRate }
}
