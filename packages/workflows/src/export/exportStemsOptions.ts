import { z } from 'zod'
import { numberIn, wholeNumber } from '../record/parseWorkflowOptions.js'

/** Options of `exportStems`. */
export const exportStemsOptionsSchema = z
  .strictObject({
    /** The tracks to export, by index or name, or every track. */
    tracks: z.union([
      z.literal('all'),
      z
        .array(z.union([wholeNumber(0, 999), z.string().min(1)]))
        .min(1, { error: 'expected at least one track index or name, or "all"' }),
    ]),
    /** Bars per stem. @default the song's length (`song_length`) */
    bars: wholeNumber(1, 1024, 'bars').optional(),
    /** Beats per stem, instead of bars. */
    beats: numberIn(0.25, 4096, 'beats').optional(),
    /** The name of each stem's clip or file; `{track}` is the track's name, `{index}` its number. @default '{track} stem' */
    namePattern: z
      .string()
      .min(1, { error: 'expected a non-empty pattern such as "{track} stem"' })
      .default('{track} stem'),
    /** Record into a new audio track with its input on Resampling. @default true */
    createResampleTrack: z.boolean().default(true),
    /** The audio track to record into when `createResampleTrack` is false. */
    resampleTrack: wholeNumber(0, 999).optional(),
    /** `auto`: the bridge writes files when it answers, else resampling; or force one. @default 'auto' */
    method: z.enum(['auto', 'resample', 'bridge']).default('auto'),
    /** Bridge only: the folder the bridge writes the WAV files to, inside the export folder set in the device. @default 'Stems' */
    folder: z.string().min(1).default('Stems'),
    /** Plan only: return the messages, send nothing. @default false */
    dryRun: z.boolean().default(false),
  })
  .refine((o) => o.bars === undefined || o.beats === undefined, {
    error: 'give bars or beats, not both',
    path: ['beats'],
  })
  .refine((o) => o.createResampleTrack || o.resampleTrack !== undefined, {
    error: 'with createResampleTrack: false, name the audio track to record into',
    path: ['resampleTrack'],
  })

/** What `exportStems` accepts. */
export type ExportStemsOptions = z.input<typeof exportStemsOptionsSchema>

/** One exported stem. */
export interface ExportedStem {
  /** The source track's index. */
  readonly track: number
  /** The source track's name. */
  readonly trackName: string
  /** The stem's name (clip name; file name without extension). */
  readonly name: string
  /** Where its clip is on the resampling track (resample method), else null. */
  readonly slot: number | null
  /** The file the bridge wrote (bridge method), else null. */
  readonly file: string | null
  /** Its length in beats. */
  readonly lengthBeats: number
}

/** What `exportStems` did, and what is left for a person to do. */
export interface ExportStemsResult {
  /** `bridge`: files written by the Max for Live bridge; `resample`: clips recorded in the set. */
  readonly method: 'bridge' | 'resample'
  /** The track holding the recorded clips (resample method), else null. */
  readonly resampleTrack: number | null
  readonly stems: readonly ExportedStem[]
  /** True when audio files exist on disk; false when Live's own export must do the last step. */
  readonly filesWritten: boolean
  /** What happened, in plain words. */
  readonly notes: readonly string[]
}

/** The stem name for a track. */
export function stemName(pattern: string, trackName: string, index: number): string {
  return pattern.replaceAll('{track}', trackName).replaceAll('{index}', String(index + 1))
}

/** The words a resample export ends with: what the Remote Script API cannot do. */
export function resampleNote(track: number, trackName: string): string {
  return (
    `The stems are clips on track ${track + 1} '${trackName}'. A Remote Script (AbletonOSC) cannot write audio ` +
    "files: export them with Live's own export (File > Export Audio/Video), or load the @live Max for Live bridge, which can."
  )
}
