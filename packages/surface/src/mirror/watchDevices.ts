import type { LiveClient, Unwatch } from '@live/client'
import type { OscMessage } from '@live/protocol'
import { keys, type ParameterInfo } from '../shared/keys.js'
import type { Stage } from './createStage.js'
import { watchInto } from './watchInto.js'

/** Where a parameter listener's second message (Live's text for the value) arrives (BEHAVIOUR §8). */
const VALUE_STRING = '/live/device/get/parameter/value_string'

const list = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T])

/**
 * Subscribes the device chain of one track: each device's name and class, its parameters' names and
 * ranges (read once: Live has no listener for them) and every parameter's value with Live's text for it.
 * Resolves with the unwatch once the reads are done; `alive` turning false stops it half-way.
 *
 * @example
 * const unwatch = await watchDevices({ client, stage, track: 0, bridge: true, alive: () => true })
 */
export async function watchDevices(options: {
  readonly client: LiveClient
  readonly stage: Stage
  readonly track: number
  /** The bridge's device name listener tells devices apart; AbletonOSC's sends no ids (BEHAVIOUR §8). */
  readonly bridge: boolean
  readonly alive: () => boolean
}): Promise<Unwatch> {
  const { client, stage, track, alive } = options
  const unwatchers: Unwatch[] = []
  const stop = () => {
    for (const unwatch of unwatchers.splice(0)) unwatch()
  }
  const arrived = stage.expect()
  try {
    const names = list(await client.track(track).devicesName.get())
    const classes = list(await client.track(track).devicesClassName.get())
    stage.put(keys.devices, { track, count: names.length })
    // AbletonOSC sends a parameter's text as a second message of the value listener; the client's watcher
    // takes the first, so the text is read off the message stream.
    unwatchers.push(
      client.on('message', (message: OscMessage) => {
        if (message.address !== VALUE_STRING || message.args[0] !== track) return
        const [, device, parameter, text] = message.args
        if (typeof device === 'number' && typeof parameter === 'number' && device < names.length) {
          stage.put(keys.parameter(device, parameter, 'text'), String(text))
        }
      }),
    )
    const details = await Promise.all(
      names.map(async (_, d) => {
        const device = client.device(track, d)
        const [paramNames, mins, maxes, quantized] = await Promise.all([
          device.parametersName.get(),
          device.parametersMin.get(),
          device.parametersMax.get(),
          device.parametersIsQuantized.get(),
        ])
        return list(paramNames).map(
          (name, p): ParameterInfo => ({
            name: String(name),
            min: Number(list(mins)[p] ?? 0),
            max: Number(list(maxes)[p] ?? 1),
            quantized: list(quantized)[p] === true,
          }),
        )
      }),
    )
    if (!alive()) return () => {}
    names.forEach((name, d) => {
      const device = client.device(track, d)
      stage.put(keys.device(d, 'name'), String(name))
      stage.put(keys.device(d, 'class'), String(classes[d] ?? ''))
      stage.put(keys.device(d, 'params'), details[d] ?? [])
      // On AbletonOSC every device's name update would reach every device's watcher: the name read above stays.
      if (options.bridge) unwatchers.push(watchInto(stage, keys.device(d, 'name'), device.name))
      for (let p = 0; p < (details[d]?.length ?? 0); p++) {
        unwatchers.push(watchInto(stage, keys.parameter(d, p, 'value'), device.parameterValue(p)))
      }
    })
  } catch {
    // The track went away (a change of shape is on its way) or Live did not answer: show no devices.
    stage.put(keys.devices, { track, count: 0 })
  } finally {
    arrived()
  }
  if (!alive()) {
    stop()
    return () => {}
  }
  return stop
}
