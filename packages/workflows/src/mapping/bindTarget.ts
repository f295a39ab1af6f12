import type { LiveClient, Unwatch } from '@live/client'
import { findEntry, formatDb, LiveError, panToString, rangeOf, volumeToDb } from '@live/protocol'
import { SONG_CALLS, SONG_SWITCHES, type Target } from './targetSchema.js'

/** A slot's state as a pad shows it. */
export type ClipState = 'empty' | 'stopped' | 'playing' | 'triggered'

/** What a target's watcher reports: a value (continuous), on/off (switches, lit buttons), or a clip's state. */
export type TargetLevel = number | boolean | ClipState

/** A mapping target bound to objects in Live (after the bank's offsets), ready to write, fire and watch. */
export interface BoundTarget {
  /** Words for a person: `track 8 volume`. */
  readonly label: string
  /** `continuous` takes a value in min..max; `switch` on/off; `trigger` fires. */
  readonly category: 'continuous' | 'switch' | 'trigger'
  readonly min: number
  readonly max: number
  /** Values are whole numbers (quantised device parameters). */
  readonly quantized: boolean
  /** Sets the value (continuous) or the switch; resolves once sent. */
  write(value: number | boolean): Promise<void>
  /** Fires a trigger: `steps` is a direction and count for relative targets (select, bank), else 1. */
  fire(steps: number, current: TargetLevel | undefined): Promise<void>
  /** Follows what Live shows for the target, with the current value at once; undefined when nothing can be shown. */
  watch?: ((onLevel: (level: TargetLevel) => void, onError: (error: LiveError) => void) => Unwatch) | undefined
  /** Reads the current value (continuous targets without a listener). */
  read?: (() => Promise<number>) | undefined
  /** A value in words: `-6.0 dB`, `25L`, `128 BPM`. */
  display(value: number | boolean): string
}

/** The bank's offsets applied to a line's indices. */
export interface BankOffsets {
  readonly track: number
  readonly scene: number
}

type Handle = {
  get?: (() => Promise<unknown>) | undefined
  set?: ((value: never) => Promise<void>) | undefined
  watch?: ((handlers: { onValue: (v: unknown) => void; onError?: (e: LiveError) => void }) => Unwatch) | undefined
}

const number = (v: unknown) => Number(v)
const onOff = (v: number | boolean) => (v === true || (typeof v === 'number' && v >= 0.5) ? 'on' : 'off')
const fixed =
  (digits: number, unit = '') =>
  (v: number | boolean) =>
    `${Number(v).toFixed(digits)}${unit}`

function watchHandle(handle: Handle, map: (v: unknown) => TargetLevel = number): BoundTarget['watch'] {
  const watch = handle.watch
  if (watch === undefined) return undefined
  return (onLevel, onError) => watch({ onValue: (v) => onLevel(map(v)), onError })
}

function continuous(
  label: string,
  handle: Handle,
  range: readonly [number, number],
  display: BoundTarget['display'],
  quantized = false,
): BoundTarget {
  return {
    label,
    category: 'continuous',
    min: range[0],
    max: range[1],
    quantized,
    write: (value) => handle.set!(Number(value) as never),
    fire: async () => {},
    watch: watchHandle(handle),
    read: handle.get === undefined ? undefined : async () => Number(await handle.get!()),
    display,
  }
}

function switchTarget(label: string, handle: Handle): BoundTarget {
  return {
    label,
    category: 'switch',
    min: 0,
    max: 1,
    quantized: true,
    write: (value) => handle.set!((value === true || value === 1) as never),
    fire: async (_steps, current) => handle.set!((current !== true) as never),
    watch: watchHandle(handle, (v) => v === true || v === 1),
    display: onOff,
  }
}

function trigger(label: string, fire: BoundTarget['fire'], watch?: BoundTarget['watch']): BoundTarget {
  return {
    label,
    category: 'trigger',
    min: 0,
    max: 1,
    quantized: true,
    write: async () => {},
    fire,
    watch,
    display: () => 'fired',
  }
}

/** A track, return or master strip of the client, with words for it. */
function strip(
  live: LiveClient,
  target: { track?: number | undefined; return?: number | undefined; master?: true | undefined },
  offsets: BankOffsets,
) {
  if (target.master === true)
    return { api: live.masterTrack as unknown as Record<string, Handle>, label: 'master', id: 'master' as const }
  if (target.return !== undefined) {
    const r = target.return
    return {
      api: live.returnTrack(r) as unknown as Record<string, Handle>,
      label: `return ${r}`,
      id: `return/${r}` as const,
    }
  }
  const t = (target.track ?? 0) + offsets.track
  return { api: live.track(t) as unknown as Record<string, Handle>, label: `track ${t}`, id: t }
}

