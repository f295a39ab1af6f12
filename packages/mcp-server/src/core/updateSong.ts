import type { LiveClient } from '@live/client'
import {
  beatsToPosition,
  formatClipTriggerQuantisation,
  formatMidiRecordingQuantisation,
  LiveError,
  parseClipTriggerQuantisation,
  parseMidiRecordingQuantisation,
  parseSignature,
} from '@live/protocol'
import type { UpdateArgs } from '../tools/updateTool.js'
import { beatsFromPosition, parseArg } from './values.js'

/** A setting of the song: how to write the argument and how to read back what Live holds. */
interface Setting {
  write(live: LiveClient, value: never): Promise<unknown>
  read(live: LiveClient): Promise<unknown>
}

const flag = (pick: (live: LiveClient) => { get(): Promise<boolean>; set(v: boolean): Promise<unknown> }): Setting => ({
  write: (live, value: boolean) => pick(live).set(value),
  read: (live) => pick(live).get(),
})

const SETTINGS: Readonly<Record<string, Setting>> = {
  tempo: {
    write: (live, bpm: number) => live.song.tempo.set(bpm),
    read: async (live) => Math.round((await live.song.tempo.get()) * 100) / 100,
  },
  signature: {
    async write(live, text: string) {
      const { numerator, denominator } = parseArg('signature', () => parseSignature(text))
      await live.song.signatureNumerator.set(numerator)
      await live.song.signatureDenominator.set(denominator)
    },
    read: async (live) => `${await live.song.signatureNumerator.get()}/${await live.song.signatureDenominator.get()}`,
  },
  position: {
    write: async (live, value: number | string) =>
      live.song.currentSongTime.set(await beatsFromPosition(live, value, 'position')),
    async read(live) {
      const [beats, numerator, denominator] = await Promise.all([
        live.song.currentSongTime.get(),
        live.song.signatureNumerator.get(),
        live.song.signatureDenominator.get(),
      ])
      return beatsToPosition(Math.max(0, beats), { numerator, denominator })
    },
  },
  loop: flag((live) => live.song.loop),
  loop_start: {
    write: async (live, value: number | string) =>
      live.song.loopStart.set(await beatsFromPosition(live, value, 'loop_start')),
    read: (live) => live.song.loopStart.get(),
  },
  loop_length: {
    write: (live, beats: number) => live.song.loopLength.set(beats),
    read: (live) => live.song.loopLength.get(),
  },
  metronome: flag((live) => live.song.metronome),
  quantization: {
    write: (live, text: string) =>
      live.song.clipTriggerQuantization.set(parseArg('quantization', () => parseClipTriggerQuantisation(text))),
    read: async (live) => formatClipTriggerQuantisation(await live.song.clipTriggerQuantization.get()),
  },
  record_quantization: {
    write: (live, text: string) =>
      live.song.midiRecordingQuantization.set(
        parseArg('record_quantization', () => parseMidiRecordingQuantisation(text)),
      ),
    read: async (live) => formatMidiRecordingQuantisation(await live.song.midiRecordingQuantization.get()),
  },
  overdub: flag((live) => live.song.arrangementOverdub),
  punch_in: flag((live) => live.song.punchIn),
  punch_out: flag((live) => live.song.punchOut),
  groove: {
    write: (live, amount: number) => live.song.grooveAmount.set(amount),
    read: (live) => live.song.grooveAmount.get(),
  },
}

/**
 * Applies the song settings of an `ableton_update` call in argument order, then reads each back.
 *
 * @example
 * await updateSong(live, { loop: true, loop_start: '5.1.1', loop_length: 16 }) // { loop: true, loop_start: 16, loop_length: 16 }
 */
export async function updateSong(live: LiveClient, args: UpdateArgs): Promise<Record<string, unknown>> {
  const keys = Object.keys(SETTINGS).filter((key) => args[key as keyof UpdateArgs] !== undefined)
  if (args.tempo === null || args.signature === null) {
    throw new LiveError('INVALID_ARGUMENTS', 'tempo and signature can be null on a scene only (turning its own off)', {
      metaMessages: ['Give the song a number for tempo and a text like "4/4" for signature.'],
    })
  }
  for (const key of keys) await SETTINGS[key]!.write(live, args[key as keyof UpdateArgs] as never)
  const values = await Promise.all(keys.map((key) => SETTINGS[key]!.read(live)))
  return Object.fromEntries(keys.map((key, i) => [key, values[i]]))
}
