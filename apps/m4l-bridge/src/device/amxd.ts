/**
 * The `.amxd` container around a patcher, as Max for Live writes an unfrozen device. Cycling '74 does not document
 * it; the layout is the one Ableton's own reader walks (Ableton/maxdevtools maxdiff/amxd_textconv.py: 4-byte tag,
 * u32le size, data, for `ampf`, `meta`, `ptch`; a `ptch` whose data starts `mx@c` is frozen; a trailing NUL inside
 * the `ptch` size is stripped before the JSON is parsed):
 *
 *   `ampf` u32le 4 `aaaa`   device type (`mmmm` MIDI effect, `iiii` instrument)
 *   `meta` u32le 4 u32le 1  1 for an unfrozen device (the bridge's issue read 7 in frozen ones, which carry `mx@c`)
 *   `ptch` u32le n          n bytes: the patcher JSON, then `\n` and `\0`, both counted in n
 *
 * The meta value: community writers disagree (several write 0 and load in Live); a writer that mirrors Max's
 * factory instrument files writes 1, as the bridge's issue read from Producer Pal's and Knobbler4's devices.
 * Ableton's reader ignores it. The built file is compared against this layout in test/amxd.test.ts.
 */

/** The device type tags of the `ampf` chunk. */
export const DEVICE_TYPES = { audio: 'aaaa', midi: 'mmmm', instrument: 'iiii' } as const

/** The `meta` value Max writes for an unfrozen device. */
export const META_UNFROZEN = 1

/** What follows the JSON inside `ptch`: a newline and a NUL, both counted in the chunk's size. */
export const PTCH_TERMINATOR = '\n\0'

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0))
const u32le = (n: number) => Uint8Array.of(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255)
const readU32le = (bytes: Uint8Array, at: number) =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 2 ** 24

/** Wraps patcher JSON text as an unfrozen `.amxd` device. */
export function toAmxd(patcherJson: string, type: keyof typeof DEVICE_TYPES = 'audio'): Uint8Array {
  const body = new TextEncoder().encode(patcherJson.replace(/\n?$/, '') + PTCH_TERMINATOR)
  const parts = [
    ascii('ampf'),
    u32le(4),
    ascii(DEVICE_TYPES[type]),
    ascii('meta'),
    u32le(4),
    u32le(META_UNFROZEN),
    ascii('ptch'),
    u32le(body.length),
    body,
  ]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** Reads the chunks of an `.amxd` and the patcher JSON of an unfrozen one (without its `\n\0`). */
export function fromAmxd(bytes: Uint8Array): { type: string; meta: number; json: string } {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  if (text(0, 4) !== 'ampf' || text(12, 16) !== 'meta' || text(24, 28) !== 'ptch') {
    throw new Error('not an .amxd: expected ampf, meta and ptch chunks')
  }
  const length = readU32le(bytes, 28)
  if (32 + length !== bytes.length) throw new Error(`ptch says ${length} bytes, the file holds ${bytes.length - 32}`)
  if (text(32, 36) === 'mx@c') throw new Error('the device is frozen: its ptch holds mx@c, not JSON')
  const body = new TextDecoder().decode(bytes.subarray(32, 32 + length))
  return { type: text(8, 12), meta: readU32le(bytes, 20), json: body.replace(/\n?\0$/, '') }
}
