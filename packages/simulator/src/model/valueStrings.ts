import { formatDb, panToString, volumeToDb } from '@live/protocol'
import type { ParameterData } from './schema.js'

function formatHz(hz: number): string {
  if (hz >= 10000) return `${(hz / 1000).toFixed(1)} kHz`
  if (hz >= 1000) return `${(hz / 1000).toFixed(2)} kHz`
  if (hz >= 100) return `${hz.toFixed(0)} Hz`
  return `${hz.toFixed(1)} Hz`
}

function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 100) return `${ms.toFixed(0)} ms`
  if (ms >= 10) return `${ms.toFixed(1)} ms`
  return `${ms.toFixed(2)} ms`
}

/** The value in the parameter's display range (identity unless display_min/max are given). */
export function displayValue(p: ParameterData, value: number): number {
  if (p.display_min === undefined || p.display_max === undefined || p.max === p.min) return value
  const t = (value - p.min) / (p.max - p.min)
  if (p.log && p.display_min > 0) return p.display_min * (p.display_max / p.display_min) ** t
  return p.display_min + t * (p.display_max - p.display_min)
}

/** What Live's `DeviceParameter.str_for_value(value)` shows: "-6.0 dB", "50L", "C", "2.50 kHz", "50 %". */
export function parameterString(p: ParameterData, value: number): string {
  if (p.is_quantized && p.value_items.length > 0) {
    const item = p.value_items[Math.round(value - p.min)]
    if (item !== undefined) return item
  }
  const v = displayValue(p, value)
  switch (p.unit) {
    case 'volume':
      return formatDb(volumeToDb(value))
    case 'send':
      // Sends top out at 0 dB: the fader curve shifted down by 6 dB. [guess]
      return formatDb(volumeToDb(value) - 6)
    case 'db':
      return formatDb(v)
    case 'pan':
      return panToString(v)
    case 'hz':
      return formatHz(v)
    case 'percent':
      return `${Math.round(v)} %`
    case 'ms':
      return formatMs(v)
    case 'seconds':
      return `${v.toFixed(2)} s`
    case 'semitones':
      return `${Math.round(v)} st`
    case 'cents':
      return `${Math.round(v)} ct`
    case 'ratio':
      return `${v.toFixed(2)} : 1`
    case 'degrees':
      return `${Math.round(v)}°`
    default:
      return p.is_quantized ? String(Math.round(v)) : v.toFixed(2)
  }
}
