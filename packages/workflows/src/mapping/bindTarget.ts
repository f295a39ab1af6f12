import type { LiveClient } from '@live/client'
import { findEntry, formatDb, LiveError, panToString, rangeOf, volumeToDb } from '@live/protocol'
import {
  type BankOffsets,
  type BoundTarget,
  continuous,
  fixed,
  type Handle,
  strip,
  switchTarget,
  trigger,
  watchHandle,
} from './targetHandles.js'
import { SONG_CALLS, SONG_SWITCHES, type Target } from './targetSchema.js'

export type { BankOffsets, BoundTarget, ClipState, TargetLevel } from './targetHandles.js'

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
