/** A flag of a command, as node:util parseArgs takes it. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string | undefined
  readonly multiple?: boolean | undefined
  /** One line for `--help` and completion. */
  readonly help: string
}

/** Which file under src/commands/ runs a command (imported only when the command runs). */
export type GroupName =
  | 'transport'
  | 'tracks'
  | 'clips'
  | 'devices'
  | 'watch'
  | 'snapshot'
  | 'workflows'
  | 'sim'
  | 'console'
  | 'doctor'
  | 'demo'
  | 'completion'
  | 'ui'

/** One command of `live`: what it does, how to call it, examples, and its own flags. */
export interface CommandSpec {
  readonly group: GroupName
  readonly summary: string
  readonly usage: string
  readonly examples: readonly string[]
  readonly flags?: Readonly<Record<string, FlagSpec>> | undefined
  /** Runs until stopped (watch, sim, console, demo, workflows): no overall deadline. */
  readonly long?: boolean | undefined
  /** Words completion offers after the command. */
  readonly words?: readonly string[] | undefined
}

/** Flags every command accepts. */
export const globalFlags: Readonly<Record<string, FlagSpec>> = {
  host: { type: 'string', help: 'server host ($ABLETON_OSC_HOST, default 127.0.0.1)' },
  port: { type: 'string', help: 'server port ($ABLETON_OSC_PORT, default 11000)' },
  'reply-port': {
    type: 'string',
    help: "port AbletonOSC replies to, or 'source' ($ABLETON_OSC_REPLY_PORT, default 11001)",
  },
  timeout: { type: 'string', help: 'ms to wait for each reply (default 1000)' },
  json: { type: 'boolean', help: 'print one JSON document on stdout' },
  'no-color': { type: 'boolean', help: 'no colour (also NO_COLOR=1)' },
  yes: { type: 'boolean', short: 'y', help: 'do not ask for confirmation' },
  help: { type: 'boolean', short: 'h', help: 'show help' },
}

const dryRun: FlagSpec = { type: 'boolean', help: 'print the plan, send nothing' }
const bars: FlagSpec = { type: 'string', help: 'length in bars' }

