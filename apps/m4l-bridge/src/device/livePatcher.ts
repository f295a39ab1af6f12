import { REMOTE_SLOTS } from '../remoteParameters.js'

/**
 * The script files the patcher loads: build.mjs writes them next to the device, the installer into Max's Library.
 * Node for Max documents `.js` and `.mjs` entry files (https://docs.cycling74.com/max8/vignettes/01_n4m_anatomy).
 */
export const SCRIPT_FILES = { v8: 'live-bridge.js', node: 'live-bridge-node.js' } as const

/** The Live and Max versions the device declares: `v8` needs Max 9, bundled from Live 12.2 (adammurray.link/max-for-live/v8-in-live). */
export const MINIMUM_VERSIONS = { live: '12.2', max: '9.0.0' } as const

/** The device's Port parameter: its long name, and the range it takes. */
export const PORT_PARAMETER = { name: 'Port', min: 1024, max: 65535 } as const

/** The words the v8 sends its recording chain, in the order of `[route …]`'s outlets. */
export const RECORDER_WORDS = ['open', 'start', 'stop', 'armstart', 'armstop', 'stopnow', 'startnow'] as const

/** The default UDP port of the device (AbletonOSC keeps 11000, its replies 11001). */
export const DEVICE_PORT = 11002

/** One box of a Max patcher, as `.maxpat` JSON stores it. */
export interface PatcherBox {
  id: string
  maxclass: string
  text?: string | undefined
  numinlets: number
  numoutlets: number
  patching_rect: [number, number, number, number]
  [attribute: string]: unknown
}

/** One patch cord: from an outlet of one box to an inlet of another. */
export interface PatchLine {
  source: [string, number]
  destination: [string, number]
}

/** A `.maxpat` document. */
export interface Patcher {
  patcher: { boxes: { box: PatcherBox }[]; lines: { patchline: PatchLine }[]; [attribute: string]: unknown }
}

/**
 * Builds the device's patcher: Node for Max ⇄ `v8` (the dispatcher over LiveAPI), `plugin~` → `plugout~`
 * (audio passes through) and → `sfrecord~ 2` armed by two `timepoint`s behind `gate`s, and a pool of
 * `live.remote~` objects behind `route`. build.mjs writes it as LiveBridge.maxpat and wraps it as LiveBridge.amxd.
 *
 * @example
 * JSON.stringify(livePatcher(), null, '\t')
 */
