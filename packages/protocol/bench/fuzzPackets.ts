/**
 * Seeded packet generators for fuzzing the decoder, shared by the fuzz test (a few thousand packets)
 * and the fuzz benchmark (100,000+). Same seed, same packets: a failure is reproducible.
 */
import { isLiveError } from '../src/errors/liveError.js'
import { decodePacket } from '../src/osc/decode.js'
import { encodePacket } from '../src/osc/encode.js'
import type { OscMessage, OscPacket, OscValue } from '../src/osc/types.js'

/** A seeded PRNG (mulberry32): a float in [0, 1) per call. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number

const int = (random: Random, n: number) => Math.floor(random() * n)
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!

const WORDS = ['live', 'song', 'track', 'clip', 'get', 'set', 'tempo', 'volume', 'name', 'Bässe', '🎹', 'Ω', 'x']
const STRINGS = ['', 'a', 'Bass', 'Bässe 🎹 Ω', 'abc', 'abcd', 'é', '日本語', 'x'.repeat(37)]
const SCALARS = 'ifsbhdtTFNIcrmS'

function randomArg(random: Random, depth: number): [string, OscValue] {
  const tag = depth < 3 && random() < 0.08 ? '[' : pick(random, [...SCALARS])
  switch (tag) {
    case 'i':
      return ['i', (int(random, 2 ** 32) - 2 ** 31) | 0]
    case 'f':
      return ['f', pick(random, [0, 120, 0.8, -1.5, 1e-40, 3.4e38, Number.NaN, Number.NEGATIVE_INFINITY])]
    case 'd':
      return ['d', random() * 1e6 - 5e5]
    case 's':
    case 'S':
      return [tag, pick(random, STRINGS)]
    case 'b':
      return ['b', Uint8Array.from({ length: int(random, 9) }, () => int(random, 256))]
    case 'h':
      return ['h', BigInt(int(random, 2 ** 31)) * BigInt(int(random, 2 ** 31)) - 2n ** 61n]
    case 't':
      return ['t', { seconds: int(random, 2 ** 32), fraction: int(random, 2 ** 32) }]
    case 'c':
      return ['c', pick(random, ['a', 'é', '🎹'])]
    case 'r':
      return ['r', { r: int(random, 256), g: int(random, 256), b: int(random, 256), a: int(random, 256) }]
    case 'm':
      return ['m', Uint8Array.from([0, 0x90, 60, 100])]
    case 'T':
      return ['T', true]
    case 'F':
      return ['F', false]
    case 'N':
      return ['N', null]
    case 'I':
      return ['I', Number.POSITIVE_INFINITY]
    default: {
      const inner = Array.from({ length: int(random, 4) }, () => randomArg(random, depth + 1))
      return [`[${inner.map(([t]) => t).join('')}]`, inner.map(([, v]) => v)]
    }
  }
}

/** A random valid message with explicit types. */
export function randomMessage(random: Random): OscMessage {
  const address = '/' + Array.from({ length: 1 + int(random, 4) }, () => pick(random, WORDS)).join('/')
  const pairs = Array.from({ length: int(random, 7) }, () => randomArg(random, 0))
  return { address, types: pairs.map(([t]) => t).join(''), args: pairs.map(([, v]) => v) }
}

/** A random valid packet: mostly messages, sometimes (nested) bundles. */
export function randomPacket(random: Random, depth = 0): OscPacket {
  if (depth < 3 && random() < 0.2) {
    return {
      timeTag: { seconds: int(random, 2 ** 32), fraction: int(random, 2 ** 32) },
      elements: Array.from({ length: int(random, 4) }, () => randomPacket(random, depth + 1)),
    }
  }
  return randomMessage(random)
}

const INTERESTING_BYTES = [0, 0xff, 0x2c, 0x2f, 0x23, 0x5b, 0x5d, 0x80, 0xc3, 0xf0, 0x69, 0x73, 0x62]
const INTERESTING_INT32 = [0, -1, 1, 3, 4, 0x7fffffff, -0x80000000, 0x7ffffffc, 65536]

