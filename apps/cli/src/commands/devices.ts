import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { integerArg, noMore, numberArg, required } from '../cli/args.js'
import type { CommandGroup } from '../cli/context.js'
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

async function readParams(live: LiveClient, track: number, device: number): Promise<ParamRow[]> {
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

async function checkDevice(live: LiveClient, track: number, device: number): Promise<void> {
  const count = await live.track(track).numDevices.get()
  if (device >= count) {
    throw new LiveError(
      'NOT_FOUND',
      `device ${device} does not exist on track ${track}: it has ${count === 0 ? 'no devices' : `devices 0..${count - 1}`}`,
      { metaMessages: [`List them with: live devices ${track}`], details: { track, device, devices: count } },
    )
  }
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000)

/** Device commands: `devices T`, `params T D`, `param T D NAME|INDEX [VALUE]`. */
export const devices: CommandGroup = {
  async devices(ctx) {
    const track = integerArg(required(ctx.positionals, 0, 'a track index', 'live devices TRACK'), 'track index', 0)
    noMore(ctx.positionals, 1, 'live devices TRACK')
    const live = await ctx.client()
    const t = live.track(track)
    const [names, classes] = (await Promise.all([t.devicesName.get(), t.devicesClassName.get()])) as unknown as [
      string[],
      string[],
    ]
    const list = names.map((name, index) => ({ index, name, className: classes[index] ?? '' }))
    ctx.out.result(
      () =>
        list.length === 0
          ? `track ${track} has no devices`
          : table(
              ['#', 'name', 'class'],
              list.map((d) => [String(d.index), d.name, d.className]),
              ctx.out.c,
            ),
      { track, devices: list },
    )
  },

  async params(ctx) {
    const usage = 'live params TRACK DEVICE'
    const track = integerArg(required(ctx.positionals, 0, 'a track index', usage), 'track index', 0)
    const device = integerArg(required(ctx.positionals, 1, 'a device index', usage), 'device index', 0)
    noMore(ctx.positionals, 2, usage)
    const live = await ctx.client()
    await checkDevice(live, track, device)
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
    const usage = 'live param TRACK DEVICE NAME|INDEX [VALUE]'
    const track = integerArg(required(ctx.positionals, 0, 'a track index', usage), 'track index', 0)
    const device = integerArg(required(ctx.positionals, 1, 'a device index', usage), 'device index', 0)
    const which = required(ctx.positionals, 2, 'a parameter name or index', usage)
    noMore(ctx.positionals, 4, usage)
    const valueText = ctx.positionals[3]
    const key = /^\d+$/.test(which) ? Number(which) : which
    if (valueText !== undefined) numberArg(valueText, `value of parameter "${which}"`)
    const live = await ctx.client()
    await checkDevice(live, track, device)
    const rows = await readParams(live, track, device)
    const row = typeof key === 'number' ? rows[key] : rows.find((p) => p.name.toLowerCase() === key.toLowerCase())
    if (row === undefined) {
      throw new LiveError(
        'NOT_FOUND',
        `device ${track}/${device} has no parameter ${typeof key === 'number' ? key : `"${key}"`}`,
        {
          metaMessages: [`Its parameters: ${rows.map((p) => `${p.index} ${p.name}`).join(', ')}`],
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
