import type { LiveClient } from '@live/client'
import {
  dbToVolume,
  isLiveError,
  LiveError,
  MAX_VOLUME_DB,
  parseDb,
  parsePan,
  positionToBeats,
  volumeToDb,
} from '@live/protocol'
import { z } from 'zod'

/** A level in dB as a number (-6) or as the CLI takes it ("-6dB", "-inf"). */
export const dbArg = z.union([z.number(), z.string()])
/** A pan as Live shows it ("25L", "C", "50R") or a value -1..1. */
export const panArg = z.union([z.number(), z.string()])
/** A song position: beats from the start (a number) or Live's "bar.beat.sixteenth" from "1.1.1". */
export const positionArg = z.union([z.number().min(0), z.string()])

/**
 * Runs a parser of @live/protocol (the ones the CLI uses), naming the argument in its INVALID_ARGUMENTS message.
 *
 * @example
 * parseArg('signature', () => parseSignature('3/4'))
 */
export function parseArg<T>(arg: string, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (!isLiveError(error) || error.code !== 'INVALID_ARGUMENTS') throw error
    const message = error.shortMessage.startsWith(`${arg} `) ? error.shortMessage : `${arg}: ${error.shortMessage}`
    throw new LiveError('INVALID_ARGUMENTS', message, {
      metaMessages: [...error.metaMessages, `Fix ${arg} and try again.`],
    })
  }
}

/**
 * A dB argument as Live's fader value 0..1: -inf (or anything at or under -70 dB) is 0, +6 dB is 1.
 *
 * @example
 * volumeFromDb('-6dB', 'volume_db') // 0.7
 */
export function volumeFromDb(value: number | string, arg: string): number {
  const db = parseArg(arg, () => (typeof value === 'number' ? value : parseDb(value)))
  if (!(db <= MAX_VOLUME_DB)) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `${arg} ${JSON.stringify(value)} is out of range: the fader goes from -inf to +6 dB`,
      {
        metaMessages: ['0 dB is unity; give e.g. -6 or "-6dB".'],
      },
    )
  }
  return dbToVolume(db)
}

/** A pan argument as Live's value -1..1, through the CLI's parser (`parsePan`). */
export function panFromArg(value: number | string, arg: string): number {
  return parseArg(arg, () => parsePan(String(value)))
}

/** A fader value in dB for answers, to 0.1 dB; null is -inf (JSON has no infinity). */
export function dbOf(volume: number): number | null {
  const db = volumeToDb(Math.min(1, Math.max(0, volume)))
  return Number.isFinite(db) ? Math.round(db * 10) / 10 : null
}

/** A raw value to 3 decimals, for the second field beside a dB or a text. */
export const raw = (value: number): number => Math.round(value * 1000) / 1000

/** A position argument in beats: a number is beats, a text is Live's "bar.beat.sixteenth" ("5" is bar 5) in the song's signature. */
export async function beatsFromPosition(live: LiveClient, value: number | string, arg: string): Promise<number> {
  if (typeof value === 'number') return value
  const [numerator, denominator] = await Promise.all([
    live.song.signatureNumerator.get(),
    live.song.signatureDenominator.get(),
  ])
  return parseArg(arg, () => positionToBeats(value, { numerator, denominator }))
}
