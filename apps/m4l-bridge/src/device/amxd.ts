/**
 * The `.amxd` container around a patcher, as Max for Live writes an unfrozen audio effect:
 * `ampf` + u32le 4 + `aaaa` (audio effect; `mmmm` MIDI effect, `iiii` instrument), `meta` + u32le 4 +
 * 4 zero bytes, `ptch` + u32le length, then the patcher JSON. Cycling '74 does not document it; this
 * layout is the one community tools read and write (see README, "Sources").
 */

/** The device type tags of the `ampf` chunk. */
export const DEVICE_TYPES = { audio: 'aaaa', midi: 'mmmm', instrument: 'iiii' } as const

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0))
const u32le = (n: number) => Uint8Array.of(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255)

/** Wraps patcher JSON text as an `.amxd` device. */
export function toAmxd(patcherJson: string, type: keyof typeof DEVICE_TYPES = 'audio'): Uint8Array {
  const body = new TextEncoder().encode(patcherJson)
  const parts = [
    ascii('ampf'),
    u32le(4),
    ascii(DEVICE_TYPES[type]),
    ascii('meta'),
    u32le(4),
    u32le(0),
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

/** Reads the patcher JSON text back out of an `.amxd` (unfrozen devices). */
export function fromAmxd(bytes: Uint8Array): { type: string; json: string } {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  if (text(0, 4) !== 'ampf' || text(12, 16) !== 'meta' || text(24, 28) !== 'ptch') {
    throw new Error('not an unfrozen .amxd: expected ampf, meta and ptch chunks')
  }
  const length = (bytes[28]! | (bytes[29]! << 8) | (bytes[30]! << 16)) + bytes[31]! * 2 ** 24
  return { type: text(8, 12), json: new TextDecoder().decode(bytes.subarray(32, 32 + length)) }
}
