/**
 * The bridge's audio export (`/live/bridge/export/*`): the Max for Live device records the master into a
 * file with sfrecord~, started and stopped on bar lines. The state machine and the path policy live here,
 * shared by the device and the simulator's bridge flavour, so both answer and refuse with the same words;
 * each brings its own recorder (sfrecord~ and two Max `timepoint`s in the device, a WAV writer on the
 * simulator's clock).
 */
import { barLengthBeats } from '../codecs/parseSignature.js'
import type { LiveObjectModel } from '../model/liveObjectModel.js'
import type { OscMessage, OscValue } from '../osc/types.js'
import type { ClientAddress } from './types.js'

/** The export addresses a client sends (the device answers them itself: a Remote Script cannot write audio files). */
export const EXPORT_ADDRESSES = [
  '/live/bridge/export/start',
  '/live/bridge/export/stop',
  '/live/bridge/export/get/status',
] as const

/** Sent to the client that started an export when recording begins (`<path>`) and when the file is written (`<path>`). */
export const EXPORT_EVENTS = {
  recording: '/live/bridge/export/recording',
  done: '/live/bridge/export/done',
} as const

/** The outcome of {@link resolveExportPath}: the canonical path, or the text of the refusal. */
export type ExportPathResult = { ok: true; path: string } | { ok: false; error: string }

/** The root of an absolute path: `/`, `C:/`, or Max's `Volume:/`; undefined for a relative path. */
function rootOf(path: string): string | undefined {
  if (path.startsWith('/')) return '/'
  const drive = /^([A-Za-z]:|[^/:]+:)\//.exec(path)
  return drive ? `${drive[1]!}/` : undefined
}

/**
 * Canonicalises an absolute path lexically (`\` → `/`, no `.`/`..`/empty segments); undefined if `..`
 * climbs above the root or the path is relative.
 *
 * @example
 * canonicalPath('C:\\Music\\Out\\..\\take.wav') // 'C:/Music/take.wav'
 */
export function canonicalPath(path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/')
  const root = rootOf(slashed)
  if (root === undefined) return undefined
  const parts: string[] = []
  for (const segment of slashed.slice(root.length).split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(segment)
  }
  return root + parts.join('/')
}

/**
 * Where an export may be written: inside the folder set in the device, nowhere else. A relative path is
 * taken inside the folder; an absolute one must already be inside it. Max's JavaScript has no file system
 * access, so the check is lexical: `.` and `..` are resolved, separators normalised, and the result must lie
 * under the folder at a path-segment boundary. (A symbolic link inside the folder that points elsewhere is
 * not detected: keep the folder link-free.)
 *
 * @example
 * resolveExportPath('/Users/me/Exports', 'stems/bass.wav') // { ok: true, path: '/Users/me/Exports/stems/bass.wav' }
 * resolveExportPath('/Users/me/Exports', '../secrets.wav').ok // false
 */
export function resolveExportPath(folder: string | undefined, requested: string): ExportPathResult {
  if (folder === undefined || folder.trim() === '') {
    return { ok: false, error: `export path ${requested} refused: no export folder is set in the device` }
  }
  const base = canonicalPath(folder.trim())
  if (base === undefined) {
    return { ok: false, error: `export folder ${folder} is not an absolute path: set a full path in the device` }
  }
  const slashed = requested.replace(/\\/g, '/')
  const joined = rootOf(slashed) === undefined ? `${base}/${slashed}` : slashed
  const path = canonicalPath(joined)
  const prefix = base.endsWith('/') ? base : `${base}/`
  if (path === undefined || !path.startsWith(prefix) || path.length === prefix.length) {
    return { ok: false, error: `export path ${requested} is outside the export folder ${base}` }
  }
  return { ok: true, path }
}

/** One command to the recorder, in the device's words (the patcher's `route open start stop armstart armstop stopnow`). */
export type RecorderCommand =
  | readonly ['open', path: string, format: 'wave' | 'aiff']
  | readonly ['start' | 'stop', bar: number, beat: 1, ticks: 0]
  | readonly ['armstart' | 'armstop', on: 0 | 1]
  | readonly ['stopnow']
  | readonly ['startnow']

