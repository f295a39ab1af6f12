import type { BridgeDeviceId, BridgeTrackId, LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { deviceName, requireOwnerDevice, resolveOwner } from '../core/deviceOwner.js'
import { deviceRef, trackOut } from '../core/schemas.js'
import { defineTool } from '../core/toolKit.js'
import { parseTrackRef, trackRef } from '../core/trackRef.js'

/** One parameter as an assistant sees it: name, value with Live's text, and its range. */
export interface ParameterInfo {
  readonly index: number
  readonly name: string
  readonly value: number
  readonly display: string
  readonly min: number
  readonly max: number
  readonly quantized: boolean
}

/** Every parameter of a device with its range and Live's value text ("2.50 kHz", "-12.0 dB"). */
export async function readParameters(
  live: LiveClient,
  track: number | BridgeTrackId,
  device: number | BridgeDeviceId,
): Promise<ParameterInfo[]> {
  const d = live.device(track, device)
  const [names, values, mins, maxes, quantized] = (await Promise.all([
    d.parametersName.get(),
    d.parametersValue.get(),
    d.parametersMin.get(),
    d.parametersMax.get(),
    d.parametersIsQuantized.get(),
  ])) as unknown as [string[], number[], number[], number[], boolean[]]
  const displays = await Promise.all(names.map((_, p) => d.parameterValueString(p).get()))
  return names.map((name, index) => ({
    index,
    name,
    value: values[index]!,
    display: String(displays[index] ?? ''),
    min: mins[index]!,
    max: maxes[index]!,
    quantized: quantized[index] === true,
  }))
}

/** Finds a parameter by name (case-insensitive) or index, with what exists when it does not. */
export function findParameter(
  parameters: readonly ParameterInfo[],
  key: string | number,
  where: string,
): ParameterInfo {
  const found =
    typeof key === 'number'
      ? parameters[key]
      : (parameters.find((p) => p.name === key) ??
        parameters.find((p) => p.name.toLowerCase() === key.trim().toLowerCase()))
  if (found === undefined) {
    throw new LiveError(
      'NOT_FOUND',
      `parameter ${JSON.stringify(key)} does not exist on ${where}; its parameters are ${parameters.map((p) => `${p.index} ${p.name}`).join(', ')}.`,
      {
        metaMessages: ['Give the name exactly as listed (case does not matter) or its index.'],
        details: { parameter: key },
      },
    )
  }
  return found
}

/** `ableton_set_device_param`: one parameter of a device, by name or index, in its own range. */
export const setDeviceParam = defineTool({
  name: 'ableton_set_device_param',
  description:
    'Set a device parameter by name (any case) or index, in its own min..max (ableton_read with track and device lists them).',
  toolset: 'core',
  kind: 'idempotent',
  input: z.strictObject({
    track: trackRef,
    device: deviceRef,
    parameter: z.union([z.string().min(1), z.number().int().min(0)]),
    value: z.number(),
  }),
  output: z.object({
    track: trackOut,
    device: z.union([z.number(), z.string()]),
    parameter: z.string(),
    value: z.number(),
    display: z.string(),
  }),
  async run(args, { live }) {
    const ref = parseTrackRef(args.track)
    const owner = await resolveOwner(live, ref)
    const device = requireOwnerDevice(owner, args.device)
    const name = await deviceName(live, owner, device)
    const where = `device ${device} (${name}) of ${owner.label}`
    const param = findParameter(await readParameters(live, owner.id, device), args.parameter, where)
    if (args.value < param.min || args.value > param.max) {
      throw new LiveError(
        'INVALID_ARGUMENTS',
        `value ${args.value} is out of range for ${param.name} on ${where}: ${param.min}..${param.max}`,
        {
          metaMessages: [`Its current value is ${param.value} (${param.display}).`],
          details: { value: args.value, min: param.min, max: param.max },
        },
      )
    }
    const handle = live.device(owner.id, device)
    await handle.parameterValue(param.index).set(args.value)
    const [now, display] = await Promise.all([
      handle.parameterValue(param.index).get(),
      handle.parameterValueString(param.index).get(),
    ])
    return {
      text: `${param.name} on ${where} is now ${now} (${String(display)}).`,
      data: {
        track: ref.ref,
        device,
        parameter: param.name,
        value: now,
        display: String(display),
      },
    }
  },
})
