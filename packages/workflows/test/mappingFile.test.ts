import type { LiveError } from '@live/protocol'
import { describe, expect, it } from 'vitest'
import { relativeTicks } from '../src/mapping/controlInput.js'
import { decodeMidi } from '../src/mapping/controlKey.js'
import { lineCurve } from '../src/mapping/lineCurve.js'
import { parseLocatedJson } from '../src/mapping/locatedJson.js'
import { planNativeMapping } from '../src/mapping/nativeMapping.js'
import { checkMidiMap, parseMidiMap } from '../src/mapping/parseMidiMap.js'
import { MIDI_MAP_PRESETS } from '../src/mapping/presets/index.js'
import { pickUp } from '../src/mapping/softTakeover.js'

const failure = (fn: () => unknown): LiveError => {
  try {
    fn()
  } catch (error) {
    return error as LiveError
  }
  throw new Error('expected a failure')
}

describe('mapping files', () => {
  it('names the line, column and field of a typo, and suggests the word meant', () => {
    const text = `{
  "name": "my faders",
  "mappings": [
    { "control": { "cc": 7 }, "target": { "kind": "volume", "track": 0 } },
    { "control": { "cc": 8, "chanel": 2 }, "target": { "kind": "volume", "track": 1 } },
    { "control": { "cc": 9 }, "target": { "kind": "volum", "track": 2 } }
  ]
}`
    const error = failure(() => parseMidiMap(text, { source: 'faders.json' }))
    expect(error.code).toBe('INVALID_ARGUMENTS')
    expect(error.message).toMatchInlineSnapshot(`
      "INVALID_ARGUMENTS: faders.json:5:29: mappings[1].control.chanel: unknown field; did you mean "channel"?
        Also faders.json:6:51: mappings[2].target.kind: "volum" is not a target kind; did you mean "volume"?
        Nothing was sent to Live; fix the file and run it again (\`live map FILE --dry-run\` checks it)."
    `)
    expect(error.details?.problems).toEqual([
      { line: 5, column: 29, field: 'mappings[1].control.chanel', problem: 'unknown field; did you mean "channel"?' },
      expect.objectContaining({ line: 6, column: 51, field: 'mappings[2].target.kind' }),
    ])
  })

  it('says where a value is out of range, a field is missing, JSON is broken, or a control is mapped twice', () => {
    const range = failure(() =>
      parseMidiMap('{"mappings": [\n  {"control": {"cc": 128}, "target": {"kind": "tempo"}}\n]}', { source: 'a.json' }),
    )
    expect(range.shortMessage).toMatchInlineSnapshot(
      `"a.json:2:22: mappings[0].control.cc: 128: Too big: expected number to be <=127"`,
    )
    const missing = failure(() =>
      parseMidiMap('{"mappings": [{"control": {"cc": 1}, "target": {"kind": "clip", "track": 0}}]}'),
    )
    expect(missing.shortMessage).toMatchInlineSnapshot(
      `"mapping:1:48: mappings[0].target.scene: is missing (expected number)"`,
    )
    const owner = failure(() => parseMidiMap('{"mappings": [{"control": {"cc": 1}, "target": {"kind": "volume"}}]}'))
    expect(owner.shortMessage).toMatchInlineSnapshot(
      `"mapping:1:48: mappings[0].target: a volume target needs one of track, return, master"`,
    )
    const broken = failure(() => parseMidiMap('{"mappings": [\n  {"control": {"cc": 1},}\n]}', { source: 'b.json' }))
    expect(broken.shortMessage).toMatchInlineSnapshot(
      `"b.json:2:25: is not valid JSON: expected another key after "," (JSON allows no trailing comma), found "}""`,
    )
    const twice = failure(() =>
      parseMidiMap(
        '{"mappings": [\n  {"control": {"cc": 1}, "target": {"kind": "play"}},\n  {"control": {"cc": 1, "channel": 1}, "target": {"kind": "stop"}}\n]}',
      ),
    )
    expect(twice.shortMessage).toMatchInlineSnapshot(
      `"mapping:3:15: mappings[1].control: CC 1/1 is already mapped on line 2 (mappings[0]); give one of them another control or page"`,
    )
  })

  it('locates every value it parses', () => {
    const doc = parseLocatedJson('{\n  "a": [1,\n    {"b": true}]\n}')
    expect(doc.value).toEqual({ a: [1, { b: true }] })
    expect(doc.locate(['a', 1, 'b'])).toEqual({ line: 3, column: 11 })
    expect(doc.locate(['a', 7])).toEqual({ line: 2, column: 8 })
  })

  it('ships three presets that pass their own checks, each citing its source', () => {
    for (const preset of Object.values(MIDI_MAP_PRESETS)) {
      const map = checkMidiMap(preset.map, preset.name)
      expect(map.source?.length).toBeGreaterThan(0)
      expect(map.notes?.some((n) => n.startsWith('Assumed'))).toBe(true)
    }
    expect(Object.keys(MIDI_MAP_PRESETS)).toEqual(['nanokontrol2', 'launch-control-xl', 'apc-mini'])
    expect(checkMidiMap(MIDI_MAP_PRESETS['apc-mini']!.map).mappings).toHaveLength(64 + 8 + 32 + 1 + 4 + 4)
  })

  it('says which lines Live can map itself and why the others cannot be native', () => {
    const map = checkMidiMap({
      mappings: [
        {
          name: 'Cutoff',
          control: { cc: 21, channel: 2 },
          target: { kind: 'parameter', track: 1, device: 0, parameter: 'Filter Freq' },
        },
        { name: 'Fader', control: { cc: 7 }, target: { kind: 'volume', track: 0 } },
        {
          name: 'Enc',
          control: { cc: 22, mode: 'relative-bin-offset' },
          target: { kind: 'parameter', track: 1, device: 0, parameter: 1 },
        },
        { name: 'Pad', control: { note: 36 }, target: { kind: 'parameter', track: 1, device: 0, parameter: 2 } },
        {
          name: 'Master EQ',
          control: { cc: 23 },
          target: { kind: 'parameter', master: true, device: 0, parameter: 2 },
        },
      ],
    })
    const plan = planNativeMapping(map)
    expect(plan.native).toEqual([
      { index: 0, name: 'Cutoff', track: 1, device: 0, parameter: 'Filter Freq', channel: 2, cc: 21 },
    ])
    expect(plan.skipped.map((s) => `${s.name}: ${s.reason}`)).toMatchInlineSnapshot(`
      [
        "Fader: AbletonOSC maps device parameters only; a volume target needs \`live map\` running",
        "Enc: AbletonOSC maps in absolute mode only; relative-bin-offset needs \`live map\` running",
        "Pad: AbletonOSC maps CCs only, not notes, pitch bend or program changes",
        "Master EQ: AbletonOSC reaches the devices of tracks only, not of return tracks or the master",
      ]
    `)
  })
})