/** What {@link createAudioExport} needs. */
export interface AudioExportOptions {
  /** The object model: song time and time signature decide the start bar. */
  model: LiveObjectModel
  /** The folder set in the device; exports outside it are refused. */
  folder: () => string | undefined
  /** Sends one command to the recorder. */
  recorder: (...command: RecorderCommand) => void
  /** Sends an OSC message to a client. */
  send: (message: OscMessage, to: ClientAddress) => void
  /**
   * How recording starts when Live is stopped with the playhead on the start bar's line (an export from song time
   * 0). `timepoint`: a Max `timepoint` at that bar, which the reference says bangs only while the clock moves
   * forward (https://docs.cycling74.com/reference/timepoint/), so whether it bangs at the position the transport
   * starts from is unproven. `transport`: the export observes `is_playing` and sends `startnow` (sfrecord~ `1`) when
   * the transport starts, late by the listener latency `/live/bridge/selftest` measures. Every other start (a bar
   * the moving transport has yet to reach) uses the timepoint. @default 'timepoint'
   */
  startFromStop?: 'timepoint' | 'transport' | undefined
}

/** One recording at a time, started and stopped on bar lines. */
export interface AudioExport {
  /** Handles an `/live/bridge/export/...` message; false when the address is not an export address. */
  handle(address: string, args: readonly OscValue[], from: ClientAddress): boolean
  /** The recorder reports that recording started (the start bar came). */
  started(): void
  /** The recorder reports that it stopped at the end bar and the file is written. */
  stopped(): void
  /** What is going on: `idle`, or `armed`/`recording` and the file's path. */
  readonly status: { readonly kind: 'idle' } | { readonly kind: 'armed' | 'recording'; readonly path: string }
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'armed' | 'recording'; readonly path: string; readonly client: ClientAddress }

const FORMATS: Record<string, 'wave' | 'aiff'> = { wav: 'wave', wave: 'wave', aif: 'aiff', aiff: 'aiff' }

const START = '/live/bridge/export/start'
const STOP = '/live/bridge/export/stop'
const STATUS = '/live/bridge/export/get/status'

/**
 * Creates the export state machine. `start <path> [wav|aiff] [bars]` opens the file and arms the recorder
 * for the next bar line, and for `bars` bars later (0: until `stop`); the reply is
 * `start <resolved path> <start bar> <end bar or 0>`. Refusals are `/live/error` texts that begin with the
 * address, so a client can pin them on its request.
 *
 * @example
 * const exporter = createAudioExport({ model, folder: () => '/Users/me/Exports', recorder: (...c) => outlet(1, ...c), send })
 * exporter.handle('/live/bridge/export/start', ['mix.wav', 'wav', 8], client)
 */
