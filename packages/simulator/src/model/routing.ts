import { LomError, type LomValue } from '@live/protocol'
import type { Track } from './track.js'

/** One routing choice as Max's LiveAPI shows it: `{display_name, identifier}`. */
export interface RoutingChoice {
  display_name: string
  identifier: string
}

const midiChannels = ['All Channels', ...Array.from({ length: 16 }, (_, i) => `Ch. ${i + 1}`)]
const extIns = ['1', '2', '1/2']
const extOuts = ['1/2', '3/4']

/** The input routing types a track offers. */
export function inputTypes(track: Track): string[] {
  const others = track.song.tracks.filter((t) => t !== track && t.kind !== 'group').map((t) => t.name)
  if (track.kind === 'midi') return ['All Ins', 'Computer Keyboard', ...others, 'No Input']
  if (track.kind === 'audio') return ['Ext. In', 'Resampling', ...others, 'No Input']
  return []
}

/** The input routing channels for the track's current input type. */
export function inputChannels(track: Track): string[] {
  const type = track.inputRouting.type
  if (track.kind === 'midi')
    return type === 'No Input'
      ? []
      : type === 'All Ins' || type === 'Computer Keyboard'
        ? midiChannels
        : ['Post FX', 'Pre FX']
  if (track.kind === 'audio')
    return type === 'No Input'
      ? []
      : type === 'Ext. In'
        ? extIns
        : type === 'Resampling'
          ? []
          : ['Post FX', 'Pre FX', 'Post Mixer']
  return []
}

/** The output routing types a track offers. */
export function outputTypes(track: Track): string[] {
  if (track.kind === 'master') return ['Ext. Out']
  if (!track.hasAudioOutput) {
    const instruments = track.song.tracks.filter((t) => t !== track && t.kind === 'midi' && t.hasAudioOutput)
    return [...instruments.map((t) => t.name), 'No Output']
  }
  const groups = track.song.tracks.filter((t) => t.kind === 'group' && t !== track).map((t) => t.name)
  const returns = track.kind === 'return' ? [] : track.song.returnTracks.map((t) => t.name)
  return ['Ext. Out', 'Master', ...groups, ...returns, 'Sends Only']
}

/** The output routing channels for the track's current output type. */
export function outputChannels(track: Track): string[] {
  const type = track.outputRouting.type
  if (type === 'Ext. Out') return extOuts
  if (type === 'No Output' || type === 'Sends Only') return []
  if (!track.hasAudioOutput) return midiChannels.slice(1)
  return ['Track In']
}

/** The JSON string Max's LiveAPI hands over for a list of routing choices. */
export function choicesJson(key: string, names: readonly string[]): string {
  return JSON.stringify({ [key]: names.map((n) => ({ display_name: n, identifier: n })) })
}

/** The JSON string for one routing choice. */
export function choiceJson(key: string, name: string): string {
  return JSON.stringify({ [key]: { display_name: name, identifier: name } })
}

/**
 * Reads a routing value as set through LiveAPI: `{identifier}` / `{display_name}` (or wrapped in the
 * property's key) as JSON, or a bare display name (a simulator convenience).
 */
export function readChoice(key: string, value: LomValue, allowed: readonly string[]): string {
  let name: unknown = value
  let parsed: unknown = value
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      parsed = JSON.parse(value)
    } catch {
      parsed = undefined
    }
  }
  // A dict (as AbletonOSC passes one of the `available_*` entries back) or its JSON text.
  if (parsed === undefined || (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))) {
    const record = (parsed ?? {}) as Record<string, unknown>
    const inner = (record[key] ?? record) as Record<string, unknown>
    name = inner.identifier ?? inner.display_name
  }
  if (typeof name !== 'string' || !allowed.includes(name)) {
    throw new LomError('RuntimeError', `Invalid routing: ${String(name)}`) // [guess] text
  }
  return name
}