/**
 * Binds a target to the client at the bank's offsets: parameter names become indices, ranges are read.
 *
 * @example
 * const bound = await bindTarget(live, { kind: 'volume', track: 0 }, { track: 8, scene: 0 })
 * await bound.write(0.85) // track 8 at 0 dB
 */
export async function bindTarget(
  live: LiveClient,
  target: Target,
  offsets: BankOffsets,
  signal?: AbortSignal | undefined,
): Promise<BoundTarget> {
  switch (target.kind) {
    case 'volume': {
      const s = strip(live, target, offsets)
      return continuous(`${s.label} volume`, s.api.volume!, [0, 1], (v) => formatDb(volumeToDb(Number(v))))
    }
    case 'panning': {
      const s = strip(live, target, offsets)
      return continuous(`${s.label} pan`, s.api.panning!, [-1, 1], (v) => panToString(Number(v)))
    }
    case 'send': {
      const s = strip(live, target, offsets)
      const send = (s.api as unknown as { send: (i: number) => Handle }).send(target.send)
      return continuous(`${s.label} send ${target.send}`, send, [0, 1], (v) => formatDb(volumeToDb(Number(v))))
    }
    case 'crossfader':
      return continuous('crossfader', live.masterTrack.crossfader as unknown as Handle, [-1, 1], fixed(2))
    case 'tempo':
      return continuous('tempo', live.song.tempo as unknown as Handle, [60, 180], fixed(1, ' BPM'))
    case 'parameter':
      return bindParameter(live, target, offsets, signal)
    case 'mute':
    case 'solo': {
      const s = strip(live, target, offsets)
      return switchTarget(`${s.label} ${target.kind}`, s.api[target.kind]!)
    }
    case 'arm': {
      const t = target.track + offsets.track
      return switchTarget(`track ${t} arm`, live.track(t).arm as unknown as Handle)
    }
    case 'metronome':
    case 'loop':
    case 'record':
    case 'session-record':
    case 'overdub':
    case 'punch-in':
    case 'punch-out': {
      const song = live.song as unknown as Record<string, Handle>
      return switchTarget(target.kind, song[SONG_SWITCHES[target.kind]]!)
    }
    case 'play-stop':
      return trigger(
        'play/stop',
        (_steps, playing) => (playing === true ? live.song.stopPlaying() : live.song.startPlaying()),
        watchHandle(live.song.isPlaying as unknown as Handle, (v) => v === true),
      )
    case 'play':
    case 'stop':
    case 'continue':
    case 'tap-tempo':
    case 'undo':
    case 'redo':
    case 'stop-all-clips':
    case 'next-cue':
    case 'previous-cue':
    case 'capture-midi': {
      const song = live.song as unknown as Record<string, () => Promise<void>>
      const call = SONG_CALLS[target.kind]
      const lit =
        target.kind === 'play' ? watchHandle(live.song.isPlaying as unknown as Handle, (v) => v === true) : undefined
      return trigger(target.kind, async () => song[call]!(), lit)
    }
    case 'clip':
      return bindClip(live, target.track + offsets.track, target.scene + offsets.scene)
    case 'stop-clips': {
      const t = target.track + offsets.track
      const playing = live.track(t).playingSlotIndex as unknown as Handle
      return trigger(
        `track ${t} stop clips`,
        async () => live.track(t).stopAllClips(),
        watchHandle(playing, (v) => Number(v) >= 0),
      )
    }
    case 'scene': {
      const s = target.scene + offsets.scene
      const triggered = live.scene(s).isTriggered as unknown as Handle
      return trigger(
        `scene ${s}`,
        async () => live.scene(s).fire(),
        watchHandle(triggered, (v) => v === true),
      )
    }
    case 'select-track':
      return bindSelection(
        live,
        'track',
        target.track === undefined ? undefined : target.track + offsets.track,
        target.step,
      )
    case 'select-scene':
      return bindSelection(
        live,
        'scene',
        target.scene === undefined ? undefined : target.scene + offsets.scene,
        target.step,
      )
    case 'bank':
    case 'page':
      // The runtime moves banks and pages itself; this binding only names them.
      return trigger(target.kind === 'bank' ? bankLabel(target) : pageLabel(target), async () => {})
    case 'osc':
      return bindAddress(live, target)
  }
}

function bankLabel(target: Extract<Target, { kind: 'bank' }>): string {
  const part = (n: number | undefined, what: string) => (n ? `${what} ${n > 0 ? '+' : ''}${n}` : '')
  return `bank ${[part(target.tracks, 'tracks'), part(target.scenes, 'scenes')].filter((p) => p !== '').join(' ')}`
}

