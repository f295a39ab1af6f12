import {
  argsToNotes,
  decodeCuePoints,
  decodeReply,
  decodeTrackData,
  findEntry,
  isLiveError,
  type OscMessage,
  type OscValue,
} from '@live/protocol'
import { replyValue } from '../api/replyValue.js'
import type { CallOptions } from '../core/callOptions.js'
import type { BulkOptions, ClientCore } from '../core/createCore.js'
import { nextTurn } from '../core/nextTurn.js'
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
/**
 * What one reply costs in a Linux receive buffer besides its payload (the skb), in bytes. Measured on
 * loopback: 64-byte datagrams cost 832 bytes each, 200-byte ones 1283, 1000-byte ones 2315.
 */
const KERNEL_BYTES_PER_DATAGRAM = 1024
/** A typical sync reply's payload, as the kernel counts it (parameter lists ~300 bytes, most values less). */
const TYPICAL_REPLY_BYTES = 400
/** The view getters `/live/view/get/*` answers (each only when something is selected). */
const VIEW = ['selected_track', 'selected_scene', 'selected_clip', 'selected_device'] as const

/**
 * The in-flight window of bulk reads: AbletonOSC drains its whole queue each tick and answers in one
 * burst, so the window is what the receive buffer holds, not what the server can take.
 */
