import type { ClientAddress, LiveObjectModel, OscMessage, OscValue } from '@live/protocol'
import { resolveExportPath } from './exportPath.js'
import type { MaxAtom } from './maxGlobals.js'

/** The export addresses the device answers itself (a Remote Script cannot write audio files). */
export const EXPORT_ADDRESSES = [
  '/live/bridge/export/start',
  '/live/bridge/export/stop',
  '/live/bridge/export/get/status',
] as const

/** What {@link createAudioExport} needs. */
export interface AudioExportOptions {
  /** The object model: song time and time signature decide the start bar. */
  model: LiveObjectModel
  /** The folder set in the device; exports outside it are refused. */
  folder: () => string | undefined
  /** Sends one message to the recording chain (the patcher's `route open start stop armstart armstop stopnow`). */
  recorder: (...atoms: MaxAtom[]) => void
  /** Sends an OSC message to a client. */
  send: (message: OscMessage, to: ClientAddress) => void
}

/** The device's audio export: one recording at a time, started and stopped on bar lines. */
export interface AudioExport {
  /** Handles an `/live/bridge/export/...` message; false when the address is not an export address. */
  handle(address: string, args: readonly OscValue[], from: ClientAddress): boolean
  /** The patcher reports that sfrecord~ started (the start timepoint fired). */
  started(): void
  /** The patcher reports that sfrecord~ stopped at the end bar. */
  stopped(): void
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'armed' | 'recording'; readonly path: string; readonly client: ClientAddress }

const FORMATS: Record<string, 'wave' | 'aiff'> = { wav: 'wave', wave: 'wave', aif: 'aiff', aiff: 'aiff' }

/**
 * Creates the export state machine. `start <path> [wav|aiff] [bars]` opens the file in sfrecord~ and
 * arms two Max `timepoint`s (which follow Live's transport in a device): recording starts at the next
 * bar line, sample-accurately in Max's scheduler, and stops `bars` bars later (0: at `stop`).
 *
 * @example
 * const exporter = createAudioExport({ model, folder: () => '/Users/me/Exports', recorder: (...a) => outlet(1, ...a), send })
 * exporter.handle('/live/bridge/export/start', ['mix.wav', 'wav', 8], client)
 */
export function createAudioExport(options: AudioExportOptions): AudioExport {
  const { model, recorder, send } = options
  let state: State = { kind: 'idle' }
  const reply = (to: ClientAddress, address: string, args: OscValue[]) =>
    send({ address, types: args.map(tagOf).join(''), args }, to)
  const fail = (to: ClientAddress, text: string): undefined => {
    reply(to, '/live/error', [text])
  }

  function start(args: readonly OscValue[], from: ClientAddress): undefined {
    const [requested, format = 'wav', bars = 0] = args
    if (typeof requested !== 'string') {
      return fail(from, 'export needs a path: /live/bridge/export/start <path> [wav|aiff] [bars]')
    }
    const type = FORMATS[String(format).toLowerCase()]
    if (type === undefined) return fail(from, `export format ${String(format)} is not supported: use wav or aiff`)
    if (typeof bars !== 'number' || !Number.isInteger(bars) || bars < 0) {
      return fail(from, `export length ${String(bars)} is not a whole number of bars (0 records until stop)`)
    }
    if (state.kind !== 'idle') {
      return fail(from, `an export to ${state.path} is already ${state.kind}: send /live/bridge/export/stop first`)
    }
    const resolved = resolveExportPath(options.folder(), requested)
    if (!resolved.ok) return fail(from, resolved.error)
    const startBar = nextBar(model)
    recorder('armstart', 0)
    recorder('armstop', 0)
    recorder('open', resolved.path, type)
    recorder('start', startBar, 1, 0)
    recorder('armstart', 1)
    if (bars > 0) {
      recorder('stop', startBar + bars, 1, 0)
      recorder('armstop', 1)
    }
    state = { kind: 'armed', path: resolved.path, client: from }
    reply(from, '/live/bridge/export/start', [resolved.path, startBar, bars > 0 ? startBar + bars : 0])
  }

  function finish(stopper?: ClientAddress): void {
    if (state.kind === 'idle') return
    const { path, client } = state
    state = { kind: 'idle' }
    reply(client, '/live/bridge/export/done', [path])
    if (stopper !== undefined && (stopper.address !== client.address || stopper.port !== client.port)) {
      reply(stopper, '/live/bridge/export/done', [path])
    }
  }

  return {
    handle(address, args, from) {
      if (address === '/live/bridge/export/start') start(args, from)
      else if (address === '/live/bridge/export/stop') {
        if (state.kind === 'idle') fail(from, 'no export is running: nothing to stop')
        else {
          recorder('armstart', 0)
          recorder('armstop', 0)
          recorder('stopnow')
          finish(from)
        }
      } else if (address === '/live/bridge/export/get/status') {
        reply(from, address, state.kind === 'idle' ? ['idle'] : [state.kind, state.path])
      } else return false
      return true
    },
    started() {
      if (state.kind !== 'armed') return
      state = { ...state, kind: 'recording' }
      recorder('armstart', 0)
      reply(state.client, '/live/bridge/export/recording', [state.path])
    },
    stopped() {
      recorder('armstop', 0)
      finish()
    },
  }
}

/**
 * The 1-based number of the bar after the playhead, as Max's transport counts bars (`timepoint 5 1 0`).
 * Live's song time is in quarter-note beats; a bar holds numerator × 4 / denominator of them.
 */
export function nextBar(model: LiveObjectModel): number {
  const beats = Number(model.get('live_set', 'current_song_time'))
  const numerator = Number(model.get('live_set', 'signature_numerator'))
  const denominator = Number(model.get('live_set', 'signature_denominator'))
  const beatsPerBar = (numerator * 4) / denominator
  return Math.floor(beats / beatsPerBar + 1e-9) + 2
}

function tagOf(value: OscValue): string {
  if (typeof value === 'string') return 's'
  if (typeof value === 'number') return Number.isInteger(value) ? 'i' : 'f'
  return 'N'
}