export function createAudioExport(options: AudioExportOptions): AudioExport {
  const { model, recorder, send } = options
  let state: State = { kind: 'idle' }
  let unobserve: (() => void) | undefined
  const stopWaiting = () => {
    unobserve?.()
    unobserve = undefined
  }
  const reply = (to: ClientAddress, address: string, args: OscValue[]) =>
    send({ address, types: args.map(tagOf).join(''), args }, to)
  const fail = (to: ClientAddress, address: string, text: string): undefined => {
    reply(to, '/live/error', [`${address}: ${text}`])
  }

  function start(args: readonly OscValue[], from: ClientAddress): undefined {
    const [requested, format = 'wav', bars = 0] = args
    if (typeof requested !== 'string') {
      return fail(from, START, `export needs a path: ${START} <path> [wav|aiff] [bars]`)
    }
    const type = FORMATS[String(format).toLowerCase()]
    if (type === undefined)
      return fail(from, START, `export format ${String(format)} is not supported: use wav or aiff`)
    if (typeof bars !== 'number' || !Number.isInteger(bars) || bars < 0) {
      return fail(from, START, `export length ${String(bars)} is not a whole number of bars (0 records until stop)`)
    }
    if (state.kind !== 'idle') {
      return fail(from, START, `an export to ${state.path} is already ${state.kind}: send ${STOP} first`)
    }
    const resolved = resolveExportPath(options.folder(), requested)
    if (!resolved.ok) return fail(from, START, resolved.error)
    const startBar = nextBar(model)
    const onTransport = options.startFromStop === 'transport' && !isPlaying(model) && onBarLine(model)
    recorder('armstart', 0)
    recorder('armstop', 0)
    recorder('open', resolved.path, type)
    if (onTransport) {
      // Live reports the change of is_playing through its listener; the recording starts then.
      unobserve = model.observe('live_set', 'is_playing', (playing) => {
        if (!truthy(playing) || state.kind !== 'armed') return
        stopWaiting()
        recorder('startnow')
        exporter.started()
      })
    } else {
      recorder('start', startBar, 1, 0)
      recorder('armstart', 1)
    }
    if (bars > 0) {
      recorder('stop', startBar + bars, 1, 0)
      recorder('armstop', 1)
    }
    state = { kind: 'armed', path: resolved.path, client: from }
    reply(from, START, [resolved.path, startBar, bars > 0 ? startBar + bars : 0])
  }

  function finish(stopper?: ClientAddress): void {
    stopWaiting()
    if (state.kind === 'idle') return
    const { path, client } = state
    state = { kind: 'idle' }
    reply(client, EXPORT_EVENTS.done, [path])
    if (stopper !== undefined && (stopper.address !== client.address || stopper.port !== client.port)) {
      reply(stopper, EXPORT_EVENTS.done, [path])
    }
  }

  const exporter: AudioExport = {
    handle(address, args, from) {
      if (address === START) start(args, from)
      else if (address === STOP) {
        if (state.kind === 'idle') fail(from, STOP, 'no export is running: nothing to stop')
        else {
          recorder('armstart', 0)
          recorder('armstop', 0)
          recorder('stopnow')
          finish(from)
        }
      } else if (address === STATUS) {
        reply(from, address, state.kind === 'idle' ? ['idle'] : [state.kind, state.path])
      } else return false
      return true
    },
    started() {
      if (state.kind !== 'armed') return
      state = { ...state, kind: 'recording' }
      recorder('armstart', 0)
      reply(state.client, EXPORT_EVENTS.recording, [state.path])
    },
    stopped() {
      recorder('armstop', 0)
      finish()
    },
    get status(): AudioExport['status'] {
      return state.kind === 'idle' ? { kind: 'idle' } : { kind: state.kind, path: state.path }
    },
  }
  return exporter
}

/**
 * The 1-based number of the next bar line the transport reaches, as Max's transport counts bars
 * (`timepoint 5 1 0`): the bar after the playhead, or, when Live is stopped with the playhead on a bar
 * line, that bar (playing starts on it: an export from song time 0 records from bar 1).
 * Live's song time is in quarter-note beats; a bar holds numerator × 4 / denominator of them.
 *
 * @example
 * nextBar(model) // 3 at beat 5 in 4/4 (the playhead is in bar 2); 1 at beat 0 while stopped
 */
export function nextBar(model: Pick<LiveObjectModel, 'get'>): number {
  const position = Number(model.get('live_set', 'current_song_time')) / beatsPerBar(model)
  if (onBarLine(model) && !isPlaying(model)) return Math.round(position) + 1
  return Math.floor(position + 1e-9) + 2
}

/** Whether the playhead stands on a bar line. */
function onBarLine(model: Pick<LiveObjectModel, 'get'>): boolean {
  const position = Number(model.get('live_set', 'current_song_time')) / beatsPerBar(model)
  return Math.abs(position - Math.round(position)) < 1e-9
}

/**
 * Whether the transport runs. Max's LiveAPI hands booleans over as 1/0 (`get is_playing` → `[1]`,
 * https://docs.cycling74.com/apiref/js/liveapi), the simulator as true/false: compare by truth, not with `true`.
 */
function isPlaying(model: Pick<LiveObjectModel, 'get'>): boolean {
  return truthy(model.get('live_set', 'is_playing'))
}

const truthy = (value: unknown): boolean => value === true || (typeof value === 'number' && value !== 0)

/** Quarter-note beats in one bar of the set's time signature. */
export function beatsPerBar(model: Pick<LiveObjectModel, 'get'>): number {
  return barLengthBeats({
    numerator: Number(model.get('live_set', 'signature_numerator')),
    denominator: Number(model.get('live_set', 'signature_denominator')),
  })
}

function tagOf(value: OscValue): string {
  if (typeof value === 'string') return 's'
  if (typeof value === 'number') return Number.isInteger(value) ? 'i' : 'f'
  return 'N'
}