function bulkWindow(core: ClientCore): number {
  const buffer = (core.transport as { readonly receiveBufferSize?: number | undefined }).receiveBufferSize
  if (buffer === undefined || !(buffer > 0)) return 256
  return Math.max(64, Math.min(4096, Math.floor(buffer / (TYPICAL_REPLY_BYTES + KERNEL_BYTES_PER_DATAGRAM))))
}

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
  await core.open(signal)
  const bulk: BulkOptions = { window: bulkWindow(core) }
  // Progress is reported in the phase a request belongs to (by default the one current when it is sent).
  type Phase = SyncProgress['phase']
  const raw = async (address: string, args: readonly unknown[], single = false, at: Phase = phase) => {
    total++
    try {
      return await core.request(address, args, call, single ? { window: bulk.window, batch: false } : bulk)
    } finally {
      // A refused read (the probe past the last send) is a finished step too: progress ends at done = total.
      done++
      onProgress?.({ done, total, phase: at })
    }
  }
  const read = async (address: string, args: readonly unknown[], single = false, at: Phase = phase) =>
    replyValue(findEntry(address)!, args, await raw(address, args, single, at))
  const list = async (address: string, args: readonly unknown[], at: Phase = phase) =>
    (await read(address, args, false, at)) as OscValue[]

  // Rounds of requests in flight together, so a sync costs a few of AbletonOSC's ticks, not one per value:
  // (1) song, counts, track_data and the view; (2) scenes, mixers, devices and notes; then the sends.
  // The view comes from one `/live/view/get/*`: AbletonOSC runs every view getter and skips the ones
  // with nothing selected (their ValueError), where single reads would each cost a tick and an error.
  const viewReplies = new Map<string, unknown>()
  const offView = core.events.on('message', (message: OscMessage) => {
    const name = message.address.startsWith('/live/view/get/') ? message.address.slice(15) : undefined
    if (name === undefined || !(VIEW as readonly string[]).includes(name)) return
    try {
      viewReplies.set(name, replyValue(findEntry(message.address)!, [], decodeReply(message.address, message.args)))
    } catch {}
  })
  // Sends: AbletonOSC cannot count return tracks, so probe track 0's sends one by one, each probe sent
  // after a round's reads (a failing probe aborts the rest of its tick); every track's send s is read
  // as soon as the probe for s succeeds.
  // Resolved once a round's reads have gone out (after the batch flush of that turn).
  const gates = [deferred(), deferred()]
  const sendReads: Promise<unknown>[][] = []
  let trackCount: Promise<number> | undefined
  const returns = countSends(
    async (s) => {
      await gates[Math.min(s, 1)]!.promise
      return read('/live/track/get/send', [0, s], true, 'tracks')
    },
    async (s) => {
      const counted = trackCount
      if (counted === undefined) return
      const n = await counted
      const reads = Promise.all(
        Array.from({ length: n }, (_, t) => read('/live/track/get/send', [t, s], false, 'tracks')),
      )
      reads.catch(() => {})
      sendReads[s] = [reads]
      // The next probe goes out after these reads: a refused probe aborts the rest of its tick.
      const issued = deferred()
      issued.open()
      await issued.promise
    },
  )
  // Awaited per track below; when an earlier read fails first, its rejection must not go unhandled.
  returns.catch(() => {})
  let numTracks: number
  let numScenes: number
  let sceneNames: OscValue[]
  let cueValues: OscValue[]
  let songValues: unknown[]
  let data: OscValue[]
  try {
    // Counted as one step of the view phase, done when the view is read at the end.
    total++
    core.requester.send({ address: '/live/view/get/*', args: [], types: '' }).catch(() => {})
    trackCount = read('/live/song/get/num_tracks', []) as Promise<number>
    const first = Promise.all([
      trackCount,
      read('/live/song/get/num_scenes', []) as Promise<number>,
      list('/live/song/get/scenes/name', []),
      list('/live/song/get/cue_points', []),
      Promise.all(SONG_PROPERTIES.map((p) => read(`/live/song/get/${p}`, []))),
      // One track_data for every track (`-1`: up to the last), in the first round: its reply echoes
      // nothing, so one request is also the one to match.
      list('/live/song/get/track_data', [0, -1, ...TRACK_DATA], 'tracks'),
    ] as const)
    gates[0]!.open()
    ;[numTracks, numScenes, sceneNames, cueValues, songValues, data] = await first
  } finally {
    offView()
  }
  const song = Object.fromEntries(SONG_PROPERTIES.map((p, i) => [camel(p), songValues[i]]))
  phase = 'tracks'
  const trackIds = Array.from({ length: numTracks }, (_, i) => i)
  const second = Promise.all([
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
      trackIds.map((t) =>
        Promise.all([
          read('/live/track/get/arm', [t]),
          read('/live/track/get/volume', [t]),
          read('/live/track/get/panning', [t]),
        ]),
      ),
    ),
  ])
  second.catch(() => {})
  const sendsBySlot = returns.then((numReturns) =>
    Promise.all(
      Array.from(
        { length: numReturns },
        (_, s) =>
          (sendReads[s]?.[0] ??
            Promise.all(trackIds.map((t) => read('/live/track/get/send', [t, s], false, 'tracks')))) as Promise<
            unknown[]
          >,
      ),
    ),
  )
  sendsBySlot.catch(() => {})
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
    return {
      index: t,
      name: String(row['track.name']),
      color: row['track.color'] as number | null,
      mute: row['track.mute'] as boolean | null,
      solo: row['track.solo'] as boolean | null,
      arm: null,
      volume: 0,
      panning: 0,
      sends: [] as number[],
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
  const details = Promise.all(
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

  details.catch(() => {})
  gates[1]!.open()
  const [scenes, mixers] = await second
  await details
  const sends = await sendsBySlot
  for (const track of tracks) {
    const [arm, volume, panning] = mixers[track.index]!
    track.arm = arm as boolean | null
    track.volume = volume as number
    track.panning = panning as number
    track.sends = sends.map((slot) => slot[track.index] as number)
  }

  phase = 'view'
  // No reply at all to the wildcard (a server without `*` patterns, or a loss): single reads, one at a
  // time (Live may refuse any of them when nothing is selected, and its error names no address).
  const seen = viewReplies.size > 0
  done++
  onProgress?.({ done, total, phase })
  // A selected track and scene nearly always exist (not when a return or the master is selected): when the
  // wildcard's answer lacks one, its reply may have been lost, so it is read alone. Clip and device are often
  // unselected, and reading them alone would cost a refusal (and a tick) in most syncs.
  const alwaysThere = (name: string) => name === 'selected_track' || name === 'selected_scene'
  const viewOf = async (name: (typeof VIEW)[number]) =>
    seen && (viewReplies.has(name) || !alwaysThere(name))
      ? nullIfUnset(viewReplies.get(name) ?? null)
      : optional(() => read(`/live/view/get/${name}`, [], true))
  const view = {
    selectedTrack: await viewOf('selected_track'),
    selectedScene: await viewOf('selected_scene'),
    selectedClip: await viewOf('selected_clip'),
    selectedDevice: await viewOf('selected_device'),
  }
  return liveSetSchema.parse({ song: { ...song, cuePoints: decodeCuePoints(cueValues) }, tracks, scenes, view })
}

/** A read that Live may refuse (nothing selected): null instead. */
async function optional(fetch: () => Promise<unknown>): Promise<unknown> {
  try {
    return nullIfUnset(await fetch())
  } catch (error) {
    if (isLiveError(error, 'LIVE_REJECTED')) return null
    throw error
  }
}

/** Counts track 0's sends by reading them one after another until Live refuses; `found(s)` runs as each one answers. */
async function countSends(
  probe: (s: number) => Promise<unknown>,
  found: (s: number) => Promise<void>,
): Promise<number> {
  for (let s = 0; s < 64; s++) {
    try {
      const value = await probe(s)
      if (value === null || value === undefined) return s
      await found(s)
    } catch (error) {
      // Refused (AbletonOSC), or known missing (the bridge counts its return tracks): past the last send.
      if (isLiveError(error, 'LIVE_REJECTED') || isLiveError(error, 'NOT_FOUND')) return s
      throw error
    }
  }
  return 64
}

/** A view value with a null or -1 in it means nothing is selected. */
function nullIfUnset(value: unknown): unknown {
  return Array.isArray(value) && value.some((v) => v === null || v === -1) ? null : (value ?? null)
}

/** A promise opened from outside, after this turn's batched sends have gone out. */
function deferred(): { readonly promise: Promise<void>; open(): void } {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  // A turn later: the reads issued before this call have reached the requester by then.
  return { promise, open: () => nextTurn(resolve) }
}