/** Every command of `live`, in the order `live --help` lists them. */
export const commandTable: Readonly<Record<string, CommandSpec>> = {
  play: { group: 'transport', summary: 'start playback', usage: 'live play', examples: ['live play'] },
  stop: { group: 'transport', summary: 'stop playback', usage: 'live stop', examples: ['live stop'] },
  continue: {
    group: 'transport',
    summary: 'continue playback from where it stopped',
    usage: 'live continue',
    examples: ['live continue'],
  },
  record: {
    group: 'transport',
    summary: 'arrangement record on/off, or record a clip into a slot (N bars, or until Ctrl-C)',
    usage:
      'live record [on|off]  |  live record TRACK SLOT|next [--bars N] [--name NAME] [--resample]  |  live record new-audio|new-midi [SLOT] [--bars N]',
    examples: [
      'live record on',
      'live record off',
      'live record 1 0 --bars 4',
      'live record new-audio --bars 2 --resample --name Bounce',
      'live record 2 next',
    ],
    flags: {
      bars,
      name: { type: 'string', help: 'the recorded clip’s name (default: "<track> take")' },
      resample: { type: 'boolean', help: 'record what the master plays (input Resampling; audio tracks)' },
      'dry-run': dryRun,
    },
    // A recording without --bars runs until Ctrl-C.
    long: true,
    words: ['on', 'off', 'new-audio', 'new-midi'],
  },
  tempo: {
    group: 'transport',
    summary: 'read or set the tempo (20..999 BPM)',
    usage: 'live tempo [BPM]',
    examples: ['live tempo', 'live tempo 128', 'live tempo 92.5 --json'],
  },
  sig: {
    group: 'transport',
    summary: 'read or set the time signature',
    usage: 'live sig [N/D]',
    examples: ['live sig', 'live sig 6/8'],
  },
  metronome: {
    group: 'transport',
    summary: 'read or switch the metronome',
    usage: 'live metronome [on|off]',
    examples: ['live metronome', 'live metronome on'],
    words: ['on', 'off'],
  },
  pos: {
    group: 'transport',
    summary: 'read the song position, or jump to a beat or bars.beats.sixteenths',
    usage: 'live pos [BEATS|BAR.BEAT.SIXTEENTH]',
    examples: ['live pos', 'live pos 16', 'live pos 5.1.1'],
  },
  undo: { group: 'transport', summary: 'undo the last change', usage: 'live undo', examples: ['live undo'] },
  redo: { group: 'transport', summary: 'redo', usage: 'live redo', examples: ['live redo'] },
  tracks: {
    group: 'tracks',
    summary: 'list tracks: name, type, volume, pan, mute/solo/arm, playing clip',
    usage: 'live tracks',
    examples: ['live tracks', 'live tracks --json'],
  },
  track: {
    group: 'tracks',
    summary: 'show or change one track, create or delete tracks',
    usage:
      'live track N [volume DB|pan P|mute on|solo on|arm on|name TEXT|send S VALUE]  |  live track create audio|midi  |  live track delete N',
    examples: [
      'live track 0',
      'live track 0 volume -6',
      'live track 0 volume --raw 0.85',
      'live track 1 pan 25L',
      'live track 2 mute on',
      'live track 0 send 0 0.5',
      'live track create midi',
      'live track delete 3 --yes',
    ],
    flags: { raw: { type: 'boolean', help: 'volume as Live’s raw 0..1 value instead of dB' } },
    words: ['create', 'delete', 'volume', 'pan', 'mute', 'solo', 'arm', 'name', 'send'],
  },
  clip: {
    group: 'clips',
    summary: 'fire, stop, create, name a clip, or list its notes',
    usage: 'live clip TRACK SCENE fire|stop|create [BEATS]|name [TEXT]|notes',
    examples: [
      'live clip 0 0 fire',
      'live clip 0 0 stop',
      'live clip 1 3 create 8',
      'live clip 0 0 name Intro',
      'live clip 0 0 notes',
    ],
    words: ['fire', 'stop', 'create', 'name', 'notes'],
  },
  scenes: { group: 'clips', summary: 'list scenes', usage: 'live scenes', examples: ['live scenes'] },
  scene: {
    group: 'clips',
    summary: 'fire a scene, or create one',
    usage: 'live scene N fire  |  live scene create',
    examples: ['live scene 0 fire', 'live scene create'],
    words: ['fire', 'create'],
  },
  devices: {
    group: 'devices',
    summary: 'list the devices of a track (or of a rack’s chains)',
    usage: 'live devices TRACK|master|return/R [RACK]',
    examples: ['live devices 0', 'live devices master   (bridge)', 'live devices 0 0   (bridge: the chains of rack 0)'],
  },
  params: {
    group: 'devices',
    summary: 'list a device’s parameters: names, values, value strings, ranges',
    usage: 'live params TRACK|master|return/R DEVICE',
    examples: ['live params 0 0', 'live params 2 1 --json', 'live params 0 0/1/0   (bridge: a device inside a rack)'],
  },
  param: {
    group: 'devices',
    summary: 'read or set one device parameter by name or index',
    usage: 'live param TRACK|master|return/R DEVICE NAME|INDEX [VALUE]',
    examples: [
      'live param 0 0 "Macro 1"',
      'live param 0 0 "Macro 1" 64',
      'live param 2 1 3 0.5',
      'live param master 0 "Output Gain" -2   (bridge)',
    ],
  },
  watch: {
    group: 'watch',
    summary: 'stream a property’s values until Ctrl-C',
    usage: 'live watch tempo|beat|playing|position|track N volume|pan|mute|solo|arm|meter|clip [--count N]',
    examples: ['live watch tempo', 'live watch beat', 'live watch track 0 volume', 'live watch tempo --count 1 --json'],
    flags: { count: { type: 'string', help: 'stop after N values' } },
    long: true,
    words: ['tempo', 'beat', 'playing', 'position', 'metronome', 'track'],
  },
  snapshot: {
    group: 'snapshot',
    summary: 'save the mix to a file, restore it, or diff it',
    usage:
      'live snapshot save FILE [--no-notes] [--no-params]  |  live snapshot restore FILE [--dry-run] [--yes]  |  live snapshot diff FILE [FILE2]',
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
    words: ['save', 'restore', 'diff'],
  },
  fade: {
    group: 'workflows',
    summary: 'fade a track’s volume to a level over some beats or seconds',
    usage:
      'live fade TRACK|master|return/R TO_DB [--beats N | --seconds S] [--from DB] [--curve linear|equal-power|exponential] [--dry-run]',
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
      curve: { type: 'string', help: 'linear (default), equal-power, or exponential (even in dB)' },
      'dry-run': dryRun,
    },
    long: true,
  },
  lfo: {
    group: 'workflows',
    summary: 'modulate a track’s volume or pan, or a device parameter, with an LFO',
    usage:
      'live lfo TRACK|master|return/R volume|pan|DEVICE:PARAM [--rate BEATS | --hz HZ] [--depth D] [--center C] [--shape sine|triangle|square|saw|random] [--bars N | --beats N]',
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
      shape: { type: 'string', help: 'sine, triangle, square, saw or random' },
      bars: { type: 'string', help: 'length in 4/4 bars (default: until Ctrl-C)' },
      beats: { type: 'string', help: 'length in beats (instead of --bars)' },
      'dry-run': dryRun,
    },
    long: true,
  },
  perform: {
    group: 'workflows',
    summary: 'run a performance plan (JSON): scenes, clips, fades on the beat',
    usage: 'live perform PLAN.json [--dry-run]',
    examples: ['live perform set.json', 'live perform set.json --dry-run --json'],
    flags: { 'dry-run': dryRun },
    long: true,
  },
  generate: {
    group: 'workflows',
    summary: 'launch clips generatively, bar by bar',
    usage:
      'live generate [--bars N] [--seed N] [--tracks 0,1,2] [--scenes 0,1] [--density 0..1] [--quantise BARS] [--dry-run]',
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
    group: 'workflows',
    summary: 'record each track alone, for stems (WAV files on the bridge; clips to export on AbletonOSC)',
    usage:
      'live export-stems [TRACK...] [--bars N | --beats N] [--method auto|resample|bridge] [--name PATTERN] [--folder DIR] [--dry-run]',
    examples: [
      'live export-stems --bars 8',
      'live export-stems 0 1 --bars 4',
      'live export-stems Drums Bass --dry-run',
    ],
    flags: {
      bars: { type: 'string', help: 'bars per stem (default: the arrangement’s length)' },
      beats: { type: 'string', help: 'beats per stem (instead of --bars)' },
      method: { type: 'string', help: 'auto (default), resample or bridge' },
      name: { type: 'string', help: 'stem name pattern: {track}, {index} (default "{track} stem")' },
      folder: { type: 'string', help: 'bridge only: folder for the WAV files (default Stems)' },
      'dry-run': dryRun,
    },
    long: true,
  },
  clock: {
    group: 'workflows',
    summary: 'send MIDI clock following Live’s tempo to a MIDI output',
    usage: 'live clock [--output NAME|INDEX | --virtual NAME] [--ppqn N]  |  live clock --list',
    examples: ['live clock --list', 'live clock --output "IAC Bus 1"', 'live clock --virtual "Live Clock"'],
    flags: {
      output: { type: 'string', help: 'MIDI output name (or part of it) or index (default: the first)' },
      virtual: { type: 'string', help: 'create a virtual output port with this name (macOS, Linux)' },
      ppqn: { type: 'string', help: 'pulses per quarter note (default 24)' },
      list: { type: 'boolean', help: 'list MIDI outputs' },
    },
    long: true,
  },
  sim: {
    group: 'sim',
    summary: 'run the simulator (a Live set over AbletonOSC’s protocol)',
    usage:
      'live sim [--flavour abletonosc|bridge] [--set default|demo|FILE.json] [--port N] [--reply-port N] [--tick-ms N] [--export-folder DIR] [--verbose]',
    examples: [
      'live sim',
      'live sim --set demo',
      'live sim --flavour bridge --port 11010',
      'live sim --flavour bridge --export-folder ./exports',
    ],
    flags: {
      flavour: { type: 'string', help: 'abletonosc or bridge' },
      set: { type: 'string', help: 'default, demo or FILE.json' },
      'tick-ms': { type: 'string', help: 'tick period (abletonosc flavour)' },
      'export-folder': { type: 'string', help: 'where /live/bridge/export/* writes (silent) files (bridge flavour)' },
      verbose: { type: 'boolean', help: 'log each message' },
    },
    long: true,
  },
  console: {
    group: 'console',
    summary: 'an interactive prompt for raw OSC, with completion of addresses',
    usage: 'live console',
    examples: ['live console', '> /live/song/get/tempo', '> /live/track/set/volume 0 0.7'],
    long: true,
  },
  doctor: {
    group: 'doctor',
    summary: 'check the connection to Live and say how to fix what is wrong',
    usage: 'live doctor',
    examples: ['live doctor', 'live doctor --json'],
    long: true,
  },
  demo: {
    group: 'demo',
    summary: 'watch a short performance on an embedded simulator (no Live needed)',
    usage: 'live demo [--fast] [--flavour bridge|abletonosc]',
    examples: ['live demo', 'live demo --fast'],
    flags: {
      fast: { type: 'boolean', help: 'high tempo, fewer bars (a few seconds)' },
      flavour: { type: 'string', help: 'abletonosc or bridge (default bridge)' },
    },
    long: true,
  },
  ui: {
    group: 'ui',
    summary: 'a control surface in the browser: session grid, mixer, transport, devices, live from the set',
    usage: 'live ui [--http PORT] [--sim] [--lan]',
    examples: ['live ui --sim', 'live ui', 'live ui --lan   (a tablet or phone on the same network: scan the QR code)'],
    flags: {
      http: { type: 'string', help: 'HTTP port to serve on (default 8790; 0 picks a free one)' },
      sim: { type: 'boolean', help: 'an embedded simulator with the demo set instead of Live' },
      lan: { type: 'boolean', help: 'serve the network too, behind a random token (prints the address and a QR code)' },
    },
    long: true,
  },
  completion: {
    group: 'completion',
    summary: 'print a shell completion script',
    usage: 'live completion bash|zsh|fish',
    examples: [
      'live completion bash >> ~/.bashrc',
      'live completion zsh > ~/.zfunc/_live',
      'live completion fish > ~/.config/fish/completions/live.fish',
    ],
    words: ['bash', 'zsh', 'fish'],
  },
}
