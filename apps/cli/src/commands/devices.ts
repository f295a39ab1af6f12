import type { BridgeDeviceId, BridgeTrackId, LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { deviceArg, noMore, numberArg, required, trackOwnerArg } from '../cli/args.js'
import type { CommandGroup } from '../cli/context.js'
import { didYouMean } from '../cli/didYouMean.js'
import { table } from '../cli/output.js'

/** One parameter as `live params` shows it. */
interface ParamRow {
  index: number
  name: string
  value: number
  display: string
  min: number
  max: number
  quantized: boolean
}

type TrackId = number | BridgeTrackId
type DeviceId = number | BridgeDeviceId

async function readParams(live: LiveClient, track: TrackId, device: DeviceId): Promise<ParamRow[]> {
  const d = live.device(track, device)
  const [names, values, mins, maxes, quantized] = (await Promise.all([
    d.parametersName.get(),
    d.parametersValue.get(),
    d.parametersMin.get(),
    d.parametersMax.get(),
    d.parametersIsQuantized.get(),
  ])) as unknown as [string[], number[], number[], number[], boolean[]]
  const displays = await Promise.all(
    names.map((_, p) =>
      d
        .parameterValueString(p)
        .get()
        .catch(() => ''),
    ),
  )
  return names.map((name, index) => ({
    index,
    name,
    value: values[index] ?? 0,
    display: String(displays[index] ?? ''),
    min: mins[index] ?? 0,
    max: maxes[index] ?? 1,
    quantized: quantized[index] === true,
  }))
}

/** The device names of a track, a return track or the master (the last two through the bridge). */
async function deviceNames(live: LiveClient, track: TrackId): Promise<string[]> {
  const names =
    track === 'master'
      ? live.masterTrack.devicesName.get()
      : typeof track === 'string'
        ? live.returnTrack(Number(track.slice(7))).devicesName.get()
        : live.track(track).devicesName.get()
  return (await names) as unknown as string[]
}

async function checkDevice(live: LiveClient, track: TrackId, device: DeviceId, label: string): Promise<void> {
  // A chain path is checked by the bridge, which names what is missing.
  if (typeof device === 'string') return
  const count = (await deviceNames(live, track)).length
  if (device >= count) {
    throw new LiveError(
      'NOT_FOUND',
      `device ${device} does not exist on ${label}: it has ${count === 0 ? 'no devices' : `devices 0..${count - 1}`}`,
      { metaMessages: [`List them with: live devices ${track}`], details: { track, device, devices: count } },
    )
  }
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000)

/** Device commands: `devices T`, `params T D`, `param T D NAME|INDEX [VALUE]`. */
export const devices: CommandGroup = {
  async devices(ctx) {
    const { usage } = ctx
    const { id: track, label } = trackOwnerArg(required(ctx.positionals, 0, 'a track index', usage), usage)
    const rackText = ctx.positionals[1]
    noMore(ctx.positionals, 2, usage)
    const live = await ctx.client()
    if (rackText !== undefined) {
      // A rack's chains, and the chain path of each device in them (bridge only).
      const rack = deviceArg(rackText, usage)
      await checkDevice(live, track, rack, label)
      const chains = (await live.device(track, rack).chainsName.get()) as unknown as string[]
      const rows = await Promise.all(
        chains.map(async (name, chain) => {
          const inside = (await live.device(track, rack).chainDevicesName(chain).get()) as unknown as string[]
          return { chain, name, devices: inside.map((device, d) => ({ path: `${rack}/${chain}/${d}`, name: device })) }
        }),
      )
      ctx.out.result(
        () =>
          rows.length === 0
            ? `device ${rack} on ${label} has no chains`
            : table(
                ['chain', 'name', 'devices'],
                rows.map((c) => [String(c.chain), c.name, c.devices.map((d) => `${d.path} ${d.name}`).join(', ')]),
                ctx.out.c,
              ),
        { track, rack, chains: rows },
      )
      return
    }
    const names = await deviceNames(live, track)
    const classes = (await Promise.all(names.map((_, d) => live.device(track, d).className.get()))) as string[]
    const list = names.map((name, index) => ({ index, name, className: classes[index] ?? '' }))
    ctx.out.result(
      () =>
        list.length === 0
          ? `${label} has no devices`
          : table(
              ['#', 'name', 'class'],
              list.map((d) => [String(d.index), d.name, d.className]),
              ctx.out.c,
            ),
      { track, devices: list },
    )
  },

  async params(ctx) {
    const { usage } = ctx
    const { id: track, label } = trackOwnerArg(required(ctx.positionals, 0, 'a track index', usage), usage)
    const device = deviceArg(required(ctx.positionals, 1, 'a device index', usage), usage)
    noMore(ctx.positionals, 2, usage)
    const live = await ctx.client()
    await checkDevice(live, track, device, label)
    const rows = await readParams(live, track, device)
    ctx.out.result(
      () =>
        table(
          ['#', 'name', 'value', 'shows', 'range'],
          rows.map((p) => [
            String(p.index),
            p.name,
            fmt(p.value),
            p.display,
            `${fmt(p.min)}..${fmt(p.max)}${p.quantized ? ' (steps)' : ''}`,
          ]),
          ctx.out.c,
        ),
      { track, device, parameters: rows },
    )
  },

  async param(ctx) {
    const { usage } = ctx
    const { id: track, label } = trackOwnerArg(required(ctx.positionals, 0, 'a track index', usage), usage)
    const device = deviceArg(required(ctx.positionals, 1, 'a device index', usage), usage)
    const which = required(ctx.positionals, 2, 'a parameter name or index', usage)
    noMore(ctx.positionals, 4, usage)
    const valueText = ctx.positionals[3]
    const key = /^\d+$/.test(which) ? Number(which) : which
    if (valueText !== undefined) numberArg(valueText, `value of parameter "${which}"`)
    const live = await ctx.client()
    await checkDevice(live, track, device, label)
    const rows = await readParams(live, track, device)
    const row = typeof key === 'number' ? rows[key] : rows.find((p) => p.name.toLowerCase() === key.toLowerCase())
    if (row === undefined) {
      throw new LiveError(
        'NOT_FOUND',
        `device ${track}/${device} has no parameter ${typeof key === 'number' ? key : `"${key}"`}`,
        {
          metaMessages: [
            ...(typeof key === 'number'
              ? []
              : [
                  didYouMean(
                    key,
                    rows.map((p) => p.name),
                    (name) => `"${name}"`,
                  ),
                ]),
            `Its parameters: ${rows.map((p) => `${p.index} ${p.name}`).join(', ')}`,
          ].filter((line) => line !== undefined),
        },
      )
    }
    if (valueText !== undefined) {
      const value = numberArg(valueText, `value of "${row.name}"`, row.min, row.max)
      await live.device(track, device).parameter(row.index).set(value)
    }
    const d = live.device(track, device)
    const [value, display] = await Promise.all([d.parameter(row.index).get(), d.parameterValueString(row.index).get()])
    ctx.out.result(`${row.name} = ${fmt(value)}${display === '' ? '' : ` (${display})`}`, {
      track,
      device,
      index: row.index,
      name: row.name,
      value,
      display,
      min: row.min,
      max: row.max,
    })
  },
}
