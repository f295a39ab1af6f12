/**
 * EXTENSIONS: the addresses only our own servers answer (the simulator's `bridge` flavour and the Max
 * for Live bridge); AbletonOSC does not: return and master tracks, devices nested in racks, the send
 * listener, live.remote~ parameters, audio export, hello. Each must use an address AbletonOSC does
 * not register, and is written with the helpers of `./extensionEntry.ts` inside the `as const`
 * array below, so its argument and reply tuples flow into `Address`, `AddressArgs` and `AddressReply`:
 *
 * - `property(object, name, { ids, value, lom, set?, listen? })`: one property of an object as its
 *   `get`, `set`, `start_listen` and `stop_listen` entries (`set: false` / `listen: false` leave those
 *   out); the value is named after the property and the notes are made from `lom`.
 * - `getter(object, path, { ids, values, notes })` and `setter(...)`: one `/get/` or `/set/` entry
 *   whose values differ from the property's name (several values, a variadic, an extra id).
 * - `extension({ address, object, kind, params, reply, replyAddress?, notes, structural? })`: any other
 *   entry (calls, queries), written in full.
 *
 * Every helper adds `source: 'bridge'`, `inReadme: false`, `extension: true` and the notes' leading
 * `bridge only: `. An address that changes the set's shape (it creates, deletes, inserts, moves or
 * duplicates objects) must say `structural: true`: a test fails otherwise, and the client would keep
 * stale parameter names.
 *
 * @example
 * export const extensionEntries = [
 *   // /live/return/get|set|start_listen|stop_listen/volume, [return_id] → [return_id, volume]
 *   ...property('return', 'volume', { ids: RETURN_ID, value: 'float', lom: 'song.return_tracks[return_id].mixer_device.volume.value' }),
 *   // read-only, observable: /live/master/get|start_listen|stop_listen/output_meter_left
 *   ...property('master', 'output_meter_left', { ids: MASTER, value: 'float', lom: 'song.master_track.output_meter_left', set: false }),
 *   // one getter: /live/return/get/devices/name [return_id] → [return_id, ...name]
 *   getter('return', 'devices/name', { ids: RETURN_ID, values: [{ name: 'name', type: 'string', variadic: true }], notes: 'top-level device names' }),
 *   extension({
 *     address: '/live/track/insert_device',
 *     object: 'track',
 *     kind: 'call',
 *     params: [{ name: 'track_id', type: 'int' }, { name: 'device_name', type: 'string' }],
 *     reply: null,
 *     notes: 'inserts a native device by name (Track.insert_device)',
 *     structural: true,
 *   }),
 * ] as const satisfies readonly ExtensionEntry[]
 */
import { extension, getter, property, setter } from './extensionEntry.js'
import { selftestEntries } from './selftestEntries.js'
import type { ExtensionEntry, ParamsTuple, ReplyTuple } from './types.js'

/** The id of a return track (the index into `song.return_tracks`). */
const RETURN_ID = [{ name: 'return_id', type: 'int' }] as const
/** The master track is one object: no id. */
const MASTER = [] as const
/** A device as the bridge addresses it: its track (an index, `'return/<r>'` or `'master'`) and a chain path. */
const BRIDGE_DEVICE = [
  { name: 'track_id', type: 'any', note: "track index, 'return/<r>' or 'master'" },
  { name: 'device_path', type: 'any', note: "top-level index or chain path 'd/c/d...'" },
] as const
const NAMES = [{ name: 'name', type: 'string', variadic: true }] as const
const COUNT_AND_NAMES = [{ name: 'count', type: 'int' }, ...NAMES] as const
/** Output meters: read-only floats, observable. */
const RETURN_METER = { ids: RETURN_ID, value: 'float', set: false } as const
const MASTER_METER = { ids: MASTER, value: 'float', set: false } as const
const ret = (path: string) => `song.return_tracks[return_id].${path}`
const master = (path: string) => `song.master_track.${path}`

