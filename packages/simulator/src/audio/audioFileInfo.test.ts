import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeSilence } from '../server/simulatedExport.js'
import { AudioFileError, parseAudioFileInfo } from './audioFileInfo.js'
import { readAudioFileInfo } from './readAudioFileInfo.js'

const dir = mkdtempSync(join(tmpdir(), 'live-audio-info-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Spec {
  rate: number
  channels: number
  bits: number
  frames: number
}

/** A PCM WAV file; `rf64` writes the RF64 layout (ds64 chunk, 0xFFFFFFFF sizes), `extensible` format 0xFFFE. */
function wav(
  { rate, channels, bits, frames }: Spec,
  options: { rf64?: boolean; extensible?: boolean; junk?: number } = {},
) {
  const block = channels * (bits / 8)
  const data = Buffer.alloc(frames * block)
  const fmtSize = options.extensible ? 40 : 16
  const fmt = Buffer.alloc(8 + fmtSize)
  fmt.write('fmt ', 0, 'ascii')
  fmt.writeUInt32LE(fmtSize, 4)
  fmt.writeUInt16LE(options.extensible ? 0xfffe : 1, 8)
  fmt.writeUInt16LE(channels, 10)
  fmt.writeUInt32LE(rate, 12)
  fmt.writeUInt32LE(rate * block, 16)
  fmt.writeUInt16LE(block, 20)
  fmt.writeUInt16LE(bits, 22)
  const chunks: Buffer[] = []
  if (options.rf64) {
    const ds64 = Buffer.alloc(8 + 28)
    ds64.write('ds64', 0, 'ascii')
    ds64.writeUInt32LE(28, 4)
    ds64.writeBigUInt64LE(BigInt(data.length + 100), 8)
    ds64.writeBigUInt64LE(BigInt(data.length), 16)
    ds64.writeBigUInt64LE(BigInt(frames), 24)
    chunks.push(ds64)
  }
  chunks.push(fmt)
  if (options.junk !== undefined) {
    const junk = Buffer.alloc(8 + options.junk + (options.junk % 2))
    junk.write('JUNK', 0, 'ascii')
    junk.writeUInt32LE(options.junk, 4)
    chunks.push(junk)
  }
  const dataHeader = Buffer.alloc(8)
  dataHeader.write('data', 0, 'ascii')
  dataHeader.writeUInt32LE(options.rf64 ? 0xffffffff : data.length, 4)
  chunks.push(dataHeader, data)
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(12)
  head.write(options.rf64 ? 'RF64' : 'RIFF', 0, 'ascii')
  head.writeUInt32LE(options.rf64 ? 0xffffffff : body.length + 4, 4)
  head.write('WAVE', 8, 'ascii')
  return Buffer.concat([head, body])
}

/** An 80-bit extended float for an integer rate. */
function extended(rate: number): Buffer {
  const out = Buffer.alloc(10)
  const exponent = Math.floor(Math.log2(rate))
  out.writeUInt16BE(16383 + exponent, 0)
  out.writeBigUInt64BE(BigInt(rate) << BigInt(63 - exponent), 2)
  return out
}

function aiff({ rate, channels, bits, frames }: Spec, aifc = false) {
  const data = Buffer.alloc(frames * channels * (bits / 8))
  const commSize = aifc ? 18 + 4 + 6 : 18 // AIFC: compression type 'NONE' + pstring "not compressed"-ish
  const comm = Buffer.alloc(8 + commSize)
  comm.write('COMM', 0, 'ascii')
  comm.writeUInt32BE(commSize, 4)
  comm.writeInt16BE(channels, 8)
  comm.writeUInt32BE(frames, 10)
  comm.writeInt16BE(bits, 14)
  extended(rate).copy(comm, 16)
  if (aifc) {
    comm.write('NONE', 26, 'ascii')
    comm.writeUInt8(4, 30)
    comm.write('none', 31, 'ascii')
  }
  const ssnd = Buffer.alloc(16)
  ssnd.write('SSND', 0, 'ascii')
  ssnd.writeUInt32BE(8 + data.length, 4)
  const body = Buffer.concat([comm, ssnd, data])
  const head = Buffer.alloc(12)
  head.write('FORM', 0, 'ascii')
  head.writeUInt32BE(body.length + 4, 4)
  head.write(aifc ? 'AIFC' : 'AIFF', 8, 'ascii')
  return Buffer.concat([head, body])
}

const parse = (bytes: Buffer) => parseAudioFileInfo(new Uint8Array(bytes))

describe('parseAudioFileInfo', () => {
  it('reads WAV files of the common depths, layouts and rates', () => {
    expect(parse(wav({ rate: 44100, channels: 2, bits: 16, frames: 44100 }))).toEqual({
      format: 'wav',
      sampleRate: 44100,
      channels: 2,
      bitsPerSample: 16,
      frames: 44100,
      durationSeconds: 1,
    })
    expect(parse(wav({ rate: 48000, channels: 1, bits: 24, frames: 24000 }, { junk: 33 }))).toMatchObject({
      sampleRate: 48000,
      channels: 1,
      bitsPerSample: 24,
      frames: 24000,
      durationSeconds: 0.5,
    })
    expect(parse(wav({ rate: 96000, channels: 2, bits: 32, frames: 12000 }, { extensible: true }))).toMatchObject({
      sampleRate: 96000,
      bitsPerSample: 32,
      frames: 12000,
      durationSeconds: 0.125,
    })
    expect(parse(wav({ rate: 48000, channels: 2, bits: 24, frames: 4800 }, { rf64: true }))).toMatchObject({
      format: 'wav',
      frames: 4800,
      durationSeconds: 0.1,
    })
  })

  it('reads AIFF and AIFF-C, with the 80-bit extended sample rate', () => {
    expect(parse(aiff({ rate: 44100, channels: 2, bits: 16, frames: 88200 }))).toEqual({
      format: 'aiff',
      sampleRate: 44100,
      channels: 2,
      bitsPerSample: 16,
      frames: 88200,
      durationSeconds: 2,
    })
    expect(parse(aiff({ rate: 48000, channels: 1, bits: 24, frames: 12000 }, true))).toMatchObject({
      format: 'aifc',
      sampleRate: 48000,
      channels: 1,
      bitsPerSample: 24,
      durationSeconds: 0.25,
    })
  })

  it("reads the simulator's own exported silence (WAV and AIFF)", async () => {
    writeSilence(join(dir, 'silence.wav'), 'wave', 22050)
    writeSilence(join(dir, 'silence.aif'), 'aiff', 22050)
    for (const name of ['silence.wav', 'silence.aif']) {
      expect(await readAudioFileInfo(join(dir, name))).toMatchObject({
        sampleRate: 44100,
        channels: 2,
        frames: 22050,
        durationSeconds: 0.5,
      })
    }
  })

  it('counts only the frames present when the data chunk is cut short', () => {
    const whole = wav({ rate: 44100, channels: 2, bits: 16, frames: 1000 })
    expect(parse(whole.subarray(0, whole.length - 400)).frames).toBe(900)
  })

  it('refuses corrupt files, saying what is wrong', () => {
    const reasons = (bytes: Buffer) => {
      try {
        parse(bytes)
        return 'parsed'
      } catch (error) {
        return error instanceof AudioFileError ? error.reason : `unexpected ${String(error)}`
      }
    }
    const good = wav({ rate: 44100, channels: 2, bits: 16, frames: 10 })
    const noData = good.subarray(0, 36)
    const zeroChannels = Buffer.from(good)
    zeroChannels.writeUInt16LE(0, 22)
    const aiffOnlyHeader = aiff({ rate: 44100, channels: 2, bits: 16, frames: 10 }).subarray(0, 12)
    expect([
      reasons(Buffer.alloc(0)),
      reasons(Buffer.from('ID3\u0004 this is an mp3, really')),
      reasons(noData),
      reasons(good.subarray(0, 20)),
      reasons(zeroChannels),
      reasons(aiffOnlyHeader),
    ]).toMatchInlineSnapshot(`
      [
        "the file is too short to be WAV or AIFF (0 bytes)",
        "not a WAV or AIFF file (no RIFF/RF64 WAVE or FORM AIFF header)",
        "the WAV file has no data chunk",
        "the fmt chunk is cut short (16 bytes)",
        "the fmt chunk is invalid (0 channels, 44100 Hz, block align 4)",
        "the AIFF file has no COMM chunk",
      ]
    `)
  })
})

describe('readAudioFileInfo', () => {
  it('turns a missing or corrupt file into a RuntimeError with the path', async () => {
    writeFileSync(join(dir, 'broken.wav'), 'RIFF....WAVEnope')
    const failure = async (path: string) =>
      readAudioFileInfo(path).then(
        () => 'read',
        (error: unknown) =>
          `${(error as { kind?: string }).kind}: ${String((error as Error).message).replace(dir, '<dir>')}`,
      )
    expect([await failure(join(dir, 'missing.wav')), await failure(join(dir, 'broken.wav'))]).toMatchInlineSnapshot(`
      [
        "RuntimeError: Audio file not found: '<dir>/missing.wav'",
        "RuntimeError: Cannot read audio file '<dir>/broken.wav': the WAV file has no fmt chunk",
      ]
    `)
  })
})
