import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import type { PlannedMessage, WorkflowContext } from '../shared/workflow.js'
import { describeControl } from './controlKey.js'
import type { MappingLine, MidiMap } from './midiMapSchema.js'

/** A line Live can map itself, through AbletonOSC's `/live/midimap/map_cc`. */
export interface NativeLine {
  readonly index: number
  readonly name: string
  readonly track: number
  readonly device: number
  /** The parameter by name or index (names are resolved when installing). */
  readonly parameter: string | number
  /** MIDI channel 1..16 as in the file; `map_cc` takes it zero-based. */
  readonly channel: number
  readonly cc: number
}

/** A line that cannot be native, and why. */
export interface SkippedLine {
  readonly index: number
  readonly name: string
  readonly reason: string
}

/** Which lines of a mapping Live can take over, and which stay with `live map`. */
export interface NativePlan {
  readonly native: readonly NativeLine[]
  readonly skipped: readonly SkippedLine[]
  /** The `map_cc` messages, parameter names not yet resolved (`<Filter Freq>`) until installed. */
  readonly messages: readonly PlannedMessage[]
  /** What holds for every native mapping. */
  readonly notes: readonly string[]
}

/** What AbletonOSC's MIDI map is: said beside every native install. */
export const NATIVE_NOTES = [
  "Live maps these CCs itself (AbletonOSC's /live/midimap/map_cc): no process runs, no tick latency.",
  'They listen on the MIDI input selected for AbletonOSC’s control surface slot (Preferences > Link, Tempo & MIDI); route the controller there.',
  'Absolute mode over the whole parameter range; a CC keeps one parameter per channel; there is no unmap: they last until AbletonOSC reloads.',
]

/** Why a line cannot be native, or undefined when it can. */
function reasonAgainst(line: MappingLine, map: MidiMap): string | undefined {
  const t = line.target
  if (t.kind !== 'parameter')
    return `AbletonOSC maps device parameters only; a ${t.kind} target needs \`live map\` running`
  if (t.track === undefined) return 'AbletonOSC reaches the devices of tracks only, not of return tracks or the master'
  if (typeof t.device !== 'number') return 'devices inside racks are out of AbletonOSC’s reach'
  if (line.control.cc === undefined) return 'AbletonOSC maps CCs only, not notes, pitch bend or program changes'
  const mode = line.control.mode ?? 'absolute'
  if (mode !== 'absolute') return `AbletonOSC maps in absolute mode only; ${mode} needs \`live map\` running`
  if (line.range !== undefined || line.curve !== undefined || line.invert === true) {
    return 'Live’s MIDI map spans the whole range, linearly; range, curve and invert need `live map` running'
  }
  if (line.page !== undefined) return 'pages need `live map` running'
  if (line.bank !== false && map.mappings.some((l) => l.target.kind === 'bank')) {
    return 'it follows the bank, which only `live map` moves (set "bank": false to map it natively at bank 0)'
  }
  return undefined
}

/**
 * Splits a mapping into what Live can map itself (device parameters on tracks, absolute CCs) and what cannot be
 * native, with the reason for each line. No I/O.
 *
 * @example
 * const { native, skipped } = planNativeMapping(map)
 */
export function planNativeMapping(map: MidiMap): NativePlan {
  const native: NativeLine[] = []
  const skipped: SkippedLine[] = []
  map.mappings.forEach((line, index) => {
    const name = line.name ?? describeControl(line.control, map.channel)
    const reason = reasonAgainst(line, map)
    if (reason !== undefined) {
      skipped.push({ index, name, reason })
      return
    }
    const t = line.target as Extract<MappingLine['target'], { kind: 'parameter' }>
    native.push({
      index,
      name,
      track: t.track!,
      device: t.device as number,
      parameter: t.parameter,
      channel: line.control.channel ?? map.channel ?? 1,
      cc: line.control.cc!,
    })
  })
  return { native, skipped, messages: native.map((l) => mapCcMessage(l, l.parameter)), notes: NATIVE_NOTES }
}

function mapCcMessage(line: NativeLine, parameter: string | number): PlannedMessage {
  return {
    atMs: 0,
    address: '/live/midimap/map_cc',
    args: [
      line.track,
      line.device,
      typeof parameter === 'number' ? parameter : `<${parameter}>`,
      line.channel - 1,
      line.cc,
    ],
    note: `${line.name}: CC ${line.cc} on channel ${line.channel} → track ${line.track} device ${line.device} ${JSON.stringify(line.parameter)}`,
  }
}

/** What an install did: the messages sent (or, in a dry run, that would be). */
export interface NativeInstallResult extends NativePlan {
  readonly dryRun: boolean
}

/**
 * Installs a mapping's native lines in Live with `/live/midimap/map_cc track device parameter channel cc`
 * (parameter names resolved first); refuses with UNSUPPORTED on a server without Live's MIDI map (the bridge).
 * A dry run resolves nothing and sends nothing.
 *
 * @example
 * const result = await installNativeMapping(live, map)
 * for (const s of result.skipped) console.log(`${s.name}: ${s.reason}`)
 */
export async function installNativeMapping(
  client: LiveClient,
  map: MidiMap,
  options: { dryRun?: boolean | undefined } = {},
  context: WorkflowContext = {},
): Promise<NativeInstallResult> {
  const plan = planNativeMapping(map)
  const dryRun = options.dryRun === true
  if (dryRun) return { ...plan, dryRun }
  if (plan.native.length === 0) return { ...plan, dryRun }
  const { signal } = context
  const server = await client.detect({ signal })
  if (server.kind !== 'abletonosc') {
    throw new LiveError('UNSUPPORTED', `${server.name} has no MIDI map: /live/midimap/map_cc is AbletonOSC's`, {
      metaMessages: [
        'Point --native at AbletonOSC (port 11000), or run the mapping without --native: it works on every server.',
      ],
      details: { server: server.kind },
    })
  }
  const messages: PlannedMessage[] = []
  for (const line of plan.native) {
    const p = await client.device(line.track, line.device).parameter(line.parameter).index({ signal })
    await client.send('/live/midimap/map_cc', [line.track, line.device, p, line.channel - 1, line.cc], { signal })
    messages.push(mapCcMessage(line, p))
  }
  return { ...plan, dryRun, messages }
}
