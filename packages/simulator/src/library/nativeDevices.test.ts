import { describe, expect, it } from 'vitest'
import { parameterString } from '../model/valueStrings.js'
import { NATIVE_DEVICES, nativeParameters } from './catalogue.js'
import { findNativeDevice, nearestNativeDeviceNames, unknownNativeDeviceText } from './findNativeDevice.js'

const MOST_USED = [
  'Drift',
  'Operator',
  'Wavetable',
  'Simpler',
  'Drum Rack',
  'Analog',
  'Meld',
  'EQ Eight',
  'Compressor',
  'Glue Compressor',
  'Reverb',
  'Delay',
  'Echo',
  'Auto Filter',
  'Saturator',
  'Utility',
  'Chorus-Ensemble',
  'Phaser-Flanger',
  'Limiter',
  'Roar',
  'Arpeggiator',
  'Chord',
  'Scale',
  'Note Length',
  'Velocity',
]

describe('findNativeDevice', () => {
  it('finds by browser name, in any case or spacing, and by class name', () => {
    const found = [
      'Drift',
      'eq eight',
      'EQ EIGHT',
      'chorus ensemble',
      'eq8',
      'InstrumentVector',
      'StereoGain',
      'OriginalSimpler',
      'AutoFilter',
    ]
      .map((n) => findNativeDevice(n))
      .map((d) => d && [d.name, d.className, d.type])
    expect(found).toEqual([
      ['Drift', 'Drift', 1],
      ['EQ Eight', 'Eq8', 2],
      ['EQ Eight', 'Eq8', 2],
      ['Chorus-Ensemble', 'Chorus2', 2],
      ['EQ Eight', 'Eq8', 2],
      ['Wavetable', 'InstrumentVector', 1],
      ['Utility', 'StereoGain', 2],
      ['Simpler', 'OriginalSimpler', 1],
      ['Auto Filter', 'AutoFilter2', 2],
    ])
    expect(findNativeDevice('Serum')).toBeUndefined()
  })

  it('suggests the nearest real names by edit distance and prefix', () => {
    expect(nearestNativeDeviceNames('Driftt')).toEqual(['Drift'])
    expect(nearestNativeDeviceNames('Compresor')).toEqual(['Compressor'])
    expect(nearestNativeDeviceNames('Auto')).toEqual(['Auto Filter', 'Auto Pan-Tremolo', 'Auto Shift'])
    expect(nearestNativeDeviceNames('qqqqqq')).toEqual([])
  })

  it('words the unknown-name error as the protocol sends it', () => {
    expect([
      unknownNativeDeviceText('Driftt'),
      unknownNativeDeviceText('Auto'),
      unknownNativeDeviceText('Serum'),
    ]).toMatchInlineSnapshot(`
        [
          "no native device named 'Driftt'; did you mean Drift?",
          "no native device named 'Auto'; did you mean Auto Filter, Auto Pan-Tremolo or Auto Shift?",
          "no native device named 'Serum'; the names are Live's browser names, such as Drift, Operator, EQ Eight or Reverb",
        ]
      `)
  })
})

describe('the native-device tables', () => {
  it('list every device once, with a unique class name and a type Live uses', () => {
    expect(new Set(NATIVE_DEVICES.map((d) => d.name)).size).toBe(NATIVE_DEVICES.length)
    expect(new Set(NATIVE_DEVICES.map((d) => d.className)).size).toBe(NATIVE_DEVICES.length)
    expect(NATIVE_DEVICES.filter((d) => ![1, 2, 4].includes(d.type))).toEqual([])
    expect(NATIVE_DEVICES.length).toBe(67)
  })

  it('give the 25 most used devices a parameter table', () => {
    expect(MOST_USED.filter((n) => findNativeDevice(n)?.parameters === undefined)).toEqual([])
  })

  it('keep every parameter sane: Device On first, names unique, min < max or items, default in range', () => {
    const problems: string[] = []
    for (const device of NATIVE_DEVICES) {
      const params = nativeParameters(device)
      if (params[0]?.name !== 'Device On') problems.push(`${device.name}: first is ${params[0]?.name}`)
      const names = params.map((p) => p.name)
      for (const dup of names.filter((n, i) => names.indexOf(n) !== i)) problems.push(`${device.name}: ${dup} twice`)
      for (const p of params) {
        const where = `${device.name} / ${p.name}`
        if (!(p.min < p.max)) problems.push(`${where}: min ${p.min} !< max ${p.max}`)
        if (p.is_quantized && p.value_items.length > 0 && p.value_items.length !== p.max - p.min + 1)
          problems.push(`${where}: ${p.value_items.length} items for ${p.min}..${p.max}`)
        if (!(p.value >= p.min && p.value <= p.max))
          problems.push(`${where}: value ${p.value} outside ${p.min}..${p.max}`)
        const def = p.default_value
        if (def !== undefined && !(def >= p.min && def <= p.max)) problems.push(`${where}: default ${def} outside`)
        if (p.is_quantized && !Number.isInteger(p.value)) problems.push(`${where}: quantised value ${p.value}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('show values as Live displays them (Hz, dB, ms, %)', () => {
    const shown = (device: string, parameter: string) => {
      const p = nativeParameters(findNativeDevice(device)!).find((x) => x.name === parameter)!
      return parameterString(p, p.value)
    }
    expect([
      shown('Reverb', 'Decay Time'),
      shown('Reverb', 'Dry/Wet'),
      shown('Reverb', 'Density'),
      shown('EQ Eight', '1 Gain A'),
      shown('Drift', 'LP Freq'),
      shown('Compressor', 'Ratio'),
      shown('Utility', 'Channel Mode'),
      shown('Delay', 'L 16th'),
    ]).toMatchInlineSnapshot(`
      [
        "2.60 s",
        "50 %",
        "Mid",
        "0.0 dB",
        "3.56 kHz",
        "4.00 : 1",
        "Stereo",
        "3",
      ]
    `)
  })
})
