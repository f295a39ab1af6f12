import type { LomValue } from '../model/liveObjectModel.js'
import { type Arg, int, isPyFloat, isPyInt, isPyStr, lomArg, messageOf, pyTypeName } from './arg.js'
import { songBulkHandlers } from './bulk.js'
import { child, type Registry } from './context.js'
import { SONG_R, SONG_RW } from './kinds.js'
import { startListen, stopListen } from './listeners.js'
import { emitter, readArg, setterValue } from './property.js'
import { invalidIndexType, listIndexError, PyError, signatureError } from './pyError.js'
import { readSongStructure } from './songStructure.js'

/** Song methods in AbletonOSC's order, with their parameters (`?` optional): args go to Live uncast. */
const METHODS =
  'capture_and_insert_scene:i? capture_midi:i? continue_playing create_audio_track:i? create_midi_track:i? ' +
  'create_return_track create_scene:i delete_return_track:i delete_scene:i delete_track:i duplicate_scene:i ' +
  'duplicate_track:i force_link_beat_time jump_by:f jump_to_prev_cue jump_to_next_cue redo re_enable_automation ' +
  'set_or_delete_cue start_playing stop_all_clips:b? stop_playing tap_tempo trigger_session_record:f? undo'

const cpp: Record<string, string> = { i: 'int', f: 'double', b: 'bool' }

function checkMethodArgs(method: string, spec: string, args: readonly Arg[]): LomValue[] {
  const params = spec === '' ? [] : spec.split(',')
  const required = params.filter((p) => !p.endsWith('?')).length
  const fits =
    args.length >= required &&
    args.length <= params.length &&
    args.every((arg, i) => {
      const kind = params[i]?.[0]
      return kind === 'i' ? isPyInt(arg) : isPyInt(arg) || isPyFloat(arg)
    })
  if (!fits) {
    throw signatureError(
      'Song',
      method,
      args.map(pyTypeName),
      params.map((p) => cpp[p[0] ?? 'i'] ?? 'int'),
    )
  }
  return args.map((a) => (typeof a.value === 'bigint' ? Number(a.value) : (a.value as LomValue)))
}

/** Registers `/live/song/...` in AbletonOSC's order. */
export function registerSong(reg: Registry): void {
  for (const item of METHODS.split(' ')) {
    const [method = '', spec = ''] = item.split(':')
    reg.set(`/live/song/${method}`, (ctx, args) => {
      ctx.model.call('live_set', method, checkMethodArgs(method, spec, args))
      return undefined
    })
  }
  for (const prop of [...SONG_R, ...SONG_RW]) {
    const getAddress = `/live/song/get/${prop.name}`
    reg.set(getAddress, (ctx, args) => [readArg(ctx, 'live_set', prop), ...args])
    reg.set(`/live/song/start_listen/${prop.name}`, (ctx, args) => {
      startListen(ctx, {
        table: 'song',
        prop: prop.name,
        keyArgs: args,
        path: 'live_set',
        lomProp: prop.name,
        observable: prop.observable,
        emit: emitter(ctx, getAddress, args, prop.kind),
      })
      return undefined
    })
    reg.set(`/live/song/stop_listen/${prop.name}`, (ctx, args) => {
      stopListen(ctx, 'song', prop.name, args)
      return undefined
    })
  }
  for (const prop of SONG_RW) {
    reg.set(`/live/song/set/${prop.name}`, (ctx, args) => {
      const arg = args[0]
      if (arg === undefined) throw listIndexError()
      ctx.model.set('live_set', prop.name, setterValue('Song', prop.kind, arg))
      return undefined
    })
  }
  const bulk = songBulkHandlers()
  reg.set('/live/song/get/num_tracks', (ctx) => [int(ctx.model.getCount('live_set', 'tracks'))])
  reg.set('/live/song/get/track_names', bulk.trackNames)
  reg.set('/live/song/get/track_data', bulk.trackData)
  // The dispatcher has no file system: the host writes the file (DispatcherOptions.writeStructure).
  reg.set('/live/song/export/structure', (ctx) => {
    if (ctx.writeStructure) ctx.writeStructure(readSongStructure(ctx.model))
    return [int(1)]
  })
  reg.set('/live/song/get/num_scenes', (ctx) => [int(ctx.model.getCount('live_set', 'scenes'))])
  reg.set('/live/song/get/scenes/name', bulk.sceneNames)
  reg.set('/live/song/get/cue_points', bulk.cuePoints)
  reg.set('/live/song/cue_point/jump', (ctx, args) => {
    const arg = args[0]
    if (arg === undefined) throw listIndexError()
    if (isPyStr(arg)) {
      const n = ctx.model.getCount('live_set', 'cue_points')
      for (let i = 0; i < n; i++) {
        const path = `live_set cue_points ${i}`
        if (ctx.model.get(path, 'name') === arg.value) ctx.model.call(path, 'jump', [])
      }
    } else if (isPyInt(arg)) {
      ctx.model.call(child(ctx, 'live_set', 'cue_points', Number(arg.value === true ? 1 : arg.value || 0)), 'jump', [])
    }
    return undefined
  })
  reg.set('/live/song/cue_point/add_or_delete', (ctx) => {
    ctx.model.call('live_set', 'set_or_delete_cue', [])
    return undefined
  })
  reg.set('/live/song/cue_point/set/name', (ctx, args) => {
    const index = args[0]
    if (index === undefined) throw listIndexError()
    if (!isPyInt(index)) throw invalidIndexType()
    const path = child(ctx, 'live_set', 'cue_points', Number(index.value === true ? 1 : index.value || 0))
    const name = args[1]
    if (name === undefined) throw listIndexError()
    ctx.model.set(path, 'name', setterValue('CuePoint', 's', name))
    return undefined
  })
  registerBeat(reg)
}

/** The beat listener: one global observer of current_song_time, sending int(time) on each new beat or rewind. */
function registerBeat(reg: Registry): void {
  reg.set('/live/song/start_listen/beat', (ctx) => {
    const table = ctx.listeners('song')
    table.get('beat')?.stop()
    const to = ctx.target
    let last = -1.0
    const stop = ctx.model.observe('live_set', 'current_song_time', (value) => {
      if (typeof value !== 'number') return
      if (Math.trunc(value) > Math.trunc(last) || value < last) {
        ctx.send(messageOf('/live/song/get/beat', [lomArg(Math.trunc(value), 'i')]), to)
      }
      last = value
    })
    table.set('beat', { stop, reloadable: true, keyRepr: "'beat'" })
    return undefined
  })
  reg.set('/live/song/stop_listen/beat', (ctx) => {
    const table = ctx.listeners('song')
    table.get('beat')?.stop()
    table.delete('beat')
    return undefined
  })
}

/** A Python error for non-int indices used where AbletonOSC passes them to `range()`. */
export const rangeTypeError = (arg: Arg): PyError =>
  new PyError('TypeError', `'${pyTypeName(arg)}' object cannot be interpreted as an integer`)
