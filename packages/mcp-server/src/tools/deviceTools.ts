import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { z } from 'zod'
import { deviceIndex, trackIndex } from '../core/schemas.js'
import { requireDevice, requireTrack } from '../core/setFacts.js'
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
export async function readParameters(live: LiveClient, track: number, device: number): Promise<ParameterInfo[]> {
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
        'List the devices on a track, left to right (index from 0), with their class (e.g. Operator, EQ8, Reverb) and number of parameters.',
      input: { track: trackIndex },
      kind: 'read',
    },
    async ({ track }, { live }) => {
      const names = await requireTrack(live, track)
      const t = live.track(track)
      const [devices, classes] = (await Promise.all([t.devicesName.get(), t.devicesClassName.get()])) as unknown as [
        string[],
        string[],
      ]
      const counts = await Promise.all(devices.map((_, d) => live.device(track, d).numParameters.get()))
      const rows = devices.map((name, index) => ({ index, name, className: classes[index], parameters: counts[index] }))
      return { text: `Track ${track} (${names[track]}) has ${rows.length} devices.`, data: rows }
    },
  )

  liveTool(
    host,
    'ableton_get_device',
    {
      title: 'Device parameters',
      description:
        'Read every parameter of a device BY NAME: current value, Live\'s display text (e.g. "2.50 kHz"), min and max, and whether it is stepped (quantized). Use before ableton_set_device_param to learn names and ranges.',
      input: { track: trackIndex, device: deviceIndex },
      kind: 'read',
    },
    async ({ track, device }, { live }) => {
      const devices = await requireDevice(live, track, device)
      const parameters = await readParameters(live, track, device)
      return {
        text: `Device ${device} (${devices[device]}) on track ${track}: ${parameters.length} parameters.`,
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
        'Set one parameter of a device, by name (e.g. "Filter Freq", "Dry/Wet", "Macro 1"; case-insensitive) or index, to a value within the parameter\'s own min..max (read them with ableton_get_device; many are 0..1 or 0..127). Answers Live\'s display text for the new value.',
      input: {
        track: trackIndex,
        device: deviceIndex,
        parameter: z
          .union([z.string().min(1), z.number().int().min(0)])
          .describe('Parameter name as ableton_get_device lists it, or its index (0 is usually "Device On").'),
        value: z.number().describe("The new value, in the parameter's own range (min..max from ableton_get_device)."),
      },
      kind: 'idempotent',
    },
    async ({ track, device, parameter, value }, { live }) => {
      const devices = await requireDevice(live, track, device)
      const where = `device ${device} (${devices[device]}) of track ${track}`
      const param = findParameter(await readParameters(live, track, device), parameter, where)
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
      const handle = live.device(track, device)
      await handle.parameterValue(param.index).set(value)
      const [now, display] = await Promise.all([
        handle.parameterValue(param.index).get(),
        handle.parameterValueString(param.index).get(),
      ])
      return { text: `${param.name} on ${where} is now ${now} (${String(display)}).` }
    },
  )
}
