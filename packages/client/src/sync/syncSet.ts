import { argsToNotes, decodeCuePoints, decodeTrackData, findEntry, isLiveError, type OscValue } from '@live/protocol'
import { replyValue } from '../api/replyValue.js'
import type { CallOptions } from '../core/callOptions.js'
import type { ClientCore } from '../core/createCore.js'
import { type LiveSet, type LiveSetTrack, liveSetSchema } from './liveSetSchema.js'

/** Where a sync is: what it has fetched of what it knows it must fetch. */
export interface SyncProgress {
  readonly done: number
  readonly total: number
  /** `song`, `tracks`, `details` (devices, clips, notes) or `view`. */
  readonly phase: 'song' | 'tracks' | 'details' | 'view'
}

/** Options of `live.sync()`. */
export interface SyncOptions extends CallOptions {
  /** Called after each reply. */
  onProgress?: ((progress: SyncProgress) => void) | undefined
  /** Fetch the notes of MIDI clips. @default true */
  notes?: boolean | undefined
  /** Fetch device parameters. @default true */
  parameters?: boolean | undefined
}

const SONG_PROPERTIES = [
  'tempo',
  'is_playing',
  'current_song_time',
  'signature_numerator',
  'signature_denominator',
  'metronome',
  'loop',
  'loop_start',
  'loop_length',
  'clip_trigger_quantization',
  'record_mode',
  'session_record',
  'groove_amount',
  'root_note',
  'scale_name',
  'song_length',
] as const

/** Everything per track that one `track_data` request can carry (devices counted by `track.num_devices`). */
const TRACK_DATA = [
  'track.name',
  'track.color',
  'track.mute',
  'track.solo',
  'track.num_devices',
  'device.name',
  'device.class_name',
  'device.type',
  'clip_slot.has_clip',
  'clip.is_midi_clip',
  'clip.looping',
  'clip.name',
  'clip.length',
  'clip.color',
]
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/**
 * Fetches the whole set with the bulk addresses, many requests in flight at once (the client's
 * window bounds them), and returns it checked against {@link liveSetSchema}.
 *
 * @example
 * const set = await syncSet(core, { onProgress: ({ done, total }) => console.log(done, total) })
 */
