import { z } from 'zod'
import type { LiveObjectModel, LomValue } from '../model/liveObjectModel.js'
import { lastIndex, refPath } from './context.js'

/** A device parameter as AbletonOSC's `/live/song/export/structure` lists it. */
const structureParameterSchema = z.object({
  name: z.string(),
  value: z.number(),
  min: z.number(),
  max: z.number(),
  is_quantized: z.boolean(),
})

/**
 * The file `/live/song/export/structure` writes (`<tempdir>/abletonosc-song-structure.json`), in
 * AbletonOSC's key order: session clips only; return and master tracks are not listed
 * (shared/protocol/BEHAVIOUR.md §11, AbletonOSC's `song_export_structure`).
 */
export const songStructureSchema = z.object({
  tracks: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      is_foldable: z.boolean(),
      /** Index (in `song.tracks`) of the group track holding this one, or null. */
      group_track: z.number().int().nullable(),
      clips: z.array(z.object({ index: z.number().int(), name: z.string(), length: z.number() })),
      devices: z.array(
        z.object({
          class_name: z.string(),
          /** Live's enum: 1 instrument, 2 audio effect, 4 MIDI effect (0 undefined). */
          type: z.number().int(),
          name: z.string(),
          parameters: z.array(structureParameterSchema),
        }),
      ),
    }),
  ),
})

/** What `/live/song/export/structure` writes; parse a read file with {@link songStructureSchema}. */
export type SongStructure = z.infer<typeof songStructureSchema>

/** The file name AbletonOSC writes into the temp directory. */
export const SONG_STRUCTURE_FILE = 'abletonosc-song-structure.json'

const num = (value: LomValue): number => (typeof value === 'number' ? value : Number(value))

/**
 * Reads the structure from the model as AbletonOSC's handler walks `song.tracks`.
 *
 * @example
 * const structure = readSongStructure(model)
 * structure.tracks[0]?.name // '1-MIDI'
 */
export function readSongStructure(model: LiveObjectModel): SongStructure {
  const tracks: SongStructure['tracks'] = []
  const trackCount = model.getCount('live_set', 'tracks')
  for (let t = 0; t < trackCount; t++) {
    const track = `live_set tracks ${t}`
    const groupPath = refPath(model.get(track, 'group_track'))
    const clips: SongStructure['tracks'][number]['clips'] = []
    const slots = model.getCount(track, 'clip_slots')
    for (let s = 0; s < slots; s++) {
      const clip = `${track} clip_slots ${s} clip`
      if (!model.exists(clip)) continue
      clips.push({ index: s, name: String(model.get(clip, 'name')), length: num(model.get(clip, 'length')) })
    }
    const devices: SongStructure['tracks'][number]['devices'] = []
    const deviceCount = model.getCount(track, 'devices')
    for (let d = 0; d < deviceCount; d++) {
      const device = `${track} devices ${d}`
      const parameters: SongStructure['tracks'][number]['devices'][number]['parameters'] = []
      const parameterCount = model.getCount(device, 'parameters')
      for (let p = 0; p < parameterCount; p++) {
        const parameter = `${device} parameters ${p}`
        parameters.push({
          name: String(model.get(parameter, 'name')),
          value: num(model.get(parameter, 'value')),
          min: num(model.get(parameter, 'min')),
          max: num(model.get(parameter, 'max')),
          is_quantized: model.get(parameter, 'is_quantized') === true,
        })
      }
      devices.push({
        class_name: String(model.get(device, 'class_name')),
        type: num(model.get(device, 'type')),
        name: String(model.get(device, 'name')),
        parameters,
      })
    }
    tracks.push({
      index: t,
      name: String(model.get(track, 'name')),
      is_foldable: model.get(track, 'is_foldable') === true,
      group_track: groupPath === null ? null : (lastIndex(groupPath, 'tracks') ?? null),
      clips,
      devices,
    })
  }
  return { tracks }
}

/**
 * The structure as Python's `json.dump(song, fd)` writes it: `", "` and `": "` separators, floats
 * always with a point (`4.0`), non-ASCII escaped (`ensure_ascii`), so the file matches AbletonOSC's
 * byte for byte.
 *
 * @example
 * songStructureJson({ tracks: [] }) // '{"tracks": []}'
 */
export function songStructureJson(structure: SongStructure): string {
  const tracks = structure.tracks.map((t) => {
    const clips = t.clips.map((c) =>
      obj([
        ['index', String(c.index)],
        ['name', pyJsonString(c.name)],
        ['length', pyJsonFloat(c.length)],
      ]),
    )
    const devices = t.devices.map((d) => {
      const parameters = d.parameters.map((p) =>
        obj([
          ['name', pyJsonString(p.name)],
          ['value', pyJsonFloat(p.value)],
          ['min', pyJsonFloat(p.min)],
          ['max', pyJsonFloat(p.max)],
          ['is_quantized', String(p.is_quantized)],
        ]),
      )
      return obj([
        ['class_name', pyJsonString(d.class_name)],
        ['type', String(d.type)],
        ['name', pyJsonString(d.name)],
        ['parameters', list(parameters)],
      ])
    })
    return obj([
      ['index', String(t.index)],
      ['name', pyJsonString(t.name)],
      ['is_foldable', String(t.is_foldable)],
      ['group_track', t.group_track === null ? 'null' : String(t.group_track)],
      ['clips', list(clips)],
      ['devices', list(devices)],
    ])
  })
  return obj([['tracks', list(tracks)]])
}

const obj = (entries: readonly (readonly [string, string])[]): string =>
  `{${entries.map(([k, v]) => `${pyJsonString(k)}: ${v}`).join(', ')}}`
const list = (items: readonly string[]): string => `[${items.join(', ')}]`

/** A float as Python's `json` writes it (`float.__repr__`; NaN and Infinity as Python spells them). */
export function pyJsonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  // repr() switches to scientific notation below 1e-4 and from 1e16 on.
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  const fixed = String(value)
  return fixed.includes('.') ? fixed : `${fixed}.0`
}

/** A string as Python's `json` writes it with `ensure_ascii=True`. */
export function pyJsonString(text: string): string {
  let out = '"'
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const ch = text[i]!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}"`
}