/** The addresses only our own servers answer. */
export const extensionEntries = [
  extension({
    address: '/live/bridge/hello',
    object: 'bridge',
    kind: 'get',
    params: [],
    reply: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
    ],
    replyAddress: '/live/bridge/hello',
    notes:
      "identifies the server: replies 'live-bridge' and the bridge's version. Path-indexed aliases are also accepted (not catalogued: their addresses vary): /live/track/<t>/<verb>/<prop>, /live/track/<t>/clip/<c>/..., /live/track/<t>/clip_slot/<c>/..., /live/track/<t>/device/<d>/..., /live/track/<t>/device/<d>/get|set/parameters/<p> (= parameter/value), /live/scene/<s>/..., /live/return/<r>/..., /live/query/track/<t>/devices; a reply comes back on the alias address without the ids the address carries; listener updates use the canonical addresses",
  }),
  extension({
    address: '/live/track/start_listen/send',
    object: 'track',
    kind: 'start_listen',
    params: [
      { name: 'track_id', type: 'int', wildcard: '*' },
      { name: 'send_id', type: 'int' },
    ],
    reply: [
      { name: 'track_id', type: 'int' },
      { name: 'send_id', type: 'int' },
      { name: 'value', type: 'float' },
    ],
    replyAddress: '/live/track/get/send',
    notes:
      'send level listener (AbletonOSC has none, #130): value at once, then on every change, to the subscribing client',
  }),
  extension({
    address: '/live/track/stop_listen/send',
    object: 'track',
    kind: 'stop_listen',
    params: [
      { name: 'track_id', type: 'int', wildcard: '*' },
      { name: 'send_id', type: 'int' },
    ],
    reply: null,
    notes: 'stops the send listener',
  }),
  getter('song', 'num_return_tracks', {
    ids: [],
    values: [{ name: 'num_return_tracks', type: 'int' }],
    notes: 'number of return tracks',
  }),
  getter('song', 'return_track_names', { ids: [], values: NAMES, notes: 'return track names' }),

  // Return tracks: song.return_tracks[return_id].
  ...property('return', 'name', { ids: RETURN_ID, value: 'string', lom: ret('name') }),
  ...property('return', 'color', { ids: RETURN_ID, value: 'int', lom: ret('color') }),
  ...property('return', 'color_index', { ids: RETURN_ID, value: 'int', lom: ret('color_index') }),
  ...property('return', 'mute', { ids: RETURN_ID, value: 'bool', lom: ret('mute') }),
  ...property('return', 'solo', { ids: RETURN_ID, value: 'bool', lom: ret('solo') }),
  ...property('return', 'output_meter_level', { ...RETURN_METER, lom: ret('output_meter_level') }),
  ...property('return', 'output_meter_left', { ...RETURN_METER, lom: ret('output_meter_left') }),
  ...property('return', 'output_meter_right', { ...RETURN_METER, lom: ret('output_meter_right') }),
  ...property('return', 'volume', { ids: RETURN_ID, value: 'float', lom: ret('mixer_device.volume.value') }),
  ...property('return', 'panning', { ids: RETURN_ID, value: 'float', lom: ret('mixer_device.panning.value') }),
  ...property('return', 'crossfade_assign', {
    ids: RETURN_ID,
    value: 'int',
    note: '0 = A, 1 = none, 2 = B',
    lom: ret('mixer_device.crossfade_assign'),
  }),
  getter('return', 'send', {
    ids: [...RETURN_ID, { name: 'send_id', type: 'int' }],
    values: [{ name: 'value', type: 'float' }],
    notes: 'send level of a return track',
  }),
  setter('return', 'send', {
    ids: RETURN_ID,
    values: [
      { name: 'send_id', type: 'int' },
      { name: 'value', type: 'float' },
    ],
    notes: 'sets a return track send level',
  }),
  getter('return', 'num_devices', {
    ids: RETURN_ID,
    values: [{ name: 'num_devices', type: 'int' }],
    notes: 'top-level devices',
  }),
  getter('return', 'devices/name', { ids: RETURN_ID, values: NAMES, notes: 'top-level device names' }),

  // The master track: song.master_track.
  ...property('master', 'name', { ids: MASTER, value: 'string', lom: master('name'), set: false }),
  ...property('master', 'color', { ids: MASTER, value: 'int', lom: master('color') }),
  ...property('master', 'color_index', { ids: MASTER, value: 'int', lom: master('color_index') }),
  ...property('master', 'output_meter_level', { ...MASTER_METER, lom: master('output_meter_level') }),
  ...property('master', 'output_meter_left', { ...MASTER_METER, lom: master('output_meter_left') }),
  ...property('master', 'output_meter_right', { ...MASTER_METER, lom: master('output_meter_right') }),
  ...property('master', 'volume', { ids: MASTER, value: 'float', lom: master('mixer_device.volume.value') }),
  ...property('master', 'panning', { ids: MASTER, value: 'float', lom: master('mixer_device.panning.value') }),
  ...property('master', 'cue_volume', { ids: MASTER, value: 'float', lom: master('mixer_device.cue_volume.value') }),
  ...property('master', 'crossfader', { ids: MASTER, value: 'float', lom: master('mixer_device.crossfader.value') }),
  getter('master', 'num_devices', {
    ids: MASTER,
    values: [{ name: 'num_devices', type: 'int' }],
    notes: 'top-level devices',
  }),
  getter('master', 'devices/name', { ids: MASTER, values: NAMES, notes: 'top-level device names' }),

  // Devices inside racks.
  getter('device', 'chains/name', {
    ids: BRIDGE_DEVICE,
    values: NAMES,
    notes:
      "chain names of a rack. In the bridge every /live/device/... address also accepts these ids: track_id 'return/<r>' or 'master', device_id a chain path string 'd/c/d' (e.g. '0/1/2' = devices 0, chains 1, devices 2); device property listeners carry the ids",
  }),
  getter('device', 'chain/devices/name', {
    ids: [...BRIDGE_DEVICE, { name: 'chain_id', type: 'int' }],
    values: NAMES,
    notes: 'device names inside one chain of a rack',
  }),

  // Tutorial-style queries.
  extension({
    address: '/live/query/song/tracks',
    object: 'song',
    kind: 'get',
    params: [],
    reply: COUNT_AND_NAMES,
    replyAddress: '/live/query/song/tracks',
    notes: 'tutorial-style query: track count then names',
  }),
  extension({
    address: '/live/query/song/scenes',
    object: 'song',
    kind: 'get',
    params: [],
    reply: COUNT_AND_NAMES,
    replyAddress: '/live/query/song/scenes',
    notes: 'tutorial-style query: scene count then names',
  }),
  extension({
    address: '/live/query/track/devices',
    object: 'track',
    kind: 'get',
    params: [{ name: 'track_id', type: 'int' }],
    reply: [{ name: 'track_id', type: 'int' }, ...COUNT_AND_NAMES],
    replyAddress: '/live/query/track/devices',
    notes: 'device count then names; path form /live/query/track/<t>/devices replies count then names',
  }),

  // Parameters through live.remote~ (no undo steps).
  extension({
    address: '/live/bridge/remote/parameter',
    object: 'bridge',
    kind: 'call',
    params: [
      { name: 'track_id', type: 'int' },
      { name: 'device_id', type: 'int' },
      { name: 'parameter_id', type: 'int' },
      { name: 'value', type: 'float' },
    ],
    reply: null,
    notes:
      "sets a device parameter through one of the device's live.remote~ objects: no undo step, and the parameter's automation is paused until released (for fades and LFOs). The value must lie in the parameter's min..max. The bridge also takes 'master' or 'return/<r>' as track_id and a chain path 'd/c/d' as device_id (not typed here)",
  }),
  extension({
    address: '/live/bridge/remote/release',
    object: 'bridge',
    kind: 'call',
    params: [
      { name: 'track_id', type: 'int', optional: true },
      { name: 'device_id', type: 'int', optional: true },
      { name: 'parameter_id', type: 'int', optional: true },
    ],
    reply: null,
    notes:
      'hands a parameter held by /live/bridge/remote/parameter back to Live (its automation resumes); with no arguments, every held parameter',
  }),

  // Audio export of the master output.
  extension({
    address: '/live/bridge/export/start',
    object: 'bridge',
    kind: 'call',
    params: [
      { name: 'path', type: 'string' },
      { name: 'format', type: 'string', optional: true },
      { name: 'bars', type: 'int', optional: true },
    ],
    reply: [
      // Not named 'path': the reply carries the resolved path, not an echo of the request's.
      { name: 'resolved_path', type: 'string' },
      { name: 'start_bar', type: 'int' },
      { name: 'end_bar', type: 'int' },
    ],
    replyAddress: '/live/bridge/export/start',
    notes:
      "records Live's master output into a file (format wav or aiff, default wav) from the next bar line for bars bars (0, the default: until /live/bridge/export/stop). The path is taken inside the export folder set in the device; one outside it is refused. Replies with the resolved path, the 1-based start bar and the end bar (0: until stop); then /live/bridge/export/recording <path> when recording begins and /live/bridge/export/done <path> when the file is written. The transport must be playing for bars to pass",
  }),
  extension({
    address: '/live/bridge/export/stop',
    object: 'bridge',
    kind: 'call',
    params: [],
    reply: null,
    notes:
      'stops the running export at once; /live/bridge/export/done <path> goes to the client that started it (and to this one). Refused when no export is running',
  }),
  extension({
    address: '/live/bridge/export/get/status',
    object: 'bridge',
    kind: 'get',
    params: [],
    reply: [
      { name: 'state', type: 'string' },
      { name: 'path', type: 'string', optional: true },
    ],
    replyAddress: '/live/bridge/export/get/status',
    notes: "'idle', or 'armed' or 'recording' and the file's path",
  }),
  ...selftestEntries,
] as const satisfies readonly ExtensionEntry[]

type ExtensionEntries = (typeof extensionEntries)[number]

/** The argument tuple of every extension address. */
export type ExtensionArgsMap = {
  [E in ExtensionEntries as E['address']]: ParamsTuple<E['params']>
}

/** The reply tuple of every extension address, `undefined` when nothing is sent back. */
export type ExtensionReplyMap = {
  [E in ExtensionEntries as E['address']]: ReplyTuple<E['reply']>
}