describe('reading controls', () => {
  it('decodes the three relative encoder forms', () => {
    expect([1, 3, 127, 125].map((v) => relativeTicks('relative-twos-complement', v))).toEqual([1, 3, -1, -3])
    expect([1, 3, 65, 67].map((v) => relativeTicks('relative-sign-bit', v))).toEqual([1, 3, -1, -3])
    expect([65, 67, 63, 61].map((v) => relativeTicks('relative-bin-offset', v))).toEqual([1, 3, -1, -3])
  })

  it('decodes channel messages, note on with velocity 0 as a release', () => {
    expect(decodeMidi([0x91, 36, 0])).toEqual({ kind: 'note', channel: 2, number: 36, value: 0 })
    expect(decodeMidi([0xe0, 0x7f, 0x7f])).toEqual({ kind: 'pitchBend', channel: 1, number: 0, value: 16383 })
    expect(decodeMidi([0xc3, 5])).toEqual({ kind: 'program', channel: 4, number: 5, value: 5 })
    expect(decodeMidi([0xf8])).toBeUndefined()
  })

  it('maps positions even in dB on a volume fader, and rounds quantised parameters', () => {
    const db = lineCurve({ curve: 'db', range: [-60, 0] }, { min: 0, max: 1, quantized: false })
    expect(db.toValue(0)).toBe(0)
    expect(db.toValue(1)).toBeCloseTo(0.85, 6)
    expect(db.toX(db.toValue(0.5))).toBeCloseTo(0.5, 6)
    const steps = lineCurve({}, { min: 0, max: 3, quantized: true })
    expect([0, 0.3, 0.5, 1].map(steps.toValue)).toEqual([0, 1, 2, 3])
    expect(lineCurve({ invert: true }, { min: -1, max: 1, quantized: false }).toValue(1)).toBe(-1)
  })

  it('picks up: waits until the control reaches or crosses the value', () => {
    const state = { engaged: false, control: undefined, live: 0.5 }
    expect(pickUp(state, 0.1)).toBe(false)
    expect(pickUp(state, 0.3)).toBe(false)
    expect(pickUp(state, 0.55)).toBe(true)
    expect(state.engaged).toBe(true)
    const near = { engaged: false, control: undefined, live: 0.5 }
    expect(pickUp(near, 0.505)).toBe(true)
  })
})
