import { CHAIN_PATH, type LiveClient } from '@live/client'
import { z } from 'zod'
import { invalidOption } from '../scheduler/parseOptions.js'

const index = z.number().int().min(0).max(999)
const mixer = (kind: 'volume' | 'panning') => [
  z.object({ kind: z.literal(kind), track: index }).strict(),
  z.object({ kind: z.literal(kind), return: index }).strict(),
  z.object({ kind: z.literal(kind), master: z.literal(true) }).strict(),
]

/** A device parameter target on a track, a return track or the master track. */
function parameterTarget<O extends z.ZodRawShape>(owner: O) {
  return z
    .object({
      kind: z.literal('parameter'),
      ...owner,
      // An index, or (bridge only) a chain path into racks: '0/1/2' is device 0, its chain 1, that chain's device 2.
      device: z.union([index, z.string().regex(CHAIN_PATH, "a device index or a chain path like '0/1/2'")]),
      parameter: z.union([index, z.string().min(1)]),
    })
    .strict()
}

/**
 * What a fade or LFO moves: a track's volume, panning or send, a device parameter (by name or index), or
 * (bridge only) a return's or the master's volume and panning, a parameter of a return's or the master's
 * device, or of a device inside a rack (`device: '0/1/2'`).
 */
export const automationTargetSchema = z.union([
  ...mixer('volume'),
  ...mixer('panning'),
  z.object({ kind: z.literal('send'), track: index, send: index }).strict(),
  parameterTarget({ track: index }),
  parameterTarget({ return: index }),
  parameterTarget({ master: z.literal(true) }),
])

/** A target of {@link automationTargetSchema}. */
export type AutomationTarget = z.infer<typeof automationTargetSchema>

/** A target turned into addresses: how to write it, and its range. */
export interface TargetAddress {
  /** Words for a person: `track 0 volume`. */
  readonly label: string
  /** The setter, e.g. `/live/track/set/volume`. */
  readonly setAddress: string
  /** The getter, e.g. `/live/track/get/volume`. */
  readonly getAddress: string
  /** The index arguments before the value. */
  readonly indices: readonly (number | string)[]
  /** The lowest value Live accepts (NaN until read, for parameters). */
  readonly min: number
  /** The highest value Live accepts (NaN until read, for parameters). */
  readonly max: number
  /** True for volume faders, where `exponential` means linear in dB. */
  readonly isVolume: boolean
}

/** A target resolved against a live client: reads and writes its value. */
export interface ResolvedTarget extends TargetAddress {
  read(): Promise<number>
  /** Sends the value without waiting for any reply. */
  write(value: number): Promise<void>
  /** Hands a parameter moved through the bridge's live.remote~ back to Live (its automation resumes); else nothing. */
  release(): Promise<void>
}

/** Where the bridge moves a parameter without an undo step per message (`live.remote~`). */
const REMOTE_PARAMETER = '/live/bridge/remote/parameter'

/** The dry-run note for a parameter target: a plan cannot know which server will run it. */
export const REMOTE_NOTE =
  'On the Max for Live bridge (and the simulator’s bridge flavour) the messages go to /live/bridge/remote/parameter instead: no undo step each; the parameter is released at the end.'

/**
 * The addresses and range of a target, with no I/O (parameters by name keep their name, range unknown).
 *
 * @example
 * targetAddress({ kind: 'volume', track: 0 }).setAddress // '/live/track/set/volume'
 */
export function targetAddress(target: AutomationTarget): TargetAddress {
  if (target.kind === 'send') {
    const label = `track ${target.track} send ${target.send}`
    return { label, ...mixerAddress('track', 'send', [target.track, target.send]), min: 0, max: 1, isVolume: false }
  }
  if (target.kind === 'parameter') {
    const [trackId, owner] = deviceOwner(target)
    return {
      label: `${owner} device ${target.device} parameter ${JSON.stringify(target.parameter)}`,
      setAddress: '/live/device/set/parameter/value',
      getAddress: '/live/device/get/parameter/value',
      indices: [trackId, target.device, target.parameter],
      min: Number.NaN,
      max: Number.NaN,
      isVolume: false,
    }
  }
  const isVolume = target.kind === 'volume'
  const [min, max] = isVolume ? [0, 1] : [-1, 1]
  if ('track' in target) {
    return {
      label: `track ${target.track} ${target.kind}`,
      ...mixerAddress('track', target.kind, [target.track]),
      min,
      max,
      isVolume,
    }
  }
  if ('return' in target) {
    return {
      label: `return ${target.return} ${target.kind}`,
      ...mixerAddress('return', target.kind, [target.return]),
      min,
      max,
      isVolume,
    }
  }
  return { label: `master ${target.kind}`, ...mixerAddress('master', target.kind, []), min, max, isVolume }
}