/** A damaged copy of `bytes`: flipped, overwritten, truncated, extended or shifted. */
export function mutate(random: Random, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes)
  const n = out.length
  switch (int(random, 6)) {
    case 0:
      if (n > 0) out[int(random, n)]! ^= 1 << int(random, 8)
      return out
    case 1:
      for (let k = 0; k < 1 + int(random, 4) && n > 0; k++) out[int(random, n)] = pick(random, INTERESTING_BYTES)
      return out
    case 2:
      if (n >= 4) {
        const at = int(random, n >> 2) * 4
        const v = pick(random, INTERESTING_INT32)
        out[at] = v >>> 24
        out[at + 1] = v >>> 16
        out[at + 2] = v >>> 8
        out[at + 3] = v
      }
      return out
    case 3:
      return out.subarray(0, int(random, n + 1))
    case 4: {
      const longer = new Uint8Array(n + 1 + int(random, 12))
      longer.set(out)
      for (let i = n; i < longer.length; i++) longer[i] = random() < 0.5 ? 0 : int(random, 256)
      return longer
    }
    default: {
      // Remove one aligned word: sizes and offsets after it no longer agree.
      if (n < 8) return out
      const at = int(random, n >> 2) * 4
      const shorter = new Uint8Array(n - 4)
      shorter.set(out.subarray(0, at))
      shorter.set(out.subarray(at + 4), at)
      return shorter
    }
  }
}

/** Random bytes, often starting like a message or a bundle so the decoder gets past the first check. */
export function randomBytes(random: Random): Uint8Array {
  const out = Uint8Array.from({ length: int(random, 96) }, () => (random() < 0.3 ? 0 : int(random, 256)))
  const head = random()
  if (head < 0.4 && out.length > 0) out[0] = 0x2f
  else if (head < 0.6 && out.length >= 8) out.set([0x23, 0x62, 0x75, 0x6e, 0x64, 0x6c, 0x65, 0], 0)
  return out
}

/** `count` packets from `seed`: a third valid, a third mutated, a third random bytes. */
export function generateFuzzPackets(seed: number, count: number): Uint8Array[] {
  const random = createRandom(seed)
  const packets: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    const kind = i % 3
    const valid = encodePacket(randomPacket(random))
    packets.push(kind === 0 ? valid : kind === 1 ? mutate(random, valid) : randomBytes(random))
  }
  return packets
}

/** What a fuzz run saw. */
export interface FuzzReport {
  packets: number
  decoded: number
  rejected: number
  /** Descriptions of anything other than a clean decode or a DECODE_FAILED LiveError (should be empty). */
  failures: string[]
}

/**
 * Decodes `count` packets (a third valid, a third mutated, a third random bytes) from `seed`. Valid
 * packets must decode and re-encode to the same bytes; every other outcome must be a clean decode or
 * LiveError DECODE_FAILED.
 */
export function fuzzDecoder(seed: number, count: number): FuzzReport {
  const random = createRandom(seed)
  const report: FuzzReport = { packets: 0, decoded: 0, rejected: 0, failures: [] }
  for (let i = 0; i < count; i++) {
    const kind = i % 3
    const valid = encodePacket(randomPacket(random))
    const bytes = kind === 0 ? valid : kind === 1 ? mutate(random, valid) : randomBytes(random)
    report.packets++
    try {
      const decoded = decodePacket(bytes)
      report.decoded++
      if (kind === 0 && !sameBytes(encodePacket(decoded), bytes)) {
        report.failures.push(`packet ${i}: a valid packet did not re-encode to the same bytes`)
      }
    } catch (error) {
      if (isLiveError(error, 'DECODE_FAILED')) report.rejected++
      else report.failures.push(`packet ${i} (${hex(bytes)}): ${String(error)}`)
    }
    if (report.failures.length >= 10) break
  }
  return report
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join('')
}
