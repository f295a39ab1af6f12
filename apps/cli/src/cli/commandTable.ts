/**
 * Every command of `live`, and the one place each command's usage, words and flags are written:
 * `--help`, usage errors (through `ctx.usage`), shell completion and the command's own argument checks
 * all read this table, and test/commandTable.test.ts checks that every word and flag is in the usage.
 *
 * Adding a command: one entry here (`load` names its file, `usage` its forms, `words` every keyword it
 * takes, `flags` its own flags with their `choices`), and one file under src/commands/ exporting a
 * `CommandGroup` with a function of the same name. The command takes its keywords from `words` here
 * (`commandTable.watch.words.song`), never from a list of its own.
 */
import { OWNER_WORDS as owners } from './args.js'
import type { CommandSpec, FlagSpec } from './commandSpec.js'

const dryRun = { type: 'boolean', help: 'print the plan, send nothing' } as const satisfies FlagSpec
const onOff = ['on', 'off'] as const

// One loader per file under src/commands/; build.mjs turns each import() into a file of dist/lazy/ (the
// transport commands stay inside live.js: they are the fast path).
const transport = () => import('../commands/transport.js').then((m) => m.transport)
const tracks = () => import('../commands/tracks.js').then((m) => m.tracks)
const clips = () => import('../commands/clips.js').then((m) => m.clips)
const devices = () => import('../commands/devices.js').then((m) => m.devices)
const workflows = () => import('../commands/workflows.js').then((m) => m.workflows)
const mapCommands = () => import('../commands/map.js').then((m) => m.mapCommands)