function pageLabel(target: Extract<Target, { kind: 'page' }>): string {
  return target.page !== undefined ? `page ${target.page}` : `page ${target.step! > 0 ? '+' : ''}${target.step}`
}

async function bindParameter(
  live: LiveClient,
  target: Extract<Target, { kind: 'parameter' }>,
  offsets: BankOffsets,
  signal: AbortSignal | undefined,
): Promise<BoundTarget> {
  const s = strip(live, target, offsets)
  const device = live.device(s.id as number, target.device as number)
  const index = await device.parameter(target.parameter).index({ signal })
  const ids = [s.id, target.device] as [number, number]
  const [mins, maxs, quantised] = await Promise.all([
    live.request('/live/device/get/parameters/min', ids, { signal }),
    live.request('/live/device/get/parameters/max', ids, { signal }),
    live.request('/live/device/get/parameters/is_quantized', ids, { signal }),
  ])
  const pick = (reply: readonly unknown[]) => reply[index + 2]
  const min = Number(pick(mins as readonly unknown[]))
  const max = Number(pick(maxs as readonly unknown[]))
  const quantized = pick(quantised as readonly unknown[]) === true
  const name = typeof target.parameter === 'string' ? JSON.stringify(target.parameter) : `parameter ${index}`
  const handle = device.parameterValue(index) as unknown as Handle
  const digits = quantized ? 0 : 2
  return continuous(`${s.label} device ${target.device} ${name}`, handle, [min, max], fixed(digits), quantized)
}

function bindClip(live: LiveClient, t: number, scene: number): BoundTarget {
  const hasClip = live.clipSlot(t, scene).hasClip as unknown as Handle
  const track = live.track(t)
  const watch: BoundTarget['watch'] = (onLevel, onError) => {
    let has: boolean | undefined
    let playing: number | undefined
    let fired: number | undefined
    const report = () => {
      if (has === undefined || playing === undefined || fired === undefined) return
      onLevel(!has ? 'empty' : fired === scene ? 'triggered' : playing === scene ? 'playing' : 'stopped')
    }
    const follow = (handle: Handle, set: (v: unknown) => void) =>
      handle.watch!({
        onValue: (v) => {
          set(v)
          report()
        },
        onError,
      })
    const unwatch = [
      follow(hasClip, (v) => {
        has = v === true
      }),
      follow(track.playingSlotIndex as unknown as Handle, (v) => {
        playing = Number(v)
      }),
      follow(track.firedSlotIndex as unknown as Handle, (v) => {
        fired = Number(v)
      }),
    ]
    return () => {
      for (const u of unwatch) u()
    }
  }
  return trigger(`clip ${t}/${scene}`, async () => live.clipSlot(t, scene).fire(), watch)
}

function bindSelection(live: LiveClient, what: 'track' | 'scene', index: number | undefined, step: number | undefined) {
  const handle = (what === 'track' ? live.view.selectedTrack : live.view.selectedScene) as unknown as Handle
  const count = () => (what === 'track' ? live.song.numTracks.get() : live.song.numScenes.get())
  if (index !== undefined) {
    return trigger(
      `select ${what} ${index}`,
      () => handle.set!(index as never),
      watchHandle(handle, (v) => Number(v) === index),
    )
  }
  return trigger(`select ${what} ${step! > 0 ? '+' : ''}${step}`, async (steps) => {
    const [current, n] = await Promise.all([handle.get!(), count()])
    const next = Math.max(0, Math.min(Number(n) - 1, Number(current) + step! * steps))
    if (next !== Number(current)) await handle.set!(next as never)
  })
}

function bindAddress(live: LiveClient, target: Extract<Target, { kind: 'osc' }>): BoundTarget {
  const entry = findEntry(target.address)
  if (entry === undefined || (entry.kind !== 'set' && entry.kind !== 'call')) {
    throw new LiveError('INVALID_ARGUMENTS', `${target.address} is not a setter or a call of the catalogue`, {
      metaMessages: [
        'Use an address like /live/song/set/groove_amount or /live/song/tap_tempo (`live console` completes them).',
      ],
    })
  }
  const args = target.args ?? []
  const send = (extra: readonly unknown[]) => live.send(target.address as never, [...args, ...extra] as never)
  if (entry.kind === 'call') return trigger(target.address, () => send([]))
  const param = entry.params[args.length]
  if (param?.type === 'bool') {
    return { ...switchTarget(target.address, {}), write: (v) => send([v === true || v === 1]) }
  }
  const range = param === undefined ? undefined : rangeOf(target.address, param.name)
  const min = range?.min ?? 0
  const max = range?.max ?? 1
  return {
    ...continuous(target.address, {}, [min, max], fixed(2), param?.type === 'int'),
    write: (value) => send([param?.type === 'int' ? Math.round(Number(value)) : Number(value)]),
  }
}