type ParameterTarget = Extract<AutomationTarget, { kind: 'parameter' }>

/** A parameter target's track id as the client takes it (an index, 'master', 'return/<r>'), and words for it. */
function deviceOwner(target: ParameterTarget): [DeviceTrackId, string] {
  if ('track' in target) return [target.track, `track ${target.track}`]
  if ('return' in target) return [`return/${target.return}` as const, `return ${target.return}`]
  return ['master', 'master']
}

type DeviceTrackId = Parameters<LiveClient['device']>[0]
type DeviceId = Parameters<LiveClient['device']>[1]

function mixerAddress(object: string, property: string, indices: readonly number[]) {
  return { setAddress: `/live/${object}/set/${property}`, getAddress: `/live/${object}/get/${property}`, indices }
}

const lastNumber = (reply: unknown): number => {
  const values = Array.isArray(reply) ? reply : [reply]
  return Number(values.at(-1))
}

/**
 * Resolves a target on a client: a parameter name becomes its index and the range is read; return and master
 * targets fail with UNSUPPORTED unless the bridge answers.
 *
 * @example
 * const target = await resolveTarget(live, { kind: 'parameter', track: 0, device: 1, parameter: 'Filter Freq' })
 * await target.write(0.5)
 */
export async function resolveTarget(
  client: LiveClient,
  target: AutomationTarget,
  signal?: AbortSignal | undefined,
): Promise<ResolvedTarget> {
  let address = targetAddress(target)
  if (target.kind === 'parameter') {
    const [trackId] = deviceOwner(target)
    const deviceId = target.device as DeviceId
    const index = await client.device(trackId, deviceId).parameter(target.parameter).index({ signal })
    // Bridge ids ('master', 'return/0', '0/1/2') pass the client's own checks, not these int types.
    const ids = [trackId, deviceId] as [number, number]
    const [mins, maxs, server] = await Promise.all([
      client.request('/live/device/get/parameters/min', ids, { signal }),
      client.request('/live/device/get/parameters/max', ids, { signal }),
      client.detect({ signal }),
    ])
    const min = Number((mins as readonly unknown[])[index + 2])
    const max = Number((maxs as readonly unknown[])[index + 2])
    address = { ...address, indices: [trackId, deviceId, index], min, max }
    // Our servers move parameters through a live.remote~: no undo step per message, where every
    // /live/device/set/parameter/value is one (an LFO would flood Live's undo history).
    if (server.kind === 'bridge' || server.kind === 'simulator') address = { ...address, setAddress: REMOTE_PARAMETER }
  }
  const { getAddress, setAddress, indices } = address
  const remote = setAddress === REMOTE_PARAMETER
  return {
    ...address,
    read: async () => lastNumber(await client.request(getAddress as never, indices as never, { signal })),
    write: (value) => client.send(setAddress as never, [...indices, value] as never),
    release: () =>
      remote ? client.send('/live/bridge/remote/release', indices as [number, number, number]) : Promise.resolve(),
  }
}

/** Throws INVALID_ARGUMENTS when `value` is outside the target's range (unknown ranges pass). */
export function checkInRange(workflow: string, option: string, value: number, target: TargetAddress): void {
  if (Number.isNaN(target.min) || Number.isNaN(target.max)) return
  if (value >= target.min && value <= target.max) return
  const hint = target.isVolume ? ' (0.85 is 0 dB, 1 is +6 dB; dbToVolume() converts)' : ''
  invalidOption(workflow, option, String(value), `${target.min}..${target.max} for ${target.label}${hint}`)
}

/** Clamps a value into the target's range (unknown ranges pass through). */
export function clampToTarget(value: number, target: TargetAddress): number {
  if (Number.isNaN(target.min) || Number.isNaN(target.max)) return value
  return Math.min(target.max, Math.max(target.min, value))
}
