import type { BridgeDeviceId, BridgeTrackId, LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { deviceArg, deviceName, ownerArgs, requireOwnerDevice, resolveOwner } from '../core/deviceOwner.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'

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

/** Listing devices, reading their parameters and setting them by name. */
export function registerDeviceTools(host: ToolHost): void {
  liveTool(
    host,
    'ableton_list_devices',
    {
      title: 'List the devices of a track',
      description:
        "List the devices on a track, left to right (index from 0), with their class (e.g. Operator, Eq8, Reverb) and number of parameters. With the @live bridge also a return track's or the master's devices, and with rack, the chains of a rack and the devices in them, each with the chain path that ableton_get_device and ableton_set_device_param take.",
      input: {
        ...ownerArgs,
        rack: deviceArg
          .optional()
          .describe(
            'Bridge only: a rack (Instrument, Audio Effect or Drum Rack) whose chains and their devices to list.',
          ),
      },
      kind: 'read',
    },
    async (args, { live }) => {
      const owner = await resolveOwner(live, args)
      if (args.rack !== undefined) {
        const rack = requireOwnerDevice(owner, args.rack)
        const chains = (await live.device(owner.id, rack).chainsName.get()) as unknown as string[]
        const rows = await Promise.all(
          chains.map(async (name, chain) => {
            const devices = (await live.device(owner.id, rack).chainDevicesName(chain).get()) as unknown as string[]
            return {
              chain,
              name,
              devices: devices.map((device, d) => ({ path: `${rack}/${chain}/${d}`, name: device })),
            }
          }),
        )
        return { text: `Rack ${rack} on ${owner.label} has ${rows.length} chains.`, data: rows }
      }
      const rows = await Promise.all(
        owner.devices.map(async (name, index) => {
          const device = live.device(owner.id, index)
          const [className, parameters] = await Promise.all([device.className.get(), device.numParameters.get()])
          return { index, name, className, parameters }
        }),
      )
      return { text: `${capitalise(owner.label)} has ${rows.length} devices.`, data: rows }
    },
  )

  liveTool(
    host,
    'ableton_get_device',
    {
      title: 'Device parameters',
      description:
        'Read every parameter of a device BY NAME: current value, Live\'s display text (e.g. "2.50 kHz"), min and max, and whether it is stepped (quantized). Use before ableton_set_device_param to learn names and ranges. With the @live bridge also devices of return tracks, the master, and inside racks.',
      input: { ...ownerArgs, device: deviceArg },
      kind: 'read',
    },
    async (args, { live }) => {
      const owner = await resolveOwner(live, args)
      const device = requireOwnerDevice(owner, args.device)
      const parameters = await readParameters(live, owner.id, device)
      const name = await deviceName(live, owner, device)
      return {
        text: `Device ${device} (${name}) on ${owner.label}: ${parameters.length} parameters.`,
        data: parameters,
      }
    },
  )

  liveTool(
    host,
    'ableton_set_device_param',
    {
      title: 'Set a device parameter',
      description:
        'Set one parameter of a device, by name (e.g. "Filter Freq", "Dry/Wet", "Macro 1"; case-insensitive) or index, to a value within the parameter\'s own min..max (read them with ableton_get_device; many are 0..1 or 0..127). Answers Live\'s display text for the new value. With the @live bridge also devices of return tracks, the master, and inside racks.',
      input: {
        ...ownerArgs,
        device: deviceArg,
        parameter: z
          .union([z.string().min(1), z.number().int().min(0)])
          .describe('Parameter name as ableton_get_device lists it, or its index (0 is usually "Device On").'),
        value: z.number().describe("The new value, in the parameter's own range (min..max from ableton_get_device)."),
      },
      kind: 'idempotent',
    },
    async (args, { live }) => {
      const { parameter, value } = args
      const owner = await resolveOwner(live, args)
      const device = requireOwnerDevice(owner, args.device)
      const name = await deviceName(live, owner, device)
      const where = `device ${device} (${name}) of ${owner.label}`
      const param = findParameter(await readParameters(live, owner.id, device), parameter, where)
      if (value < param.min || value > param.max) {
        throw new LiveError(
          'INVALID_ARGUMENTS',
          `value ${value} is out of range for ${param.name} on ${where}: ${param.min}..${param.max}`,
          {
            metaMessages: [`Its current value is ${param.value} (${param.display}).`],
            details: { value, min: param.min, max: param.max },
          },
        )
      }
      const handle = live.device(owner.id, device)
      await handle.parameterValue(param.index).set(value)
      const [now, display] = await Promise.all([
        handle.parameterValue(param.index).get(),
        handle.parameterValueString(param.index).get(),
      ])
      return { text: `${param.name} on ${where} is now ${now} (${String(display)}).` }
    },
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