/** Every command of `live`, in the order `live --help` lists them. */
export const commandTable = {
  status: {
    load: () => import('../commands/status.js').then((m) => m.status),
    summary: 'the transport, tempo, position, loop, what each track plays or waits to play, and the server',
    usage: ['live status'],
    examples: ['live status', 'live status --json'],
  },
  play: { load: transport, summary: 'start playback', usage: ['live play'], examples: ['live play'] },
  stop: { load: transport, summary: 'stop playback', usage: ['live stop'], examples: ['live stop'] },
  continue: {
    load: transport,
    summary: 'continue playback from where it stopped',
    usage: ['live continue'],
    examples: ['live continue'],
  },
  record: {
    load: transport,
    summary: 'arrangement record on/off, or record a clip into a slot (N bars, or until Ctrl-C)',
    usage: [
      'live record [on|off]',
      'live record TRACK SLOT|next [--bars N] [--name NAME] [--resample] [--dry-run]',
      'live record new-audio|new-midi [SLOT|next] [--bars N] [--name NAME] [--resample] [--dry-run]',
    ],
    examples: [
      'live record on',
      'live record off',
      'live record 1 0 --bars 4',
      'live record new-audio --bars 2 --resample --name Bounce',
      'live record 2 next',
    ],
    flags: {
      bars: { type: 'string', help: 'length in bars (default: until Ctrl-C)' },
      name: { type: 'string', help: 'the recorded clip’s name (default: "<track> take")' },
      resample: { type: 'boolean', help: 'record what the master plays (input Resampling; audio tracks)' },
      'dry-run': dryRun,
    },
    // A recording without --bars runs until Ctrl-C.
    long: true,
    words: { switch: onOff, newTrack: ['new-audio', 'new-midi'], slot: ['next'] },
  },
  tempo: {
    load: transport,
    summary: 'read or set the tempo (20..999 BPM)',
    usage: ['live tempo [BPM]'],
    examples: ['live tempo', 'live tempo 128', 'live tempo 92.5 --json'],
  },
  sig: {
    load: transport,
    summary: 'read or set the time signature',
    usage: ['live sig [N/D]'],
    examples: ['live sig', 'live sig 6/8'],
  },
  metronome: {
    load: transport,
    summary: 'read or switch the metronome',
    usage: ['live metronome [on|off]'],
    examples: ['live metronome', 'live metronome on'],
    words: { switch: onOff },
  },
  pos: {
    load: transport,
    summary: 'read the song position, or jump to a beat or bars.beats.sixteenths',
    usage: ['live pos [BEATS|BAR.BEAT.SIXTEENTH]'],
    examples: ['live pos', 'live pos 16', 'live pos 5.1.1'],
  },
  undo: { load: transport, summary: 'undo the last change', usage: ['live undo'], examples: ['live undo'] },
  redo: { load: transport, summary: 'redo', usage: ['live redo'], examples: ['live redo'] },
  tracks: {
    load: tracks,
    summary: 'list tracks: name, type, volume, pan, mute/solo/arm, playing clip',
    usage: ['live tracks'],
    examples: ['live tracks', 'live tracks --json'],
  },
  track: {
    load: tracks,
    summary: 'show or change one track, create or delete tracks',
    usage: [
      'live track N [volume [DB] [--raw]|pan [P]|mute [on|off]|solo [on|off]|arm [on|off]|name [TEXT]|send S [VALUE]]',
      'live track create audio|midi',
      'live track delete N [--yes]',
    ],
    examples: [
      'live track 0',
      'live track 0 volume -6dB',
      'live track 0 volume --raw 0.85',
      'live track 1 pan 25L',
      'live track 2 mute on',
      'live track 0 send 0 0.5',
      'live track create midi',
      'live track delete 3 --yes',
    ],
    flags: {
      raw: {
        type: 'boolean',
        help: 'volume as Live’s raw 0..1 fader value; without it a bare number is dB (`volume 2` is +2 dB, said on stderr)',
      },
    },
    words: {
      action: ['create', 'delete'],
      property: ['volume', 'pan', 'mute', 'solo', 'arm', 'name', 'send'],
      type: ['audio', 'midi'],
      switch: onOff,
    },
  },
  clips: {
    load: () => import('../commands/clipGrid.js').then((m) => m.clipGrid),
    summary: 'the session grid: tracks as columns, scenes as rows, what plays and what is triggered',
    usage: ['live clips'],
    examples: ['live clips', 'live clips --json'],
  },
  clip: {
    load: clips,
    summary: 'fire, stop, create, name a clip, or list its notes (`live clips` shows which slots hold one)',
    usage: ['live clip TRACK SCENE fire|stop|create [BEATS]|name [TEXT]|notes'],
    // On the demo set (`live sim --set demo`): track 0 scene 1 holds "Beat A", track 1 scene 3 is empty.
    examples: [
      'live clip 0 1 fire',
      'live clip 0 1 stop',
      'live clip 1 3 create 8',
      'live clip 1 3 name Fill',
      'live clip 0 1 notes',
    ],
    words: { action: ['fire', 'stop', 'create', 'name', 'notes'] },
  },
  scenes: { load: clips, summary: 'list scenes', usage: ['live scenes'], examples: ['live scenes'] },
  scene: {
    load: clips,
    summary: 'fire a scene, or create one',
    usage: ['live scene N fire', 'live scene create'],
    examples: ['live scene 0 fire', 'live scene create'],
    words: { action: ['fire'], create: ['create'] },
  },
  devices: {
    load: devices,
    summary: 'list the devices of a track (or of a rack’s chains)',
    usage: ['live devices TRACK|master|return/R [RACK]'],
    examples: ['live devices 0', 'live devices master   (bridge)', 'live devices 0 0   (bridge: the chains of rack 0)'],
    words: { owner: owners },
  },
  params: {
    load: devices,
    summary: 'list a device’s parameters: names, values, value strings, ranges',
    usage: ['live params TRACK|master|return/R DEVICE'],
    examples: ['live params 0 0', 'live params 2 1 --json', 'live params 0 0/1/0   (bridge: a device inside a rack)'],
    words: { owner: owners },
  },
  param: {
    load: devices,
    summary: 'read or set one device parameter by name or index',
    usage: ['live param TRACK|master|return/R DEVICE NAME|INDEX [VALUE]'],
    examples: [
      'live param 0 0 "Macro 1"',
      'live param 0 0 "Macro 1" 64',
      'live param 2 1 3 0.5',
      'live param master 0 "Output Gain" -2   (bridge)',
    ],
    words: { owner: owners },
  },
  watch: {
    load: () => import('../commands/watch.js').then((m) => m.watch),
    summary: 'stream a property’s values until Ctrl-C',
    usage: [
      'live watch tempo|beat|playing|position|metronome [--count N]',
      'live watch track N volume|pan|mute|solo|arm|meter|clip|name [--count N]',
    ],
    examples: ['live watch tempo', 'live watch beat', 'live watch track 0 volume', 'live watch tempo --count 1 --json'],
    flags: { count: { type: 'string', help: 'stop after N values' } },
    long: true,
    words: {
      song: ['tempo', 'beat', 'playing', 'position', 'metronome'],
      track: ['track'],
      trackProperty: ['volume', 'pan', 'mute', 'solo', 'arm', 'meter', 'clip', 'name'],
    },
  },
  snapshot: {
    load: () => import('../commands/snapshot.js').then((m) => m.snapshot),
    summary: 'save the mix to a file, restore it, or diff it',
    usage: [
      'live snapshot save FILE [--no-notes] [--no-params]',
      'live snapshot restore FILE [--dry-run] [--yes]',
      'live snapshot diff FILE [FILE2]',
    ],
    examples: [
      'live snapshot save before.json',
      'live snapshot diff before.json',
      'live snapshot restore before.json --dry-run',
      'live snapshot restore before.json --yes',
    ],
    flags: {
      'dry-run': dryRun,
      'no-notes': { type: 'boolean', help: 'save without MIDI notes (faster on big sets)' },
      'no-params': { type: 'boolean', help: 'save without device parameters' },
    },
    long: true,
    words: { action: ['save', 'restore', 'diff'] },
  },
  fade: {
    load: workflows,
    summary: 'fade a track’s volume to a level over some beats or seconds',
    usage: [
      'live fade TRACK|master|return/R TO_DB [--beats N | --seconds S] [--from DB] [--curve linear|equal-power|exponential] [--dry-run]',
    ],
    examples: [
      'live fade 0 -inf --beats 16',
      'live fade 1 0 --seconds 4',
      'live fade 0 -12 --beats 8 --dry-run',
      'live fade master -6 --beats 8   (bridge)',
    ],
    flags: {
      beats: { type: 'string', help: 'duration in beats' },
      seconds: { type: 'string', help: 'duration in seconds' },
      from: { type: 'string', help: 'start level in dB (default: the current one)' },
      curve: {
        type: 'string',
        help: 'linear (default), equal-power, or exponential (even in dB)',
        choices: ['linear', 'equal-power', 'exponential'],
      },
      'dry-run': dryRun,
    },
    long: true,
    words: { owner: owners },
  },
  lfo: {
    load: workflows,
    summary: 'modulate a track’s volume or pan, or a device parameter, with an LFO',
    usage: [
      'live lfo TRACK|master|return/R volume|pan|DEVICE:PARAM [--rate BEATS | --hz HZ] [--depth D] [--center C] [--shape sine|triangle|square|saw|random] [--bars N | --beats N] [--dry-run]',
    ],
    examples: [
      'live lfo 0 pan --rate 2 --depth 0.5 --bars 4',
      'live lfo 1 0:"Filter Freq" --shape triangle --depth 20',
      'live lfo 2 volume --hz 4 --depth 0.1',
      'live lfo 0 0/1/0:0 --depth 0.5 --bars 2   (bridge: a device inside a rack)',
    ],
    flags: {
      rate: { type: 'string', help: 'one cycle in beats (default 4)' },
      hz: { type: 'string', help: 'cycles per second (instead of --rate)' },
      depth: { type: 'string', help: 'swing either side, in the target’s units (default 0.25)' },
      center: { type: 'string', help: 'the value to swing around (default: the current one)' },
      shape: {
        type: 'string',
        help: 'the wave (default sine)',
        choices: ['sine', 'triangle', 'square', 'saw', 'random'],
      },
      bars: { type: 'string', help: 'length in 4/4 bars (default: until Ctrl-C)' },
      beats: { type: 'string', help: 'length in beats (instead of --bars)' },
      'dry-run': dryRun,
    },
    long: true,
    words: { owner: owners, target: ['volume', 'pan'] },
  },
  perform: {
    load: workflows,
    summary: 'run a performance plan (JSON): scenes, clips, fades on the beat',
    usage: ['live perform PLAN.json [--dry-run]'],
    examples: ['live perform set.json', 'live perform set.json --dry-run --json'],
    flags: { 'dry-run': dryRun },
    long: true,
  },
  generate: {
    load: workflows,
    summary: 'launch clips generatively, bar by bar',
    usage: [
      'live generate [--bars N] [--seed N] [--tracks 0,1,2] [--scenes 0,1] [--density 0..1] [--quantise BARS] [--dry-run]',
    ],
    examples: ['live generate --bars 16', 'live generate --bars 8 --seed 42 --dry-run'],
    flags: {
      bars: { type: 'string', help: 'length in bars (default 8)' },
      seed: { type: 'string', help: 'random seed (same seed, same passage; default: a new one, printed)' },
      tracks: { type: 'string', help: 'comma-separated track indices (default: every track)' },
      scenes: { type: 'string', help: 'comma-separated scene indices (default: every scene)' },
      density: { type: 'string', help: 'chance 0..1 that a track changes clip at each launch (default 0.5)' },
      quantise: { type: 'string', help: 'bars between launches (default 1)' },
      'dry-run': dryRun,
    },
    long: true,
  },
  'export-stems': {
    load: workflows,
    summary: 'record each track alone, for stems (WAV files on the bridge; clips to export on AbletonOSC)',
    usage: [
      'live export-stems [TRACK...] [--bars N | --beats N] [--method auto|resample|bridge] [--name PATTERN] [--folder DIR] [--dry-run]',
    ],
    examples: [
      'live export-stems --bars 8',
      'live export-stems 0 1 --bars 4',
      'live export-stems Drums Bass --dry-run',
    ],
    flags: {
      bars: { type: 'string', help: 'bars per stem (default: the arrangement’s length)' },
      beats: { type: 'string', help: 'beats per stem (instead of --bars)' },
      method: { type: 'string', help: 'how to record (default auto)', choices: ['auto', 'resample', 'bridge'] },
      name: { type: 'string', help: 'stem name pattern: {track}, {index} (default "{track} stem")' },
      folder: { type: 'string', help: 'bridge only: folder for the WAV files (default Stems)' },
      'dry-run': dryRun,
    },
    long: true,
  },
  clock: {
    load: workflows,
    summary: 'send MIDI clock following Live’s tempo to a MIDI output',
    usage: ['live clock [--output NAME|INDEX | --virtual NAME] [--ppqn N]', 'live clock --list'],
    examples: ['live clock --list', 'live clock --output "IAC Bus 1"', 'live clock --virtual "Live Clock"'],
    flags: {
      output: { type: 'string', help: 'MIDI output name (or part of it) or index (default: the first)' },
      virtual: { type: 'string', help: 'create a virtual output port with this name (macOS, Linux)' },
      ppqn: { type: 'string', help: 'pulses per quarter note (default 24)' },
      list: { type: 'boolean', help: 'list MIDI outputs' },
    },
    long: true,
  },
  map: {
    load: mapCommands,
    summary: 'map a MIDI controller to Live (feedback, soft takeover, banks), learn a mapping, or install it in Live',
    usage: [
      'live map FILE|PRESET [--in PORT|stdin] [--out PORT] [--virtual NAME] [--native] [--dry-run]',
      'live map learn [--in PORT|stdin] FILE',
      'live map presets [nanokontrol2|launch-control-xl|apc-mini]',
    ],
    examples: [
      'live map presets',
      'live map nanokontrol2',
      'live map my-map.json --in "Launch Control XL" --out "Launch Control XL"',
      'live map learn my-map.json',
      'live map synth.json --native   (AbletonOSC: device parameters, absolute CCs)',
      'live map my-map.json --dry-run',
    ],
    flags: {
      in: {
        type: 'string',
        help: 'MIDI input name (or part of it), index, or stdin (hex bytes per line; default: the controller’s port)',
      },
      out: { type: 'string', help: 'MIDI output for feedback (default: the output named like the input)' },
      virtual: { type: 'string', help: 'create a virtual input and output with this name (macOS, Linux)' },
      native: {
        type: 'boolean',
        help: 'install device-parameter CCs in Live itself (AbletonOSC /live/midimap/map_cc) and exit',
      },
      'dry-run': dryRun,
    },
    long: true,
    words: { action: ['learn', 'presets'], preset: ['nanokontrol2', 'launch-control-xl', 'apc-mini'] },
  },
  midi: {
    load: mapCommands,
    summary: 'list the MIDI input and output ports',
    usage: ['live midi ports'],
    examples: ['live midi ports', 'live midi ports --json'],
    words: { action: ['ports'] },
  },
  sim: {
    load: () => import('../commands/sim.js').then((m) => m.sim),
    summary: 'run the simulator (a Live set over AbletonOSC’s protocol)',
    usage: [
      'live sim [--flavour abletonosc|bridge] [--set default|demo|FILE.json] [--port N] [--reply-port N] [--tick-ms N] [--export-folder DIR] [--verbose]',
    ],
    examples: [
      'live sim',
      'live sim --set demo',
      'live sim --flavour bridge --port 11010',
      'live sim --flavour bridge --export-folder ./exports',
    ],
    flags: {
      flavour: { type: 'string', help: 'imitate AbletonOSC or the bridge', choices: ['abletonosc', 'bridge'] },
      set: { type: 'string', help: 'default, demo or FILE.json' },
      'tick-ms': { type: 'string', help: 'tick period (abletonosc flavour)' },
      'export-folder': { type: 'string', help: 'where /live/bridge/export/* writes (silent) files (bridge flavour)' },
      verbose: { type: 'boolean', help: 'log each message' },
    },
    long: true,
  },
  console: {
    load: () => import('../commands/console.js').then((m) => m.console),
    summary: 'an interactive prompt for raw OSC, with completion of addresses',
    usage: ['live console'],
    examples: ['live console', '> /live/song/get/tempo', '> /live/track/set/volume 0 0.7'],
    long: true,
  },
  doctor: {
    load: () => import('../commands/doctor.js').then((m) => m.doctor),
    summary: 'check the connection to Live and say how to fix what is wrong',
    usage: ['live doctor [--bridge]'],
    examples: ['live doctor', 'live doctor --json', 'live doctor --bridge --port 11002 --json'],
    flags: {
      bridge: { type: 'boolean', help: "run the Live Bridge device's self-test and print its table" },
    },
    long: true,
  },
  demo: {
    load: () => import('../commands/demo.js').then((m) => m.demo),
    summary: 'watch a short performance on an embedded simulator (no Live needed)',
    usage: ['live demo [--fast] [--flavour bridge|abletonosc]'],
    examples: ['live demo', 'live demo --fast'],
    flags: {
      fast: { type: 'boolean', help: 'high tempo, fewer bars (a few seconds)' },
      flavour: { type: 'string', help: 'the simulator’s flavour (default bridge)', choices: ['bridge', 'abletonosc'] },
    },
    long: true,
  },
  ui: {
    load: () => import('../commands/ui.js').then((m) => m.ui),
    summary: 'a control surface in the browser: session grid, mixer, transport, devices, live from the set',
    usage: ['live ui [--http PORT] [--sim] [--lan]'],
    examples: ['live ui --sim', 'live ui', 'live ui --lan   (a tablet or phone on the same network: scan the QR code)'],
    flags: {
      http: { type: 'string', help: 'HTTP port to serve on (default 8790; 0 picks a free one)' },
      sim: { type: 'boolean', help: 'an embedded simulator with the demo set instead of Live' },
      lan: { type: 'boolean', help: 'serve the network too, behind a random token (prints the address and a QR code)' },
    },
    long: true,
  },
  completion: {
    load: () => import('../commands/completion.js').then((m) => m.completion),
    summary: 'print a shell completion script',
    usage: ['live completion bash|zsh|fish'],
    examples: [
      'live completion bash >> ~/.bashrc',
      'live completion zsh > ~/.zfunc/_live',
      'live completion fish > ~/.config/fish/completions/live.fish',
    ],
    words: { shell: ['bash', 'zsh', 'fish'] },
  },
} as const satisfies Readonly<Record<string, CommandSpec>>

/** The name of a command of {@link commandTable}. */
export type CommandName = keyof typeof commandTable

/** The spec of a command by name, or undefined for a word that is none. */
export function findCommand(name: string): CommandSpec | undefined {
  return Object.hasOwn(commandTable, name) ? (commandTable as Readonly<Record<string, CommandSpec>>)[name] : undefined
}