export function livePatcher(): Patcher {
  const boxes: PatcherBox[] = []
  const lines: PatchLine[] = []
  let row = 0
  const add = (id: string, maxclass: string, text: string | undefined, io: [number, number], extra = {}) => {
    const x = 20 + (row % 4) * 190
    const y = 20 + Math.floor(row / 4) * 45
    row++
    boxes.push({
      id,
      maxclass,
      ...(text === undefined ? {} : { text }),
      numinlets: io[0],
      numoutlets: io[1],
      patching_rect: [x, y, 170, 22],
      ...extra,
    })
  }
  const obj = (id: string, text: string, io: [number, number], extra = {}) => add(id, 'newobj', text, io, extra)
  const msg = (id: string, text: string) => add(id, 'message', text, [2, 1])
  const cord = (from: string, outlet: number, to: string, inlet: number) =>
    lines.push({ source: [from, outlet], destination: [to, inlet] })
  /** Cords each box's left outlet to the next one's left inlet. */
  const chain = (...ids: string[]) => {
    for (let i = 1; i < ids.length; i++) cord(ids[i - 1]!, 0, ids[i]!, 0)
  }

  // Networking and the dispatcher. node.script is started with @autostart and no arguments
  // (https://docs.cycling74.com/max8/vignettes/05_n4m_startstop): the port comes later as `listen <port>`, once
  // the script says `ready`.
  obj('thisdevice', 'live.thisdevice', [1, 3])
  msg('init', 'init')
  obj('node', `node.script ${SCRIPT_FILES.node} @autostart 1 @watch 0`, [1, 2])
  obj('v8', `v8 ${SCRIPT_FILES.v8}`, [1, 5])
  cord('thisdevice', 0, 'init', 0)
  cord('init', 0, 'v8', 0)
  cord('node', 0, 'v8', 0)
  cord('v8', 0, 'node', 0)

  // Settings and status. Live's Int parameters hold 0-255 only; a wider integer range is a Float parameter with
  // the Int unit style (https://docs.cycling74.com/max5/refpages/m4l-ref/parameters.html), as a public OSC device's
  // live.numbox ports are (parameter_type 0, parameter_unitstyle 0, 1024-9999); [int] drops the fraction.
  add('port', 'live.numbox', undefined, [1, 2], {
    varname: PORT_PARAMETER.name,
    outlettype: ['', 'float'],
    parameter_enable: 1,
    presentation: 1,
    presentation_rect: [10, 10, 60, 15],
    saved_attribute_attributes: {
      valueof: {
        parameter_longname: PORT_PARAMETER.name,
        parameter_shortname: PORT_PARAMETER.name,
        parameter_type: 0,
        parameter_unitstyle: 0,
        parameter_mmin: PORT_PARAMETER.min,
        parameter_mmax: PORT_PARAMETER.max,
        parameter_initial_enable: 1,
        parameter_initial: [DEVICE_PORT],
      },
    },
  })
  obj('portint', 'int', [2, 1])
  obj('portprep', 'prepend port', [1, 1])
  chain('port', 'portint', 'portprep', 'v8')
  // v8's last outlet bangs the box for its value once Node for Max is ready.
  cord('v8', 4, 'port', 0)
  // textedit sends `text <words…>` ([route text] follows a textedit in public devices), `text` alone when empty,
  // which [route text] turns into bang (https://docs.cycling74.com/reference/textedit/).
  add('folder', 'textedit', undefined, [1, 4], {
    outlettype: ['', 'int', '', ''],
    presentation: 1,
    presentation_rect: [80, 10, 300, 20],
  })
  obj('folderroute', 'route text', [1, 2])
  obj('folderprep', 'prepend exportfolder', [1, 1])
  chain('folder', 'folderroute', 'folderprep', 'v8')
  add('status', 'message', '', [2, 1], { presentation: 1, presentation_rect: [10, 35, 370, 20] })
  cord('v8', 3, 'status', 0)

  // Audio: pass through, and record the device's input.
  obj('plugin', 'plugin~', [2, 2])
  obj('plugout', 'plugout~', [2, 0])
  obj('sfrecord', 'sfrecord~ 2', [2, 1])
  cord('plugin', 0, 'plugout', 0)
  cord('plugin', 1, 'plugout', 1)
  cord('plugin', 0, 'sfrecord', 0)
  cord('plugin', 1, 'sfrecord', 1)

  // The recording chain: route the v8's recorder messages; start and stop on bar lines (or at once: startnow).
  obj('recroute', `route ${RECORDER_WORDS.join(' ')}`, [1, RECORDER_WORDS.length + 1])
  obj('openprep', 'prepend open', [1, 1])
  obj('tpstart', 'timepoint', [1, 1])
  obj('tpstop', 'timepoint', [1, 1])
  obj('gatestart', 'gate', [2, 1])
  obj('gatestop', 'gate', [2, 1])
  obj('tstart', 't b b', [1, 2])
  obj('tstop', 't b b', [1, 2])
  msg('one', '1')
  msg('zero', '0')
  msg('started', 'exportstarted')
  msg('stopped', 'exportstopped')
  cord('v8', 1, 'recroute', 0)
  cord('recroute', 0, 'openprep', 0)
  cord('openprep', 0, 'sfrecord', 0)
  cord('recroute', 1, 'tpstart', 0)
  cord('recroute', 2, 'tpstop', 0)
  cord('recroute', 3, 'gatestart', 0)
  cord('recroute', 4, 'gatestop', 0)
  cord('recroute', 5, 'zero', 0)
  cord('recroute', 6, 'one', 0)
  cord('tpstart', 0, 'gatestart', 1)
  cord('tpstop', 0, 'gatestop', 1)
  cord('gatestart', 0, 'tstart', 0)
  cord('gatestop', 0, 'tstop', 0)
  cord('tstart', 1, 'one', 0)
  cord('tstart', 0, 'started', 0)
  cord('tstop', 1, 'zero', 0)
  cord('tstop', 0, 'stopped', 0)
  cord('one', 0, 'sfrecord', 0)
  cord('zero', 0, 'sfrecord', 0)
  cord('started', 0, 'v8', 0)
  cord('stopped', 0, 'v8', 0)

  // The live.remote~ pool: `<slot> id <n>` and `<slot> value <v>`.
  const slots = Array.from({ length: REMOTE_SLOTS }, (_, i) => i)
  obj('remroute', `route ${slots.join(' ')}`, [1, REMOTE_SLOTS + 1])
  cord('v8', 2, 'remroute', 0)
  for (const i of slots) {
    obj(`slot${i}`, 'route id value', [1, 3])
    obj(`slotid${i}`, 'prepend id', [1, 1])
    obj(`remote${i}`, 'live.remote~', [2, 0])
    cord('remroute', i, `slot${i}`, 0)
    cord(`slot${i}`, 0, `slotid${i}`, 0)
    cord(`slotid${i}`, 0, `remote${i}`, 1)
    cord(`slot${i}`, 1, `remote${i}`, 0)
  }

  return {
    patcher: {
      fileversion: 1,
      appversion: { major: 9, minor: 0, revision: 0, architecture: 'x64', modernui: 1 },
      classnamespace: 'box',
      rect: [100, 100, 820, 640],
      openinpresentation: 1,
      devicewidth: 390,
      description: 'Live Bridge: serves AbletonOSC’s protocol (and more) from inside Live',
      boxes: boxes.map((box) => ({ box: { ...box, id: `obj-${box.id}` } })),
      lines: lines.map((line) => ({
        patchline: {
          source: [`obj-${line.source[0]}`, line.source[1]],
          destination: [`obj-${line.destination[0]}`, line.destination[1]],
        },
      })),
      // Max lists the scripts a device loads, and the parameters by box id: [long name, short name, order].
      dependency_cache: Object.values(SCRIPT_FILES).map((name) => ({ name, type: 'TEXT', implicit: 1 })),
      parameters: { 'obj-port': [PORT_PARAMETER.name, PORT_PARAMETER.name, 0], inherited_shortname: 1 },
      latency: 0,
      is_mpe: 0,
      minimum_live_version: MINIMUM_VERSIONS.live,
      minimum_max_version: MINIMUM_VERSIONS.max,
      platform_compatibility: 0,
      // What Max writes for a device: 'aaaa' (audio effect) as a big-endian int, 1633771873.
      project: {
        version: 1,
        creationdate: 3590052786,
        modificationdate: 3590052786,
        viewrect: [0, 0, 300, 500],
        autoorganize: 1,
        hideprojectwindow: 1,
        showdependencies: 1,
        autolocalize: 0,
        contents: { patchers: {} },
        layout: {},
        searchpath: {},
        detailsvisible: 0,
        amxdtype: 1633771873,
        readonly: 0,
        devpathtype: 0,
        devpath: '.',
        sortmode: 0,
        viewmode: 0,
      },
      autosave: 0,
    },
  }
}
