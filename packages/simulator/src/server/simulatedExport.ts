import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  type AudioExport,
  beatsPerBar,
  type ClientAddress,
  createAudioExport,
  type LiveObjectModel,
  type OscMessage,
  type RecorderCommand,
} from '@live/protocol'
import type { SimulatorLogger } from './simulatorLogger.js'

/** What {@link createSimulatedExport} needs. */
export interface SimulatedExportOptions {
  /** The set being served: its song time moves the recording. */
  readonly model: LiveObjectModel
  /** The folder exports go into, as set in the device; undefined refuses every export, as the device does. */
  readonly folder: string | undefined
  /** Sends one OSC message to a client. */
  readonly send: (message: OscMessage, to: ClientAddress) => void
  /** Where a file that cannot be written is reported. */
  readonly logger: SimulatorLogger
}

/** The bridge's `/live/bridge/export/*` on the simulator. */
export interface SimulatedExport {
  /** Handles an export address; false for any other address. */
  handle(address: string, args: Parameters<AudioExport['handle']>[1], from: ClientAddress): boolean
  /** Stops following the song and forgets an unfinished recording (no file is written). */
  dispose(): void
}

/** The simulator's recordings: 44.1 kHz, 16-bit, stereo. */
const SAMPLE_RATE = 44_100
const CHANNELS = 2
const BYTES_PER_SAMPLE = 2

/**
 * The device's export, with the recorder played by the simulator: the same state machine, path policy and
 * texts (`createAudioExport` from @live/protocol), and in place of sfrecord~ and its two `timepoint`s a
 * recorder that follows the set's song time. Recording begins when the playing song reaches the start bar
 * and ends at the end bar (or on `stop`); the file is then written (to a temporary name, then renamed)
 * with the recorded length at the tempo of the moment. The simulator has no audio engine: the samples are
 * silence. Missing folders under the export folder are created.
 *
 * @example
 * const exporter = createSimulatedExport({ model, folder: '/tmp/exports', send, logger })
 * exporter.handle('/live/bridge/export/start', ['mix.wav', 'wav', 4], client)
 */
export function createSimulatedExport(options: SimulatedExportOptions): SimulatedExport {
  const { model, logger } = options
  let file: { path: string; format: 'wave' | 'aiff' } | undefined
  let startBar: number | undefined
  let stopBar: number | undefined
  let recordedFrom: number | undefined
  let unobserve: (() => void) | undefined

  const beatOf = (bar: number) => (bar - 1) * beatsPerBar(model)
  const songTime = () => Number(model.get('live_set', 'current_song_time'))

  function follow(): void {
    if (unobserve !== undefined) return
    unobserve = model.observe('live_set', 'current_song_time', check)
  }

  function forget(): void {
    unobserve?.()
    unobserve = undefined
    file = undefined
    startBar = undefined
    stopBar = undefined
    recordedFrom = undefined
  }

  function check(): void {
    if (model.get('live_set', 'is_playing') !== true) return
    const now = songTime()
    if (recordedFrom === undefined && startBar !== undefined && now >= beatOf(startBar) - 1e-9) {
      recordedFrom = beatOf(startBar)
      exporter.started()
    }
    if (recordedFrom !== undefined && stopBar !== undefined && now >= beatOf(stopBar) - 1e-9) {
      write(beatOf(stopBar))
      exporter.stopped()
    }
  }

  /** Writes what was recorded up to `untilBeat` and stops following the song. */
  function write(untilBeat: number): void {
    const target = file
    const from = recordedFrom
    forget()
    if (target === undefined) return
    const seconds =
      from === undefined ? 0 : (Math.max(0, untilBeat - from) * 60) / Number(model.get('live_set', 'tempo'))
    try {
      writeSilence(target.path, target.format, Math.round(seconds * SAMPLE_RATE))
    } catch (error) {
      logger.warn(`export to ${target.path} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  function recorder(...command: RecorderCommand): void {
    switch (command[0]) {
      case 'open':
        file = { path: command[1], format: command[2] }
        break
      case 'start':
        startBar = command[1]
        break
      case 'stop':
        stopBar = command[1]
        break
      case 'armstart':
        if (command[1] === 1) follow()
        break
      case 'armstop':
        // Disarming alone changes nothing here: the start and stop bars are kept until the recording ends.
        break
      case 'stopnow':
        write(songTime())
        break
    }
  }

  const exporter = createAudioExport({ model, folder: () => options.folder, recorder, send: options.send })

  return {
    handle: (address, args, from) => exporter.handle(address, args, from),
    dispose: forget,
  }
}

/**
 * Writes `frames` frames of silence as 16-bit stereo PCM at 44.1 kHz, WAV or AIFF, through a temporary
 * file renamed into place, so a reader never sees half a file.
 */
export function writeSilence(path: string, format: 'wave' | 'aiff', frames: number): void {
  mkdirSync(dirname(path), { recursive: true })
  const dataBytes = frames * CHANNELS * BYTES_PER_SAMPLE
  const header = format === 'wave' ? waveHeader(dataBytes) : aiffHeader(frames, dataBytes)
  const temporary = `${path}.${process.pid}.partial`
  const fd = openSync(temporary, 'w')
  try {
    writeSync(fd, header)
    const zeros = Buffer.alloc(Math.min(dataBytes, 1 << 16))
    for (let left = dataBytes; left > 0; left -= zeros.length) writeSync(fd, zeros, 0, Math.min(left, zeros.length))
    closeSync(fd)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

function waveHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + dataBytes, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(CHANNELS, 22)
  header.writeUInt32LE(SAMPLE_RATE, 24)
  header.writeUInt32LE(SAMPLE_RATE * CHANNELS * BYTES_PER_SAMPLE, 28)
  header.writeUInt16LE(CHANNELS * BYTES_PER_SAMPLE, 32)
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(dataBytes, 40)
  return header
}

function aiffHeader(frames: number, dataBytes: number): Buffer {
  const header = Buffer.alloc(54)
  header.write('FORM', 0, 'ascii')
  header.writeUInt32BE(46 + dataBytes, 4)
  header.write('AIFF', 8, 'ascii')
  header.write('COMM', 12, 'ascii')
  header.writeUInt32BE(18, 16)
  header.writeUInt16BE(CHANNELS, 20)
  header.writeUInt32BE(frames, 22)
  header.writeUInt16BE(BYTES_PER_SAMPLE * 8, 26)
  // 44100 as an 80-bit IEEE 754 extended float: exponent 0x400E, mantissa 0xAC44 << 48.
  Buffer.from([0x40, 0x0e, 0xac, 0x44, 0, 0, 0, 0, 0, 0]).copy(header, 28)
  header.write('SSND', 38, 'ascii')
  header.writeUInt32BE(8 + dataBytes, 42)
  header.writeUInt32BE(0, 46) // offset
  header.writeUInt32BE(0, 50) // block size
  return header
}
