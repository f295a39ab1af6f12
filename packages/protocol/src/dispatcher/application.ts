import { LomError } from '../model/liveObjectModel.js'
import { type Arg, lomArg, messageOf, pyInt, str } from './arg.js'
import { child, devicePath, type Registry } from './context.js'
import { listIndexError, PyError, unpackError } from './pyError.js'

const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'critical']

/** Registers `/live/test` and `/live/api/...` (AbletonOSC's manager), first in its order. */
export function registerApi(reg: Registry): void {
  reg.set('/live/test', (ctx) => {
    ctx.send(messageOf('/live/test', [str('ok')]), ctx.target)
    return undefined
  })
  reg.set('/live/api/reload', (ctx) => {
    ctx.state.reload(ctx)
    return undefined
  })
  reg.set('/live/api/get/log_level', (ctx) => [str(ctx.state.logLevel)])
  reg.set('/live/api/set/log_level', (ctx, args) => {
    const level = args[0]
    if (level === undefined) throw listIndexError()
    if (typeof level.value !== 'string' || !LOG_LEVELS.includes(level.value)) throw new PyError('AssertionError', '')
    ctx.state.logLevel = level.value
    return undefined
  })
  // Live's status bar is out of reach of the object model: accepted, shown nowhere.
  reg.set('/live/api/show_message', (_ctx, args) => {
    if (args[0] === undefined) throw listIndexError()
    return undefined
  })
}

/** Registers `/live/application/...`. */
export function registerApplication(reg: Registry): void {
  reg.set('/live/application/get/version', (ctx) => [
    lomArg(ctx.model.call('live_app', 'get_major_version', []), 'i'),
    lomArg(ctx.model.call('live_app', 'get_minor_version', []), 'i'),
  ])
  reg.set('/live/application/get/average_process_usage', (ctx) => [
    lomArg(ctx.model.get('live_app', 'average_process_usage'), 'f'),
  ])
}

/**
 * Registers `/live/midimap/map_cc t d p channel cc`: the parameter is resolved (so bad indices error as in
 * AbletonOSC), then, in the abletonosc flavour, mapped through the model's `map_midi_cc` on `live_set` (what
 * AbletonOSC does with Live.MidiMap.map_midi_cc in absolute mode; the simulator's model keeps the map and
 * `/simulator/midi` plays into it). A model without a MIDI map answers AttributeError, which is ignored, as
 * is the mapping in the bridge's registry (`mapInLive` false): Max's LiveAPI has no MIDI map to write to. No reply.
 */
export function registerMidimap(reg: Registry, mapInLive = true): void {
  reg.set('/live/midimap/map_cc', (ctx, args) => {
    if (args.length < 5) throw unpackError(5, args.length)
    const [t, d, p, channel, cc] = args as [Arg, Arg, Arg, Arg, Arg]
    const parameter = child(ctx, devicePath(ctx, pyInt(t), pyInt(d)), 'parameters', pyInt(p))
    if (!mapInLive) return undefined
    try {
      ctx.model.call('live_set', 'map_midi_cc', [{ path: parameter }, pyInt(channel), pyInt(cc)])
    } catch (error) {
      if (!(error instanceof LomError && error.kind === 'AttributeError')) throw error
    }
    return undefined
  })
}
