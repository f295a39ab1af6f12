import {
  type LiveObjectModel,
  LomError,
  type LomObserver,
  type LomPath,
  type LomValue,
} from '../../model/liveObjectModel.js'

/** One object of the fake Live set. */
export interface FakeNode {
  type: string
  props: Record<string, LomValue>
  lists: Record<string, FakeNode[]>
  single: Record<string, FakeNode | null>
  /** Properties that raise Live's RuntimeError ("does not apply"). */
  notApplicable?: string[]
  notes?: { pitch: number; start_time: number; duration: number; velocity: number; mute: boolean }[]
}

const node = (
  type: string,
  props: Record<string, LomValue> = {},
  lists: FakeNode['lists'] = {},
  single: FakeNode['single'] = {},
): FakeNode => ({
  type,
  props,
  lists,
  single,
})

const param = (name: string, value: number, min = 0, max = 1) =>
  node('DeviceParameter', { name, value, min, max, is_quantized: false })

/** A small in-memory Live set for the dispatcher's unit tests (2 MIDI + 2 audio tracks, 2 returns, 8 scenes). */
export function createFakeModel() {
  const track = (name: string, midi: boolean) =>
    node(
      'Track',
      {
        name,
        mute: false,
        solo: false,
        arm: false,
        color: 0xff0000,
        has_midi_input: midi,
        playing_slot_index: -1,
        output_meter_left: 0,
      },
      {
        clip_slots: Array.from({ length: 8 }, () =>
          node('ClipSlot', { has_clip: false, has_stop_button: true, playing_status: 0 }, {}, { clip: null }),
        ),
        devices: [],
        arrangement_clips: [],
      },
      {
        mixer_device: node(
          'MixerDevice',
          {},
          { sends: [param('Send A', 0), param('Send B', 0)] },
          { volume: param('Volume', 0.85), panning: param('Pan', 0, -1, 1) },
        ),
        view: node('TrackView', { selected_device: null }),
      },
    )
  const tracks = [track('1-MIDI', true), track('2-MIDI', true), track('3-Audio', false), track('4-Audio', false)]
  for (const t of tracks.slice(0, 2)) t.notApplicable = ['output_meter_left']
  const returns = [track('A-Reverb', false), track('B-Delay', false)]
  const master = track('Master', false)
  master.single.mixer_device!.single.cue_volume = param('Cue', 0.85)
  master.single.mixer_device!.single.crossfader = param('Crossfader', 0, -1, 1)
  const scenes = Array.from({ length: 8 }, (_, i) =>
    node('Scene', { name: `${i + 1}`, color: 0, tempo: -1, is_triggered: false }),
  )
  const song = node(
    'Song',
    {
      tempo: 120,
      is_playing: false,
      current_song_time: 0,
      metronome: false,
      signature_numerator: 4,
      clip_trigger_quantization: 4,
      scale_name: 'Major',
      can_undo: true,
    },
    {
      tracks,
      return_tracks: returns,
      scenes,
      cue_points: [node('CuePoint', { name: 'Intro', time: 0 }), node('CuePoint', { name: 'Drop', time: 16 })],
    },
    {
      master_track: master,
      view: node('SongView', {
        selected_track: { path: 'live_set tracks 0' },
        selected_scene: { path: 'live_set scenes 0' },
      }),
    },
  )
  const app = node('Application', { average_process_usage: 0.25 })
  const observers = new Map<FakeNode, Map<string, Set<LomObserver>>>()
  const calls: { path: string; method: string; args: readonly LomValue[] }[] = []

  function resolve(path: LomPath): FakeNode | null {
    const tokens = path.trim().split(/\s+/)
    let current: FakeNode | null = tokens[0] === 'live_app' ? app : tokens[0] === 'live_set' ? song : null
    for (let i = 1; i < tokens.length && current !== null; i++) {
      const token = tokens[i]!
      const list: FakeNode[] | undefined = current.lists[token]
      if (list !== undefined) {
        const n = Number(tokens[++i])
        current = list[n] ?? null
      } else if (token in current.single) current = current.single[token] ?? null
      else return null
    }
    return current
  }
  function must(path: LomPath): FakeNode {
    const found = resolve(path)
    if (found === null) throw new LomError('IndexError', 'Index out of range')
    return found
  }
  function notify(target: FakeNode, property: string, value: LomValue) {
    for (const fn of observers.get(target)?.get(property) ?? []) fn(value)
  }
  const model: LiveObjectModel = {
    exists: (path) => resolve(path) !== null,
    type: (path) => must(path).type,
    getCount: (path, child) => must(path).lists[child]?.length ?? 0,
    get(path, property) {
      const target = must(path)
      if (target.notApplicable?.includes(property)) throw new LomError('RuntimeError', 'Not applicable')
      // Lenient: properties the fake does not model read as 0 (typed by the dispatcher).
      return (target.props[property] ?? 0) as LomValue
    },
    set(path, property, value) {
      const target = must(path)
      target.props[property] = value
      notify(target, property, value)
    },
    call(path, method, args) {
      calls.push({ path, method, args })
      const target = must(path)
      if (method === 'get_major_version') return 12
      if (method === 'get_minor_version') return 1
      if (method === 'str_for_value') return `${Number(args[0]).toFixed(2)} dB`
      if (method === 'get_notes_extended') {
        const [p0, ps, t0, ts] = args as number[]
        const notes = (target.notes ?? []).filter(
          (n) => n.pitch >= p0! && n.pitch < p0! + ps! && n.start_time >= t0! && n.start_time < t0! + ts!,
        )
        return JSON.stringify({ notes: [...notes].sort((a, b) => a.pitch - b.pitch || a.start_time - b.start_time) })
      }
      if (method === 'add_new_notes') target.notes = [...(target.notes ?? []), ...JSON.parse(String(args[0])).notes]
      return null
    },
    observe(path, property, observer) {
      const target = must(path)
      const byProp = observers.get(target) ?? new Map<string, Set<LomObserver>>()
      observers.set(target, byProp)
      const set = byProp.get(property) ?? new Set()
      byProp.set(property, set)
      set.add(observer)
      return () => set.delete(observer)
    },
  }
  /** Puts a clip in a slot. */
  function addClip(t: number, s: number, props: Record<string, LomValue> = {}) {
    const slot = tracks[t]!.lists.clip_slots![s]!
    slot.single.clip = node('Clip', {
      name: 'clip',
      length: 4,
      color: 0x00ff00,
      looping: true,
      is_midi_clip: true,
      ...props,
    })
    slot.props.has_clip = true
    slot.single.clip.notApplicable = ['file_path', 'gain']
    return slot.single.clip
  }
  /** Adds a device with parameters to a track. */
  function addDevice(t: number, name: string) {
    const device = node(
      'Device',
      { name, class_name: 'Operator', type: 1, can_have_chains: false },
      { parameters: [param('Device On', 1), param('Filter', 0.5)], chains: [] },
    )
    tracks[t]!.lists.devices!.push(device)
    return device
  }
  const observerCount = () => [...observers.values()].flatMap((m) => [...m.values()]).reduce((n, s) => n + s.size, 0)
  return { model, song, tracks, returns, master, scenes, calls, addClip, addDevice, notify, observerCount, node }
}
