import { describe, expect, it } from 'vitest'
import { pyJsonFloat, pyJsonString, songStructureJson, songStructureSchema } from './songStructure.js'

describe('songStructureJson', () => {
  it("writes floats as Python's float.__repr__ does", () => {
    expect(
      [0, -0, 4, 0.85, 1e-5, 0.0001, 1e16, 123456789012345.6, -2.5, Number.NaN, Infinity].map(pyJsonFloat),
    ).toEqual([
      '0.0',
      '-0.0',
      '4.0',
      '0.85',
      '1e-05',
      '0.0001',
      '1e+16',
      '123456789012345.6',
      '-2.5',
      'NaN',
      'Infinity',
    ])
  })

  it('escapes strings as json.dump with ensure_ascii does', () => {
    expect(pyJsonString('Kick "808"\\\n\tÉ😀\u007f')).toBe(String.raw`"Kick \"808\"\\\n\t\u00c9\ud83d\ude00\u007f"`)
  })

  it("lays the file out in AbletonOSC's key order with Python's separators", () => {
    const structure = {
      tracks: [
        {
          index: 0,
          name: 'Drums',
          is_foldable: false,
          group_track: null,
          clips: [{ index: 1, name: 'Beat', length: 4 }],
          devices: [
            {
              class_name: 'Reverb',
              type: 2,
              name: 'Reverb',
              parameters: [{ name: 'Device On', value: 1, min: 0, max: 1, is_quantized: true }],
            },
          ],
        },
      ],
    }
    const text = songStructureJson(structure)
    expect(text).toMatchInlineSnapshot(
      `"{"tracks": [{"index": 0, "name": "Drums", "is_foldable": false, "group_track": null, "clips": [{"index": 1, "name": "Beat", "length": 4.0}], "devices": [{"class_name": "Reverb", "type": 2, "name": "Reverb", "parameters": [{"name": "Device On", "value": 1.0, "min": 0.0, "max": 1.0, "is_quantized": true}]}]}]}"`,
    )
    expect(songStructureSchema.parse(JSON.parse(text))).toEqual(structure)
  })
})