export async function syncSet(core: ClientCore, options: SyncOptions = {}): Promise<LiveSet> {
  const { onProgress, signal } = options
  const call: CallOptions = { signal, timeout: options.timeout, retries: options.retries }
  let done = 0
  let total = 0
  let phase: SyncProgress['phase'] = 'song'
  const raw = async (address: string, args: readonly unknown[]): Promise<unknown[]> => {
    total++
    const reply = await core.request(address, args, call)
    done++
    onProgress?.({ done, total, phase })
    return reply
  }
  const read = async (address: string, args: readonly unknown[]): Promise<unknown> =>
    replyValue(findEntry(address)!, args, await raw(address, args))
  const list = async (address: string, args: readonly unknown[]) => (await read(address, args)) as OscValue[]

  // Rounds of requests in flight together, so a sync costs a few of AbletonOSC's ticks, not one per value.
  // Sends: AbletonOSC cannot count return tracks, so probe track 0's sends, alongside everything else.
  const returns = countSends(read)
  // Awaited per track below; when an earlier read fails first, its rejection must not go unhandled.
  returns.catch(() => {})
  const [numTracks, numScenes, sceneNames, cueValues, songValues] = await Promise.all([
    read('/live/song/get/num_tracks', []) as Promise<number>,
    read('/live/song/get/num_scenes', []) as Promise<number>,
    list('/live/song/get/scenes/name', []),
    list('/live/song/get/cue_points', []),
    Promise.all(SONG_PROPERTIES.map((p) => read(`/live/song/get/${p}`, []))),
  ])
  const song = Object.fromEntries(SONG_PROPERTIES.map((p, i) => [camel(p), songValues[i]]))
  phase = 'tracks'
  const trackIds = Array.from({ length: numTracks }, (_, i) => i)
  // One track_data for every track: its reply echoes nothing, so one request is also the one to match.
  const [data, scenes, mixers] = await Promise.all([
    numTracks === 0 ? Promise.resolve([]) : list('/live/song/get/track_data', [0, numTracks, ...TRACK_DATA]),
    Promise.all(
      sceneNames.map(async (name, index) => {
        const [color, tempo, tempoEnabled] = await Promise.all([
          read('/live/scene/get/color', [index]),
          read('/live/scene/get/tempo', [index]),
          read('/live/scene/get/tempo_enabled', [index]),
        ])
        return { index, name: String(name), color, tempo, tempoEnabled }
      }),
    ),
    Promise.all(
      trackIds.map(async (t) => {
        const numReturns = await returns
        return Promise.all([
          read('/live/track/get/arm', [t]),
          read('/live/track/get/volume', [t]),
          read('/live/track/get/panning', [t]),
          Promise.all(Array.from({ length: numReturns }, (_, s) => read('/live/track/get/send', [t, s]))),
        ])
      }),
    ),
  ])
  const rows = numTracks === 0 ? [] : decodeTrackData(data, { properties: TRACK_DATA, numScenes })
  const tracks: LiveSetTrack[] = trackIds.map((t) => {
    const row = rows[t] ?? {}
    const column = (key: string) => (row[key] ?? []) as OscValue[]
    const [names, lengths, colors, hasClip, isMidi, looping] = [
      'clip.name',
      'clip.length',
      'clip.color',
      'clip_slot.has_clip',
      'clip.is_midi_clip',
      'clip.looping',
    ].map(column) as [OscValue[], OscValue[], OscValue[], OscValue[], OscValue[], OscValue[]]
    const [deviceNames, classNames, types] = ['device.name', 'device.class_name', 'device.type'].map(column) as [
      OscValue[],
      OscValue[],
      OscValue[],
    ]
    const [arm, volume, panning, sends] = mixers[t]!
    return {
      index: t,
      name: String(row['track.name']),
      color: row['track.color'] as number | null,
      mute: row['track.mute'] as boolean | null,
      solo: row['track.solo'] as boolean | null,
      arm: arm as boolean | null,
      volume: volume as number,
      panning: panning as number,
      sends: sends as number[],
      devices: deviceNames.map((name, d) => ({
        index: d,
        name: String(name),
        className: String(classNames[d]),
        type: types[d] as number,
        parameters: [],
      })),
      clipSlots: Array.from({ length: numScenes }, (_, c) => ({
        index: c,
        hasClip: hasClip[c] === true,
        clip:
          hasClip[c] === true
            ? {
                name: String(names[c] ?? ''),
                length: lengths[c] as number,
                color: (colors[c] ?? null) as number | null,
                isMidi: isMidi[c] === true,
                looping: (looping[c] ?? null) as boolean | null,
                notes: [],
              }
            : null,
      })),
    }
  })

  phase = 'details'
  await Promise.all(
    tracks.flatMap((track) => [
      ...(options.parameters === false ? [] : track.devices).map(async (device) => {
        const ids = [track.index, device.index]
        const [names, values, mins, maxes, quantized] = await Promise.all(
          ['name', 'value', 'min', 'max', 'is_quantized'].map((p) => list(`/live/device/get/parameters/${p}`, ids)),
        )
        device.parameters = names!.map((name, p) => ({
          index: p,
          name: String(name),
          value: values![p] as number,
          min: mins![p] as number,
          max: maxes![p] as number,
          isQuantized: quantized![p] === true,
        }))
      }),
      ...(options.notes === false ? [] : track.clipSlots).map(async (slot) => {
        if (slot.clip === null || !slot.clip.isMidi) return
        const reply = await raw('/live/clip/get/notes', [track.index, slot.index])
        slot.clip.notes = argsToNotes(reply.slice(2) as OscValue[])
      }),
    ]),
  )

  phase = 'view'
  // One at a time: Live may refuse any of them (nothing selected), and its error names no address.
  const view = {
    selectedTrack: await optional(() => read('/live/view/get/selected_track', [])),
    selectedScene: await optional(() => read('/live/view/get/selected_scene', [])),
    selectedClip: await optional(() => read('/live/view/get/selected_clip', [])),
    selectedDevice: await optional(() => read('/live/view/get/selected_device', [])),
  }
  return liveSetSchema.parse({ song: { ...song, cuePoints: decodeCuePoints(cueValues) }, tracks, scenes, view })
}

/** A read that Live may refuse (nothing selected): null instead. */
async function optional(fetch: () => Promise<unknown>): Promise<unknown> {
  try {
    const value = await fetch()
    return Array.isArray(value) && value.some((v) => v === null || v === -1) ? null : (value ?? null)
  } catch (error) {
    if (isLiveError(error, 'LIVE_REJECTED')) return null
    throw error
  }
}

async function countSends(read: (address: string, args: readonly unknown[]) => Promise<unknown>): Promise<number> {
  for (let s = 0; s < 64; s++) {
    try {
      const value = await read('/live/track/get/send', [0, s])
      if (value === null || value === undefined) return s
    } catch (error) {
      if (isLiveError(error, 'LIVE_REJECTED')) return s
      throw error
    }
  }
  return 64
}
