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
 * AbletonOSC) but no MIDI mapping is made: the object model has no MIDI map. No reply.
 */
export function registerMidimap(reg: Registry): void {
  reg.set('/live/midimap/map_cc', (ctx, args) => {
    if (args.length < 5) throw unpackError(5, args.length)
    const [t, d, p] = args as [Arg, Arg, Arg]
    child(ctx, devicePath(ctx, pyInt(t), pyInt(d)), 'parameters', pyInt(p))
    return undefined
  })
}
